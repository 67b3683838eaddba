"""Procedures, kinds and branches by the one vocabulary (beleid.begrippen); old values converted."""

from django.db import migrations, models

PROCEDURE = {"enkelvoudig_onderhands": "enkelvoudig", "europees_mededinging": "europees_mededingingsprocedure",
             "europees_dialoog": "europees_concurrentiegerichte_dialoog",
             "europees_sociaal_verlicht": "sociaal_en_specifiek"}
SOORT = {"verkoop": "verkoop_grond"}


def _omzetten(apps, procedure, soort):
    for naam in ("Traject", "HistoricalTraject"):
        model = apps.get_model("contracten", naam)
        for oud, nieuw in procedure.items():
            model.objects.filter(procedure=oud).update(procedure=nieuw)
    for naam in ("Traject", "HistoricalTraject", "Contract", "HistoricalContract"):
        model = apps.get_model("contracten", naam)
        for oud, nieuw in soort.items():
            model.objects.filter(soort=oud).update(soort=nieuw)


def vooruit(apps, schema_editor):
    _omzetten(apps, PROCEDURE, SOORT)


def terug(apps, schema_editor):
    _omzetten(apps, {v: k for k, v in PROCEDURE.items()}, {v: k for k, v in SOORT.items()})


class Migration(migrations.Migration):

    dependencies = [
        ('contracten', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='bibobtoets',
            name='branche',
            field=models.CharField(choices=[('bouw', 'Bouw'), ('milieu', 'Milieu (afval, bodem)'), ('ict', 'ICT'), ('vervoer', 'Vervoer'), ('beveiliging', 'Beveiliging en veiligheid'), ('openbare_orde', 'Openbare orde'), ('zorg', '(Jeugd)zorg en welzijn'), ('externe_inhuur', 'Externe inhuur'), ('archief', 'Bewerken van het archief'), ('overig', 'Overig')], max_length=20, verbose_name='branche'),
        ),
        migrations.AlterField(
            model_name='contract',
            name='soort',
            field=models.CharField(choices=[('levering', 'Levering'), ('dienst', 'Dienst'), ('werk', 'Werk'), ('sociale_dienst', 'Sociale of andere specifieke dienst'), ('verkoop_grond', 'Verkoop van grond of vastgoed')], default='dienst', max_length=20, verbose_name='soort opdracht'),
        ),
        migrations.AlterField(
            model_name='historicalcontract',
            name='soort',
            field=models.CharField(choices=[('levering', 'Levering'), ('dienst', 'Dienst'), ('werk', 'Werk'), ('sociale_dienst', 'Sociale of andere specifieke dienst'), ('verkoop_grond', 'Verkoop van grond of vastgoed')], default='dienst', max_length=20, verbose_name='soort opdracht'),
        ),
        migrations.AlterField(
            model_name='historicaltraject',
            name='procedure',
            field=models.CharField(choices=[('enkelvoudig', 'Enkelvoudig onderhands'), ('meervoudig_onderhands', 'Meervoudig onderhands'), ('nationaal_openbaar', 'Nationaal openbaar'), ('nationaal_niet_openbaar', 'Nationaal niet-openbaar'), ('europees_openbaar', 'Europees openbaar'), ('europees_niet_openbaar', 'Europees niet-openbaar'), ('europees_mededingingsprocedure', 'Europese mededingingsprocedure met onderhandeling'), ('europees_concurrentiegerichte_dialoog', 'Europese concurrentiegerichte dialoog'), ('europees_innovatiepartnerschap', 'Europees innovatiepartnerschap'), ('onderhandelingsprocedure_zonder_aankondiging', 'Onderhandelingsprocedure zonder aankondiging'), ('sociaal_en_specifiek', 'Sociale en andere specifieke diensten (verlicht regime)'), ('didam_openbare_selectie', 'Openbare selectieprocedure (Didam)'), ('didam_enige_serieuze_gegadigde', 'Verkoop aan de enige serieuze gegadigde (Didam)'), ('biedingsprocedure', 'Biedingsprocedure (verkoop)')], max_length=50, verbose_name='procedure'),
        ),
        migrations.AlterField(
            model_name='historicaltraject',
            name='soort',
            field=models.CharField(choices=[('levering', 'Levering'), ('dienst', 'Dienst'), ('werk', 'Werk'), ('sociale_dienst', 'Sociale of andere specifieke dienst'), ('verkoop_grond', 'Verkoop van grond of vastgoed')], max_length=20, verbose_name='soort opdracht'),
        ),
        migrations.AlterField(
            model_name='traject',
            name='procedure',
            field=models.CharField(choices=[('enkelvoudig', 'Enkelvoudig onderhands'), ('meervoudig_onderhands', 'Meervoudig onderhands'), ('nationaal_openbaar', 'Nationaal openbaar'), ('nationaal_niet_openbaar', 'Nationaal niet-openbaar'), ('europees_openbaar', 'Europees openbaar'), ('europees_niet_openbaar', 'Europees niet-openbaar'), ('europees_mededingingsprocedure', 'Europese mededingingsprocedure met onderhandeling'), ('europees_concurrentiegerichte_dialoog', 'Europese concurrentiegerichte dialoog'), ('europees_innovatiepartnerschap', 'Europees innovatiepartnerschap'), ('onderhandelingsprocedure_zonder_aankondiging', 'Onderhandelingsprocedure zonder aankondiging'), ('sociaal_en_specifiek', 'Sociale en andere specifieke diensten (verlicht regime)'), ('didam_openbare_selectie', 'Openbare selectieprocedure (Didam)'), ('didam_enige_serieuze_gegadigde', 'Verkoop aan de enige serieuze gegadigde (Didam)'), ('biedingsprocedure', 'Biedingsprocedure (verkoop)')], max_length=50, verbose_name='procedure'),
        ),
        migrations.AlterField(
            model_name='traject',
            name='soort',
            field=models.CharField(choices=[('levering', 'Levering'), ('dienst', 'Dienst'), ('werk', 'Werk'), ('sociale_dienst', 'Sociale of andere specifieke dienst'), ('verkoop_grond', 'Verkoop van grond of vastgoed')], max_length=20, verbose_name='soort opdracht'),
        ),
        migrations.RunPython(vooruit, terug),
    ]
