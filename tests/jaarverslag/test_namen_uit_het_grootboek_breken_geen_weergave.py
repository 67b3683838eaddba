"""Names imported from the ledger are text for every renderer: charts, XLSX, PDF and CSV.

A `$` pair is matplotlib mathtext, and a control character cannot be stored in XLSX; either
used to fail the yearly report or an export. Now the names come out as they were typed.
"""

import io

import openpyxl
import pytest
from django.urls import reverse

from jaarverslag.models import Rapportversie
from jaarverslag.services import versie_genereren_starten
from uitgaven.models import Crediteur, Domein, Inkoopcategorie, Kostenplaats

VREEMD = "Kosten $x$ en $y \x01\x1f=1+1"


@pytest.fixture
def vreemde_namen(klein):
    for model, veld in ((Kostenplaats, "omschrijving"), (Domein, "naam"), (Inkoopcategorie, "naam"),
                        (Crediteur, "naam")):
        for i, obj in enumerate(model.objects.filter(organisatie=klein).order_by("pk")):
            setattr(obj, veld, VREEMD + ("" if i == 0 else f" {i}"))
            obj.save(update_fields=[veld])
    return klein


def test_the_yearly_report_is_generated_with_dollar_pairs_and_control_characters(
        vreemde_namen, controller, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        versie = versie_genereren_starten(organisatie=vreemde_namen, jaar=2024, door=controller)
    versie.refresh_from_db()
    assert versie.status == Rapportversie.Status.KLAAR, versie.fout
    with versie.xlsx.open("rb") as f:
        wb = openpyxl.load_workbook(io.BytesIO(f.read()))
    teksten = {c.value for ws in wb for rij in ws.iter_rows() for c in rij if isinstance(c.value, str)}
    assert "Kosten $x$ en $y =1+1" in teksten


@pytest.mark.parametrize("tabel", ["domeinen", "crediteuren", "categorieen"])
def test_the_spend_exports_hold_the_names_without_control_characters(vreemde_namen, client_als, tabel):
    client = client_als("controller", org=vreemde_namen)
    antwoord = client.get(reverse("uitgaven:export"), {"jaar": 2024, "tabel": tabel, "formaat": "xlsx"})
    assert antwoord.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(b"".join(antwoord.streaming_content)))
    teksten = [c.value for rij in wb.active.iter_rows() for c in rij if isinstance(c.value, str)]
    assert any("Kosten $x$ en $y =1+1" in t for t in teksten)
