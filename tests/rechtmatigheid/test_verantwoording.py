"""The rechtmatigheidsverantwoording: assessed findings split into EU law and own policy, new and
doorloop, each euro once, against the verantwoordingsgrens of the policy; the figures add up."""

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from beleid.models import Beleid
from rechtmatigheid.models import Signaal
from rechtmatigheid.services import (
    signalen_beoordelen,
    steekproef_trekken,
    steekproefregels_beoordelen,
)
from rechtmatigheid.verantwoording import verantwoording

from .conftest import signalen_van

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(organisatie, grootboek, controller):
    """A pakket over the EU threshold without EU contracts (two suppliers also without any
    contract), a contract with too light a procedure awarded in 2022 (doorloop), a small one."""
    inhuur = grootboek.pakket("04.02", soort="dienst", naam="Inhuur")
    a = grootboek.crediteur("100001", inhuur, naam="Inhuur A")
    b = grootboek.crediteur("100002", inhuur, naam="Inhuur B")
    grootboek.regel(a, "150000.00")
    grootboek.regel(b, "80000.00")
    riool = grootboek.pakket("08.04", soort="werk", naam="Riolering")
    r = grootboek.crediteur("200001", riool, naam="Rioolbouw")
    grootboek.contract(r, startdatum=date(2022, 3, 1), einddatum=date(2026, 2, 28), waarde="2000000",
                       procedure="meervoudig_onderhands", gunningsdatum=date(2022, 1, 10), soort="werk",
                       nummer="C-R")
    grootboek.regel(r, "400000.00")
    signalen = {s.sleutel: s for s in signalen_van(organisatie)}
    return signalen


def _beoordeel(organisatie, controller, sleutels, beoordeling="terecht", toelichting="Vastgesteld."):
    ids = list(Signaal.objects.filter(organisatie=organisatie, sleutel__in=sleutels).values_list("pk", flat=True))
    return signalen_beoordelen(organisatie=organisatie, ids=ids, beoordeling=beoordeling, toelichting=toelichting,
                               door=controller)


def test_only_assessed_findings_count_and_each_euro_once(organisatie, controller, wereld):
    assert set(wereld) >= {"uitgaven_zonder_contract:100001", "uitgaven_zonder_contract:100002",
                           "eu_drempel_pakket:04.02", "procedure_te_licht:C-R"}
    v = verantwoording(organisatie=organisatie, jaar=2024, verantwoordingsgrens=Decimal("300000"))
    assert v.totaal == 0 and v.open_signalen == len(wereld)
    _beoordeel(organisatie, controller, ["uitgaven_zonder_contract:100001", "eu_drempel_pakket:04.02",
                                         "procedure_te_licht:C-R"])
    v = verantwoording(organisatie=organisatie, jaar=2024, verantwoordingsgrens=Decimal("300000"))
    # 100001 is in two signals with the same spend: counted once, as EU law (the larger rule).
    per_sleutel = {f.sleutel: (f.bedrag, f.kader, f.doorloop) for f in v.fouten}
    assert per_sleutel == {
        "100001": (Decimal("150000.00"), "europees", False),
        "100002": (Decimal("80000.00"), "europees", False),
        "200001": (Decimal("400000.00"), "eigen_beleid", True),
    }
    assert v.som("europees") == Decimal("230000.00")
    assert v.som("eigen_beleid", doorloop=True) == Decimal("400000.00")
    assert v.totaal == sum(f.bedrag for f in v.fouten) == Decimal("630000.00")
    tabel = {r["kader"]: r for r in v.tabel()}
    assert tabel[None]["nieuw"] + tabel[None]["doorloop"] == tabel[None]["totaal"]
    assert tabel["europees"]["totaal"] + tabel["eigen_beleid"]["totaal"] == tabel[None]["totaal"]
    assert v.boven_grens is True


def test_a_signal_judged_onterecht_does_not_count(organisatie, controller, wereld):
    _beoordeel(organisatie, controller, ["procedure_te_licht:C-R"], "onterecht", "Nationaal aanbesteed; "
               "registratiefout in het register.")
    v = verantwoording(organisatie=organisatie, jaar=2024, verantwoordingsgrens=None)
    assert v.totaal == 0 and v.boven_grens is None


def test_onrechtmatig_sample_lines_count_unless_their_crediteur_is_already_a_finding(organisatie, controller,
                                                                                      wereld):
    _beoordeel(organisatie, controller, ["procedure_te_licht:C-R"])
    sp = steekproef_trekken(organisatie=organisatie, jaar=2024, omvang=3, zaad="1")
    regels = {r.crediteurnummer: r for r in sp.regels.all()}
    steekproefregels_beoordelen(steekproef=sp, uitkomsten={
        regels["100002"].pk: ("onrechtmatig", "Geen offertes.", "eigen_beleid"),
        regels["200001"].pk: ("onrechtmatig", "Onder het te licht gegunde contract.", "eigen_beleid")})
    v = verantwoording(organisatie=organisatie, jaar=2024, verantwoordingsgrens=None)
    assert sorted((f.bron, f.sleutel, f.bedrag) for f in v.fouten) == [
        ("signaal", "200001", Decimal("400000.00")), ("steekproef", "100002", Decimal("80000.00"))]
    assert v.totaal == Decimal("480000.00")


def test_an_onrechtmatig_sample_line_needs_a_note(organisatie, wereld):
    from rechtmatigheid.services import BeoordelingFout

    sp = steekproef_trekken(organisatie=organisatie, jaar=2024, omvang=1, zaad="1")
    regel = sp.regels.get()
    with pytest.raises(BeoordelingFout, match="licht toe waarom"):
        steekproefregels_beoordelen(steekproef=sp, uitkomsten={regel.pk: ("onrechtmatig", " ")})


def test_the_command_gives_the_json_against_the_policy_grens(organisatie, controller, wereld):
    Beleid.objects.filter(organisatie__isnull=True).update(verantwoordingsgrens=Decimal("1000000"))
    _beoordeel(organisatie, controller, ["procedure_te_licht:C-R"])
    uit = StringIO()
    call_command("rechtmatigheid", "2024", "--json", stdout=uit)
    j = json.loads(uit.getvalue())
    assert j["verantwoordingsgrens"] == "1000000.00" and j["boven_verantwoordingsgrens"] is False
    assert j["fouten"]["eigen_beleid"] == {"nieuw": "0.00", "doorloop": "400000.00", "totaal": "400000.00"}
    assert j["fouten"]["totaal"]["totaal"] == "400000.00"


def test_bulk_assessment_needs_a_note_for_onterecht(client_als, organisatie, wereld):
    client = client_als("controller")
    ids = [str(s.pk) for s in wereld.values()]
    antwoord = client.post(reverse("rechtmatigheid:signalen_bulk"), {"signaal": ids, "beoordeling": "onterecht",
                                                                     "toelichting": ""}, follow=True)
    assert "Licht toe waarom de signalen onterecht zijn." in antwoord.content.decode()
    assert not Signaal.objects.exclude(beoordeling="").exists()
    client.post(reverse("rechtmatigheid:signalen_bulk"), {"signaal": ids[:2], "beoordeling": "terecht"})
    assert Signaal.objects.filter(beoordeling="terecht").count() == 2


def test_the_inkoper_cannot_assess_in_bulk(client_als, organisatie, wereld):
    client = client_als("inkoper")
    ids = [str(s.pk) for s in wereld.values()]
    antwoord = client.post(reverse("rechtmatigheid:signalen_bulk"), {"signaal": ids, "beoordeling": "terecht"})
    assert antwoord.status_code == 403
    assert not Signaal.objects.exclude(beoordeling="").exists()


def test_the_pages_show_the_verantwoording_and_the_search_finds_a_supplier(client_als, organisatie, wereld):
    client = client_als("controller")
    assert "Rechtmatigheidsverantwoording inkoop 2024" in client.get(
        reverse("rechtmatigheid:verantwoording") + "?jaar=2024").content.decode()
    html = client.get(reverse("rechtmatigheid:signalen") + "?jaar=2024&zoek=Rioolbouw").content.decode()
    assert "Rioolbouw" in html and "Inhuur A" not in html
