"""Invalid input gives exit code 2 with Dutch reasons per key; nothing is guessed (interfaces.md §1)."""

import pytest

from adviezen.engine import advies_als_json, standaardbeleid

from .hulp import basis

BELEID = standaardbeleid()

ONGELDIG = [
    # (what, input, key that must carry a reason)
    ("onbekende soort", basis(soort="huur"), "soort"),
    ("soort ontbreekt", {"datum": "2025-06-01", "waarde_totaal": 1000}, "soort"),
    ("soort is geen tekst", basis(soort=3), "soort"),
    ("negatieve waarde", basis(waarde_totaal=-1), "waarde_totaal"),
    ("negatieve opties", basis(waarde_opties="-0.01"), "waarde_opties"),
    ("waarde ontbreekt", basis(waarde_totaal=None), "waarde_totaal"),
    ("waarde is tekst", basis(waarde_totaal="veel"), "waarde_totaal"),
    ("waarde met Nederlandse komma", basis(waarde_totaal="25.000,00"), "waarde_totaal"),
    ("waarde is ja/nee", basis(waarde_totaal=True), "waarde_totaal"),
    ("waarde is een lijst", basis(waarde_totaal=[1]), "waarde_totaal"),
    ("periodiek zonder waarde per jaar", basis(prijsvorm="periodiek", waarde_totaal=None), "waarde_per_jaar"),
    ("periodiek zonder looptijd", basis(prijsvorm="periodiek", waarde_totaal=None, waarde_per_jaar=1000,
                                        looptijd_maanden=None), "looptijd_maanden"),
    ("negatieve waarde per jaar", basis(prijsvorm="periodiek", waarde_per_jaar=-5), "waarde_per_jaar"),
    ("onbekende prijsvorm", basis(prijsvorm="per_stuk"), "prijsvorm"),
    ("datum ontbreekt", basis(datum=None), "datum"),
    ("datum niet ISO", basis(datum="01-06-2025"), "datum"),
    ("datum bestaat niet", basis(datum="2025-02-30"), "datum"),
    ("datum is een getal", basis(datum=20250601), "datum"),
    ("looptijd negatief", basis(looptijd_maanden=-12), "looptijd_maanden"),
    ("looptijd gebroken", basis(looptijd_maanden=12.5), "looptijd_maanden"),
    ("looptijd als tekst", basis(looptijd_maanden="12"), "looptijd_maanden"),
    ("opties negatief", basis(opties_verlenging_maanden=-1), "opties_verlenging_maanden"),
    ("onbepaald geen boolean", basis(onbepaalde_looptijd="ja"), "onbepaalde_looptijd"),
    ("regionale markt geen boolean", basis(regionale_markt_beschikbaar=1), "regionale_markt_beschikbaar"),
    ("percelen geen lijst", basis(percelen=12), "percelen"),
    ("perceel negatief", basis(percelen=[1000, -1]), "percelen"),
    ("perceel tekst", basis(percelen=["abc"]), "percelen"),
    ("onbekende werkcategorie", basis(soort="werk", werk_categorie="wegen"), "werk_categorie"),
    ("branche geen tekst", basis(branche=7), "branche"),
    ("gegadigden onbekend", basis(soort="verkoop_grond", serieuze_gegadigden="twee"), "serieuze_gegadigden"),
    ("NaN", basis(waarde_totaal=float("nan")), "waarde_totaal"),
    ("oneindig", basis(waarde_totaal=float("inf")), "waarde_totaal"),
    ("te groot", basis(waarde_totaal="1e20"), "waarde_totaal"),
]


@pytest.mark.parametrize(("wat", "invoer", "sleutel"), ONGELDIG, ids=[o[0] for o in ONGELDIG])
def test_invalid_input_is_refused_with_a_reason_per_key(wat, invoer, sleutel):
    code, antwoord = advies_als_json(invoer, BELEID)
    assert code == 2, antwoord
    assert antwoord["fout"] == "ongeldige_invoer"
    assert sleutel in antwoord["velden"], antwoord
    assert all(isinstance(r, str) and r for r in antwoord["velden"][sleutel])


@pytest.mark.parametrize("invoer", [None, [], "dienst", 42])
def test_input_that_is_not_an_object_is_refused(invoer):
    code, antwoord = advies_als_json(invoer, BELEID)
    assert code == 2
    assert "invoer" in antwoord["velden"]


def test_all_problems_are_reported_at_once():
    code, antwoord = advies_als_json({"soort": "x", "datum": "gisteren", "waarde_totaal": -1}, BELEID)
    assert code == 2
    assert set(antwoord["velden"]) == {"soort", "datum", "waarde_totaal"}


@pytest.mark.parametrize("geldig", [
    basis(waarde_totaal="221000.00"),  # decimal string
    basis(waarde_totaal=221000),  # JSON number
    basis(waarde_totaal=221000.5),  # JSON float
    basis(prijsvorm=None),  # prijsvorm may be left out with a total
    basis(prijsvorm=None, waarde_totaal=None, waarde_per_jaar=12000, looptijd_maanden=24),  # infers periodiek
    basis(looptijd_maanden=12.0),  # an integral float is a whole number of months
    basis(branche="Openbare orde"),  # normalised to openbare_orde
    basis(serieuze_gegadigden="één", soort="verkoop_grond"),
    {**basis(), "onbekende_sleutel": "wordt genegeerd"},
])
def test_reasonable_input_is_accepted(geldig):
    code, antwoord = advies_als_json(geldig, BELEID)
    assert code == 0, antwoord
