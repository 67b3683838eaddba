"""The policy moved to the beleid app (state only, ADR 0005); procedures by the vocabulary's values."""

import django.db.models.deletion
from django.db import migrations, models

# Old machine values -> the vocabulary (beleid.begrippen.Procedure, interfaces.md §8).
NIEUW = {"enkelvoudig_onderhands": "enkelvoudig", "europees_sociaal_verlicht": "sociaal_en_specifiek"}
OUD = {v: k for k, v in NIEUW.items()}


def _omzetten(apps, schema_editor, tabel):
    Advies = apps.get_model("adviezen", "Advies")
    for advies in Advies.objects.all().only("id", "procedure", "berekend").iterator():
        berekend = advies.berekend or {}
        gewijzigd = False
        if advies.procedure in tabel:
            advies.procedure = tabel[advies.procedure]
            gewijzigd = True
        if berekend.get("procedure") in tabel:
            berekend["procedure"] = tabel[berekend["procedure"]]
            gewijzigd = True
        for perceel in berekend.get("percelen") or []:
            if perceel.get("procedure") in tabel:
                perceel["procedure"] = tabel[perceel["procedure"]]
                gewijzigd = True
        if gewijzigd:
            Advies.objects.filter(pk=advies.pk).update(procedure=advies.procedure, berekend=berekend)


def vooruit(apps, schema_editor):
    _omzetten(apps, schema_editor, NIEUW)


def terug(apps, schema_editor):
    _omzetten(apps, schema_editor, OUD)


class Migration(migrations.Migration):

    dependencies = [
        ('adviezen', '0003_beleid_termijnen'),
        ('beleid', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.AlterField(
                model_name='advies',
                name='beleid',
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                        related_name='adviezen', to='beleid.beleid'),
            ),
            migrations.DeleteModel(name='Procedureband'),
            migrations.DeleteModel(name='EuDrempelperiode'),
            migrations.DeleteModel(name='Beleid'),
        ], database_operations=[]),
        migrations.AlterField(
            model_name='advies',
            name='procedure',
            field=models.CharField(blank=True, choices=[('enkelvoudig', 'Enkelvoudig onderhands'), ('meervoudig_onderhands', 'Meervoudig onderhands'), ('nationaal_openbaar', 'Nationaal openbaar'), ('nationaal_niet_openbaar', 'Nationaal niet-openbaar'), ('europees_openbaar', 'Europees openbaar'), ('europees_niet_openbaar', 'Europees niet-openbaar'), ('europees_mededingingsprocedure', 'Europese mededingingsprocedure met onderhandeling'), ('europees_concurrentiegerichte_dialoog', 'Europese concurrentiegerichte dialoog'), ('europees_innovatiepartnerschap', 'Europees innovatiepartnerschap'), ('onderhandelingsprocedure_zonder_aankondiging', 'Onderhandelingsprocedure zonder aankondiging'), ('sociaal_en_specifiek', 'Sociale en andere specifieke diensten (verlicht regime)'), ('didam_openbare_selectie', 'Openbare selectieprocedure (Didam)'), ('didam_enige_serieuze_gegadigde', 'Verkoop aan de enige serieuze gegadigde (Didam)'), ('biedingsprocedure', 'Biedingsprocedure (verkoop)')], max_length=50, verbose_name='procedure'),
        ),
        migrations.RunPython(vooruit, terug),
    ]
