"""Plausible values in a melding: one rule set, enforced by the form, the services and on submit."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from meldingen.models import Inkoopmelding
from meldingen.services import MeldingOnvolledig, melding_indienen, melding_opslaan
from meldingen.validatie import MeldingOngeldig, controleer_gegevens

from .factories import KostenplaatsFactory

PEIL = date(2026, 12, 5)

# (gegevens, field with an error or None, a phrase of the reason)
GEVALLEN = [
    # Start date: a melding comes before the purchase, and within ten years.
    ({"gewenste_startdatum": date(1901, 1, 1)}, "gewenste_startdatum", "meer dan een jaar in het verleden"),
    ({"gewenste_startdatum": date(2025, 12, 3)}, "gewenste_startdatum", "vroegst mogelijk: 04-12-2025"),
    ({"gewenste_startdatum": date(2025, 12, 4)}, None, ""),  # exactly 366 days back is still fine
    ({"gewenste_startdatum": date(2036, 12, 5)}, None, ""),  # exactly ten years ahead is fine
    ({"gewenste_startdatum": date(2036, 12, 6)}, "gewenste_startdatum", "meer dan 10 jaar vooruit"),
    # The contract being replaced: ended at most two years ago, ends within ten years.
    ({"bestaand_contract": "C-1", "bestaand_contract_einddatum": date(2999, 12, 31)},
     "bestaand_contract_einddatum", "31-12-2999"),
    ({"bestaand_contract": "C-1", "bestaand_contract_einddatum": date(2024, 12, 4)},
     "bestaand_contract_einddatum", "meer dan 2 jaar geleden"),
    ({"bestaand_contract": "C-1", "bestaand_contract_einddatum": date(2027, 6, 30)}, None, ""),
    # An end date without naming the contract.
    ({"bestaand_contract": "", "bestaand_contract_einddatum": date(2027, 6, 30)},
     "bestaand_contract", "welk contract"),
    # Terms.
    ({"looptijd_maanden": 600}, "looptijd_maanden", "Een looptijd van 600 maanden"),
    ({"looptijd_maanden": 121}, "looptijd_maanden", "hoogstens 120 maanden"),
    ({"looptijd_maanden": 120}, None, ""),
    ({"looptijd_maanden": 0}, "looptijd_maanden", "ten minste 1 maand"),
    ({"looptijd_maanden": 600, "onbepaalde_looptijd": True}, None, ""),  # the term is not counted then
    ({"verlengingen_aantal": 11, "verlenging_maanden": 12}, "verlengingen_aantal", "hoogstens 10"),
    ({"verlengingen_aantal": 1, "verlenging_maanden": 61}, "verlenging_maanden", "hoogstens 60 maanden"),
    ({"looptijd_maanden": 120, "verlengingen_aantal": 3, "verlenging_maanden": 60},
     "verlenging_maanden", "samen zijn 300 maanden"),
    ({"looptijd_maanden": 120, "verlengingen_aantal": 2, "verlenging_maanden": 60}, None, ""),  # 240 exactly
    # Amounts.
    ({"waarde_totaal": Decimal("0")}, "waarde_totaal", "groter zijn dan € 0"),
    ({"waarde_per_jaar": Decimal("1000000000.01")}, "waarde_per_jaar", "niet aannemelijk voor één inkoop"),
    ({"waarde_totaal": Decimal("1000000000")}, None, ""),
    ({"waarde_opties": Decimal("0")}, None, ""),  # no options is a normal answer
    ({"percelen": ["30000", "0"]}, "percelen", "Perceel 2"),
    ({"percelen": ["30000", "2000000000"]}, "percelen", "Perceel 2 met € 2.000.000.000"),
]


@pytest.mark.parametrize(("gegevens", "veld", "reden"), GEVALLEN)
def test_each_rule_names_the_field_and_the_reason(gegevens, veld, reden):
    fouten = controleer_gegevens(gegevens, peildatum=PEIL)
    if veld is None:
        assert fouten == {}
    else:
        assert list(fouten) == [veld]
        assert reden in " ".join(fouten[veld]).replace("\xa0", " ")


def test_every_problem_is_reported_at_once():
    fouten = controleer_gegevens({"gewenste_startdatum": date(1901, 1, 1), "looptijd_maanden": 600,
                                  "bestaand_contract": "C-1", "bestaand_contract_einddatum": date(2999, 1, 1),
                                  "waarde_totaal": Decimal("0")}, peildatum=PEIL)
    assert set(fouten) == {"gewenste_startdatum", "looptijd_maanden", "bestaand_contract_einddatum", "waarde_totaal"}


@pytest.mark.django_db
def test_the_service_refuses_implausible_values_and_stores_nothing(organisatie, budgethouder):
    with pytest.raises(MeldingOngeldig) as fout:
        melding_opslaan(organisatie=organisatie, door=budgethouder,
                        gegevens={"omschrijving": "Printers", "looptijd_maanden": 600})
    assert "looptijd_maanden" in fout.value.velden
    assert not Inkoopmelding.objects.exists()


@pytest.mark.django_db
def test_the_service_checks_a_saved_concept_with_what_it_already_holds(maak_melding, organisatie, budgethouder):
    m = maak_melding(gewenste_startdatum=date(1901, 1, 1))  # stored before these rules existed
    with pytest.raises(MeldingOngeldig) as fout:
        melding_opslaan(organisatie=organisatie, door=budgethouder, melding=m, gegevens={"omschrijving": "Nieuw"})
    assert list(fout.value.velden) == ["gewenste_startdatum"]
    assert Inkoopmelding.objects.get(pk=m.pk).omschrijving != "Nieuw"


@pytest.mark.django_db
def test_an_implausible_stored_melding_cannot_be_submitted(maak_melding, budgethouder):
    m = maak_melding(looptijd_maanden=600)
    with pytest.raises(MeldingOnvolledig) as fout:
        melding_indienen(melding=m, door=budgethouder)
    assert "Een looptijd van 600 maanden" in fout.value.velden["looptijd_maanden"][0]
    assert Inkoopmelding.objects.get(pk=m.pk).status == "concept"


@pytest.mark.django_db
@pytest.mark.parametrize(("veld", "waarde", "reden"), [
    ("gewenste_startdatum", "01-01-1901", "meer dan een jaar in het verleden"),
    ("bestaand_contract_einddatum", "31-12-2999", "31-12-2999"),
    ("looptijd_maanden", "600", "Een looptijd van 600 maanden"),
    ("waarde_totaal", "9.000.000.000", "niet aannemelijk voor één inkoop"),
])
def test_the_form_shows_the_reason_even_when_saving_a_concept(client_als, organisatie, veld, waarde, reden):
    client = client_als("budgethouder")
    data = {"omschrijving": "Printers", "prijsvorm": "totaal", "actie": "opslaan", "bestaand_contract": "C-1",
            veld: waarde}
    antwoord = client.post(reverse("meldingen:nieuw"), data)
    tekst = antwoord.content.decode().replace("\xa0", " ")
    assert antwoord.status_code == 200 and reden in tekst
    assert f'href="#id_{veld}"' in tekst
    assert not Inkoopmelding.objects.exists()


@pytest.mark.django_db
def test_the_live_estimate_explains_an_implausible_term(client_als, organisatie):
    client = client_als("budgethouder")
    antwoord = client.post(reverse("meldingen:raming"), {"prijsvorm": "totaal", "waarde_totaal": "50.000",
                                                         "looptijd_maanden": "600"})
    assert "Een looptijd van 600 maanden" in antwoord.content.decode()


@pytest.mark.django_db
def test_a_plausible_start_is_accepted_relative_to_today(client_als, organisatie):
    client = client_als("budgethouder")
    kp = KostenplaatsFactory(organisatie=organisatie)
    start = timezone.localdate() + timedelta(days=60)
    client.post(reverse("meldingen:nieuw"), {
        "omschrijving": "Onderhoud", "soort": "dienst", "prijsvorm": "totaal", "waarde_totaal": "80.000",
        "looptijd_maanden": "24", "kostenplaats": kp.pk, "gewenste_startdatum": start.isoformat(),
        "branche": "overig", "actie": "indienen"})
    assert Inkoopmelding.objects.get().status == "ingediend"
