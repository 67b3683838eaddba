"""Branches by the one vocabulary (beleid.begrippen.Branche)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meldingen', '0002_werkstroom'),
    ]

    operations = [
        migrations.AlterField(
            model_name='inkoopmelding',
            name='branche',
            field=models.CharField(blank=True, choices=[('bouw', 'Bouw'), ('milieu', 'Milieu (afval, bodem)'), ('ict', 'ICT'), ('vervoer', 'Vervoer'), ('beveiliging', 'Beveiliging en veiligheid'), ('openbare_orde', 'Openbare orde'), ('zorg', '(Jeugd)zorg en welzijn'), ('externe_inhuur', 'Externe inhuur'), ('archief', 'Bewerken van het archief'), ('overig', 'Overig')], max_length=40, verbose_name='branche'),
        ),
    ]
