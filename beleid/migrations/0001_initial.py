"""The policy models, moved from adviezen: state only, the tables keep their names (ADR 0005)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('inkoop', '0002_notificatie'),
        ('adviezen', '0003_beleid_termijnen'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.CreateModel(
                name='Beleid',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('naam', models.CharField(max_length=200, verbose_name='naam')),
                    ('geldig_vanaf', models.DateField(verbose_name='geldig vanaf')),
                    ('toelichting', models.TextField(blank=True, verbose_name='toelichting op de wijziging')),
                    ('aangemaakt_op', models.DateTimeField(auto_now_add=True, verbose_name='aangemaakt op')),
                    ('melding_vanaf', models.DecimalField(decimal_places=2, max_digits=15, verbose_name='inkoopmelding vanaf')),
                    ('uitnodigen_enkelvoudig', models.PositiveSmallIntegerField(default=1, verbose_name='enkelvoudig: aantal offertes')),
                    ('uitnodigen_meervoudig_min', models.PositiveSmallIntegerField(default=3, verbose_name='meervoudig: minimaal uitnodigen')),
                    ('uitnodigen_meervoudig_max', models.PositiveSmallIntegerField(default=5, verbose_name='meervoudig: maximaal uitnodigen')),
                    ('min_regionaal_meervoudig', models.PositiveSmallIntegerField(default=2, verbose_name='meervoudig: minimaal lokaal/regionaal')),
                    ('sroi_vanaf', models.DecimalField(decimal_places=2, max_digits=15, verbose_name='SROI vanaf')),
                    ('sroi_percentage', models.DecimalField(decimal_places=2, max_digits=5, verbose_name='SROI-percentage')),
                    ('sroi_percentage_verlaagd', models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, verbose_name='verlaagd SROI-percentage')),
                    ('sroi_verlaagd_arbeidsaandeel_onder', models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, verbose_name='verlaagd percentage bij arbeidsaandeel onder (%)')),
                    ('sroi_soorten', models.JSONField(default=list, verbose_name='soorten opdracht met SROI')),
                    ('sroi_maatwerk_soorten', models.JSONField(blank=True, default=list, verbose_name='soorten met SROI per opdracht bepaald')),
                    ('bibob_branches', models.JSONField(default=list, verbose_name='Bibob-branches')),
                    ('bibob_vanaf', models.DecimalField(decimal_places=2, default=0, max_digits=15, verbose_name='Bibob vanaf')),
                    ('bibob_risicocategorieen', models.JSONField(blank=True, default=list, verbose_name='Bibob-risicocategorieën')),
                    ('percelen_max_leveringen_diensten', models.DecimalField(decimal_places=2, max_digits=15, verbose_name='percelenregeling: max. perceel leveringen/diensten')),
                    ('percelen_max_werken', models.DecimalField(decimal_places=2, max_digits=15, verbose_name='percelenregeling: max. perceel werken')),
                    ('percelen_max_aandeel', models.DecimalField(decimal_places=4, max_digits=5, verbose_name='percelenregeling: max. aandeel (fractie)')),
                    ('percelen_selectie', models.CharField(choices=[('grootste_eerst', 'Grootste passende percelen eerst'), ('kleinste_eerst', 'Kleinste percelen eerst')], default='grootste_eerst', max_length=20, verbose_name='percelenregeling: volgorde')),
                    ('mvoi_themas', models.JSONField(blank=True, default=list, verbose_name="MVOI-thema's")),
                    ('tenderboard_vanaf', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='tenderboard vanaf (leeg = EU-drempel)')),
                    ('gouden_aanbesteding_vanaf', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='Gouden Aanbesteding vanaf')),
                    ('drempel_marge_pct', models.DecimalField(decimal_places=2, default=10, max_digits=5, verbose_name='waarschuwing binnen % onder de EU-drempel')),
                    ('splitsing_venster_maanden', models.PositiveSmallIntegerField(default=12, verbose_name='splitsingsvenster (maanden)')),
                    ('advies_termijn_werkdagen', models.PositiveSmallIntegerField(default=10, verbose_name='advies binnen (werkdagen)')),
                    ('beoordelen_vanaf', models.DecimalField(decimal_places=2, default=15000, max_digits=15, verbose_name='crediteur zonder inkooppakket signaleren vanaf')),
                    ('aangemaakt_door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('organisatie', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='inkoop.organisatie')),
                ],
                options={
                    'verbose_name': 'beleid',
                    'verbose_name_plural': 'beleidsversies',
                    'db_table': 'adviezen_beleid',
                    'ordering': ['-geldig_vanaf', '-aangemaakt_op', '-id'],
                },
            ),
            migrations.CreateModel(
                name='EuDrempelperiode',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('geldig_vanaf', models.DateField(verbose_name='geldig vanaf')),
                    ('geldig_tot', models.DateField(blank=True, null=True, verbose_name='geldig tot en met')),
                    ('leveringen_diensten', models.DecimalField(decimal_places=2, max_digits=15, verbose_name='leveringen en diensten (decentraal)')),
                    ('werken', models.DecimalField(decimal_places=2, max_digits=15, verbose_name='werken')),
                    ('sociale_diensten', models.DecimalField(decimal_places=2, max_digits=15, verbose_name='sociale en andere specifieke diensten')),
                    ('centraal', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='centrale overheid (ter informatie)')),
                    ('nuts_leveringen_diensten', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='nutssectoren leveringen/diensten')),
                    ('nuts_sociale_diensten', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, verbose_name='nutssectoren sociale diensten')),
                    ('regel', models.CharField(default='L-01', max_length=10, verbose_name='regel')),
                    ('bron', models.CharField(blank=True, max_length=300, verbose_name='bron')),
                    ('beleid', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='eu_drempels', to='beleid.beleid')),
                ],
                options={
                    'verbose_name': 'EU-drempelperiode',
                    'verbose_name_plural': 'EU-drempelperioden',
                    'db_table': 'adviezen_eudrempelperiode',
                    'ordering': ['geldig_vanaf'],
                },
            ),
            migrations.CreateModel(
                name='Procedureband',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('soort', models.CharField(choices=[('levering', 'Levering'), ('dienst', 'Dienst'), ('werk', 'Werk'), ('sociale_dienst', 'Sociale of andere specifieke dienst')], max_length=20, verbose_name='soort')),
                    ('werk_categorie', models.CharField(blank=True, choices=[('bouw', 'Bouw (gebouwen)'), ('gww', 'Grond-, weg- en waterbouw'), ('cultuurtechnisch', 'Cultuurtechnisch (groen, landschap)')], max_length=20, verbose_name='categorie werk (leeg = alle)')),
                    ('vanaf', models.DecimalField(decimal_places=2, max_digits=15, verbose_name='vanaf')),
                    ('procedure', models.CharField(choices=[('enkelvoudig', 'Enkelvoudig onderhands'), ('meervoudig_onderhands', 'Meervoudig onderhands'), ('nationaal_openbaar', 'Nationaal openbaar')], max_length=40, verbose_name='procedure')),
                    ('altijd_regionaal', models.BooleanField(default=False, verbose_name='altijd regionale ondernemers uitnodigen')),
                    ('regel', models.CharField(blank=True, max_length=10, verbose_name='regel')),
                    ('bron', models.CharField(blank=True, max_length=300, verbose_name='bron')),
                    ('beleid', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='banden', to='beleid.beleid')),
                ],
                options={
                    'verbose_name': 'procedureband',
                    'verbose_name_plural': 'procedurebanden',
                    'db_table': 'adviezen_procedureband',
                    'ordering': ['soort', 'werk_categorie', 'vanaf'],
                },
            ),
        ], database_operations=[]),
    ]
