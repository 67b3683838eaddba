"""Band procedures by the vocabulary's machine values (beleid.begrippen.Procedure)."""

from django.db import migrations

NIEUW = {"enkelvoudig_onderhands": "enkelvoudig"}


def vooruit(apps, schema_editor):
    Procedureband = apps.get_model("beleid", "Procedureband")
    for oud, nieuw in NIEUW.items():
        Procedureband.objects.filter(procedure=oud).update(procedure=nieuw)


def terug(apps, schema_editor):
    Procedureband = apps.get_model("beleid", "Procedureband")
    for oud, nieuw in NIEUW.items():
        Procedureband.objects.filter(procedure=nieuw).update(procedure=oud)


class Migration(migrations.Migration):

    dependencies = [
        ('beleid', '0001_initial'),
        ('adviezen', '0002_standaardbeleid'),
    ]

    operations = [migrations.RunPython(vooruit, terug)]
