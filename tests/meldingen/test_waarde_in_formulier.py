"""The live value on the form: the engine's calculation, Dutch amounts, the rule it used."""

from decimal import Decimal

import pytest
from django.urls import reverse

from meldingen.models import Inkoopmelding

GEVALLEN = [
    # (what the budget holder typed, value shown, words that must be in the explanation)
    # A total price counts as it is, options added (Aw 2.13-2.15).
    ({"prijsvorm": "totaal", "waarde_totaal": "30.000"}, "€ 30.000", ["Totale waarde € 30.000"]),
    ({"prijsvorm": "totaal", "waarde_totaal": "20.000", "waarde_opties": "6.000,00"}, "€ 26.000",
     ["plus opties € 6.000"]),
    # Dutch ways of writing the same amount.
    ({"prijsvorm": "totaal", "waarde_totaal": "€ 25.000"}, "€ 25.000", []),
    ({"prijsvorm": "totaal", "waarde_totaal": "25.000,00"}, "€ 25.000", []),
    ({"prijsvorm": "totaal", "waarde_totaal": "25000"}, "€ 25.000", []),
    # A price per year over the term plus extensions.
    ({"soort": "dienst", "prijsvorm": "periodiek", "waarde_per_jaar": "10.000", "looptijd_maanden": "24"},
     "€ 20.000", ["24 maanden looptijd"]),
    ({"soort": "dienst", "prijsvorm": "periodiek", "waarde_per_jaar": "12.000", "looptijd_maanden": "24",
      "verlengingen_aantal": "2", "verlenging_maanden": "12"}, "€ 48.000",
     ["inclusief 2 × 12 maanden verlenging: 48 maanden"]),
    # Indefinite term: 48 months (Aw 2.17).
    ({"soort": "dienst", "prijsvorm": "periodiek", "waarde_per_jaar": "10.000", "onbepaalde_looptijd": "on"},
     "€ 40.000", ["Onbepaalde looptijd: 48 maanden gerekend"]),
    # Services longer than 48 months: 48 months (L-22).
    ({"soort": "dienst", "prijsvorm": "periodiek", "waarde_per_jaar": "10.000", "looptijd_maanden": "36",
      "verlengingen_aantal": "2", "verlenging_maanden": "12"}, "€ 40.000", ["48 maal de maandwaarde"]),
    # Supplies (lease): the whole fixed term counts, no cap (L-23).
    ({"soort": "levering", "prijsvorm": "periodiek", "waarde_per_jaar": "10.000", "looptijd_maanden": "36",
      "verlengingen_aantal": "2", "verlenging_maanden": "12"}, "€ 50.000", ["hele looptijd"]),
    # Lots add up (Aw 2.18).
    ({"prijsvorm": "totaal", "percelen": "10.000\n20.000,50"}, "€ 30.001", ["alle 2 percelen"]),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("invoer", "waarde", "uitleg"), GEVALLEN)
def test_the_form_shows_the_estimated_value_with_the_rule_it_used(invoer, waarde, uitleg, client_als):
    client = client_als("budgethouder")
    tekst = client.post(reverse("meldingen:raming"), invoer).content.decode().replace("\xa0", " ")
    assert waarde in tekst
    for woorden in uitleg:
        assert woorden in tekst


@pytest.mark.django_db
def test_below_25000_the_form_says_no_melding_is_needed_and_why(client_als):
    client = client_als("budgethouder")
    tekst = client.post(reverse("meldingen:raming"), {"prijsvorm": "totaal", "waarde_totaal": "24.999,99"}
                        ).content.decode().replace("\xa0", " ")
    assert "Geen inkoopmelding nodig" in tekst
    assert "vanaf € 25.000, gerekend over de hele looptijd" in tekst


@pytest.mark.django_db
def test_from_25000_the_form_says_a_melding_is_needed(client_als):
    tekst = client_als("budgethouder").post(reverse("meldingen:raming"),
                                            {"prijsvorm": "totaal", "waarde_totaal": "25.000"}).content.decode()
    assert "Een inkoopmelding is nodig" in tekst


@pytest.mark.django_db
@pytest.mark.parametrize(("veld", "invoer", "fout"), [
    ("waarde_totaal", "veertigduizend", "Totale waarde: ‘veertigduizend’ is geen bedrag"),
    ("waarde_totaal", "25,000.00", "Totale waarde: ‘25,000.00’ is geen bedrag"),
    ("waarde_totaal", "-5.000", "Totale waarde: Een bedrag kan niet negatief zijn"),
    ("waarde_opties", "1,234", "Waarde van opties en verlengingen: ‘1,234’ is geen bedrag"),
    ("waarde_per_jaar", "12.5.00", "Waarde per jaar: ‘12.5.00’ is geen bedrag"),
    ("percelen", "10.000\nveel", "Percelen, perceel 2: ‘veel’ is geen bedrag"),
])
def test_nonsense_is_rejected_with_a_message_naming_the_field(veld, invoer, fout, client_als):
    client = client_als("budgethouder")
    data = {"prijsvorm": "periodiek" if veld == "waarde_per_jaar" else "totaal", veld: invoer}
    tekst = client.post(reverse("meldingen:raming"), data).content.decode()
    assert fout in tekst
    # The full form shows the same sentence in the summary at the top and stores nothing.
    antwoord = client.post(reverse("meldingen:nieuw"), {"omschrijving": "Test", **data, "actie": "opslaan"})
    assert antwoord.status_code == 200
    assert fout in antwoord.content.decode()
    assert not Inkoopmelding.objects.exists()


@pytest.mark.django_db
def test_the_value_is_stored_on_every_save(maak_melding):
    m = maak_melding(prijsvorm="periodiek", soort="dienst", waarde_per_jaar=Decimal("30000"),
                     onbepaalde_looptijd=True, looptijd_maanden=None)
    assert (m.geraamde_waarde, m.gerekende_maanden) == (Decimal("120000.00"), 48)
    m.waarde_per_jaar = Decimal("6000")
    m.save(update_fields=["waarde_per_jaar"])
    m.refresh_from_db()
    assert m.geraamde_waarde == Decimal("24000.00")


@pytest.mark.django_db
def test_without_javascript_the_value_is_recalculated_on_request(client_als):
    client = client_als("budgethouder")
    antwoord = client.post(reverse("meldingen:nieuw"), {"prijsvorm": "totaal", "waarde_totaal": "45.000",
                                                         "actie": "bereken"})
    assert antwoord.status_code == 200
    assert "€\xa045.000" in antwoord.content.decode()
    assert not Inkoopmelding.objects.exists()
