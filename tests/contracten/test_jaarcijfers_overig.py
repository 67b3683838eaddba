"""Afdeling Inkoop (procedures guided, completed), Werkpakt and integriteit figures."""

from datetime import date

import pytest

from contracten.models import BibobToets, Klacht, WerkpaktKeurmerkhouder
from contracten.selectors import jaarcijfers

from . import factories as f

pytestmark = pytest.mark.django_db


def test_guided_procedures_are_those_in_preparation_running_or_completed_during_the_year(organisatie):
    f.traject(organisatie, procedure="meervoudig_onderhands")  # completed in 2024
    f.traject(organisatie, startdatum=date(2023, 3, 1), afgerond_op=date(2024, 1, 15))  # ran into 2024
    f.traject(organisatie, status="lopend", startdatum=date(2024, 11, 1))  # still running
    f.traject(organisatie, status="in_voorbereiding", startdatum=date(2024, 12, 31))
    f.traject(organisatie, status="ingetrokken", startdatum=date(2024, 2, 1), ingetrokken_op=date(2024, 5, 1),
              reden_intrekking="Geen budget")
    f.traject(organisatie, procedure="biedingsprocedure", soort="verkoop")  # sales count as guided procedures
    # Not counted:
    f.traject(organisatie, startdatum=date(2023, 1, 1), afgerond_op=date(2023, 12, 31))  # closed before 2024
    f.traject(organisatie, status="in_voorbereiding", startdatum=date(2025, 1, 1))  # starts after
    f.traject(organisatie, begeleid=False)  # not guided by Inkoop
    f.traject(organisatie, status="ingetrokken", startdatum=date(2023, 1, 1), ingetrokken_op=date(2023, 6, 1),
              reden_intrekking="Geen budget")

    assert jaarcijfers(organisatie=organisatie, jaar=2024)["afdeling_inkoop"]["procedures_begeleid"] == 6


def test_completed_procedures_are_counted_by_type_in_the_year_they_completed(organisatie):
    f.traject(organisatie, procedure="meervoudig_onderhands")
    f.traject(organisatie, procedure="meervoudig_onderhands", verbonden_partij="Sportaal")  # counts here
    f.traject(organisatie, procedure="europees_openbaar")
    f.traject(organisatie, procedure="sociaal_en_specifiek", soort="dienst")
    f.traject(organisatie, procedure="nationaal_openbaar")  # neither
    f.traject(organisatie, procedure="meervoudig_onderhands", status="lopend")
    f.traject(organisatie, procedure="europees_openbaar", afgerond_op=date(2025, 1, 2))
    f.traject(organisatie, procedure="meervoudig_onderhands", begeleid=False)

    a = jaarcijfers(organisatie=organisatie, jaar=2024)["afdeling_inkoop"]
    assert (a["afgerond_meervoudig_onderhands"], a["afgerond_europees"]) == (2, 2)


def test_werkpakt_counts_keurmerk_holders_at_the_end_of_the_year(organisatie):
    for naam, verleend, vervallen in [("A", date(2020, 1, 1), None), ("B", date(2024, 12, 31), None),
                                      ("C", date(2021, 1, 1), date(2024, 6, 1)), ("D", date(2021, 1, 1), date(2025, 1, 1)),
                                      ("E", date(2025, 1, 1), None)]:
        WerkpaktKeurmerkhouder.objects.create(organisatie=organisatie, naam=naam, verleend_op=verleend,
                                              ingetrokken_op=vervallen)
    assert jaarcijfers(organisatie=organisatie, jaar=2024)["werkpakt_keurmerkhouders"] == 3  # A, B, D


def test_integrity_counts_integrity_complaints_bibob_screenings_and_lbb_advice_of_the_year(organisatie):
    t = f.traject(organisatie)
    for datum, soort in [(date(2024, 3, 1), "integriteit"), (date(2024, 4, 1), "procedure"),
                         (date(2023, 4, 1), "integriteit")]:
        Klacht.objects.create(organisatie=organisatie, traject=t, ontvangen_op=datum, soort=soort, omschrijving="x")
    for datum, lbb in [(date(2024, 1, 1), True), (date(2024, 12, 31), False), (date(2023, 12, 31), True)]:
        BibobToets.objects.create(organisatie=organisatie, traject=t, betrokkene="X", branche="bouw",
                                  uitgevoerd_op=datum, advies_lbb_gevraagd=lbb)
    assert jaarcijfers(organisatie=organisatie, jaar=2024)["integriteit"] == {
        "klachten": 1, "bibob_onderzoeken": 2, "bibob_adviezen_lbb": 1}


def test_the_sections_have_exactly_the_keys_of_the_report_json(organisatie):
    j = jaarcijfers(organisatie=organisatie, jaar=2024)
    assert set(j) == {"afdeling_inkoop", "mvoi", "sroi", "werkpakt_keurmerkhouders", "integriteit"}
    assert set(j["afdeling_inkoop"]) == {"procedures_begeleid", "afgerond_meervoudig_onderhands", "afgerond_europees"}
    assert set(j["mvoi"]) == {"afgeronde_aanbestedingen", "met_thema", "pct_met_thema_aantal",
                              "pct_met_thema_volume", "met_contractvoorwaarde", "per_thema"}
    assert {tuple(sorted(t)) for t in j["mvoi"]["per_thema"]} == {tuple(sorted(
        ["thema", "aantal", "pct_aantal", "pct_volume", "als_minimumeis", "als_gunningscriterium",
         "als_contractvoorwaarde"]))}
    assert set(j["sroi"]["jaar"]) == {"inkoopwaarde_met_sroi", "gemiddeld_pct", "te_realiseren", "gerealiseerd",
                                      "nog_te_realiseren", "sociale_ondernemingen"}


def test_the_figures_take_one_query_per_table(organisatie, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        jaarcijfers(organisatie=organisatie, jaar=2024)
