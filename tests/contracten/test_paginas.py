"""The pages as an inkoper uses them: record a traject to award and contract; lists, history."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from contracten.models import Contract, MvoiThema, MvoiToepassing, Perceel, SroiRealisatie, Traject

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def inkoper_client(client_als):
    return client_als("inkoper")


def _nieuw_traject(client, **extra):
    data = {"omschrijving": "Groot onderhoud asfaltwegen", "procedure": "europees_openbaar", "soort": "werk",
            "startdatum": "2024-01-15", "begeleid_door_inkoop": "on", "geraamde_waarde": "6.000.000"}
    data.update(extra)
    antwoord = client.post(reverse("contracten:traject_nieuw"), data)
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    return Traject.objects.get()


def test_an_inkoper_records_a_traject_with_lots_bids_award_and_contract(inkoper_client, organisatie):
    c = inkoper_client
    t = _nieuw_traject(c)
    assert t.nummer == "T2024-001" and t.geraamde_waarde == Decimal("6000000")
    for naam, waarde in [("Noord", "3.500.000"), ("Zuid", "2.500.000")]:
        assert c.post(reverse("contracten:perceel_toevoegen", args=[t.pk]), {"naam": naam, "geraamde_waarde": waarde}).status_code == 302
    p1, p2 = Perceel.objects.order_by("nummer")
    cred = f.crediteur(organisatie, "107166", "Kamphuis Grondwerken V.O.F.")
    c.post(reverse("contracten:inschrijving_toevoegen", args=[t.pk]),
           {"naam": "Kamphuis", "perceel": p1.pk, "crediteur": "107166", "bedrag": "3.400.000"})
    c.post(reverse("contracten:inschrijving_toevoegen", args=[t.pk]),
           {"naam": "Wegenbouw Oost", "perceel": p2.pk, "crediteur": "", "bedrag": "2.450.000,50"})
    for i in t.inschrijvingen.all():
        assert c.post(reverse("contracten:gunnen", args=[t.pk, i.pk])).status_code == 302
    t.refresh_from_db()
    assert t.gegunde_waarde == Decimal("5850000.50")
    c.post(reverse("contracten:traject_status", args=[t.pk]), {"status": "lopend", "datum": "2024-03-01"})
    c.post(reverse("contracten:traject_status", args=[t.pk]), {"status": "afgerond", "datum": "2024-06-28"})
    t.refresh_from_db()
    assert (t.status, t.publicatiedatum, t.afgerond_op) == ("afgerond", date(2024, 3, 1), date(2024, 6, 28))

    # The contract form is filled from the awarded bid of lot 1.
    nieuw = reverse("contracten:contract_nieuw") + f"?traject={t.pk}&perceel={p1.pk}"
    form = c.get(nieuw).context["form"]
    assert form.initial["crediteur"] == "107166" and form.initial["waarde_totaal"] == Decimal("3400000")
    antwoord = c.post(nieuw, {"omschrijving": "Asfalt Noord", "crediteur": "107166", "soort": "werk",
                              "waarde_totaal": "3.400.000", "startdatum": "2024-08-01", "einddatum": "2028-07-31",
                              "verlengingen_aantal": "1", "verlenging_maanden": "24", "beslistermijn_maanden": "6",
                              "sroi_percentage": "5"})
    assert antwoord.status_code == 302
    contract = Contract.objects.get()
    assert (contract.crediteur, contract.traject, contract.perceel) == (cred, t, p1)
    assert contract.sroi.bedrag == Decimal("170000.00") and contract.beslisdatum == date(2028, 1, 31)
    detail = c.get(reverse("contracten:contract", args=[contract.pk]))
    assert "€\u00a0170.000" in detail.content.decode()


def test_a_wrong_amount_is_refused_with_a_dutch_sentence_and_nothing_is_stored(inkoper_client):
    antwoord = inkoper_client.post(reverse("contracten:traject_nieuw"), {
        "omschrijving": "X", "procedure": "meervoudig_onderhands", "soort": "dienst", "startdatum": "2024-01-15",
        "geraamde_waarde": "1,250,000.00"})
    assert antwoord.status_code == 200
    assert "is geen bedrag" in antwoord.content.decode()
    assert not Traject.objects.exists()


def test_the_mvoi_grid_needs_a_reason_for_every_theme_not_applied(inkoper_client, organisatie):
    t = f.traject(organisatie)
    url = reverse("contracten:traject_mvoi", args=[t.pk])
    data = {"klimaat__als_gunningscriterium": "on", "circulair__als_minimumeis": "on",
            "social_return__als_contractvoorwaarde": "on"}
    antwoord = inkoper_client.post(url, data)
    assert antwoord.status_code == 200
    assert "is niet toegepast: geef de reden" in antwoord.content.decode()
    assert not MvoiToepassing.objects.exists()
    for thema in ("ketenverantwoordelijkheid", "diversiteit_inclusie", "milieu"):
        data[f"{thema}__reden"] = "Niet relevant voor deze opdracht"
    assert inkoper_client.post(url, data).status_code == 302
    assert MvoiToepassing.objects.count() == len(MvoiThema)
    assert MvoiToepassing.objects.get(thema="klimaat").als_gunningscriterium


def test_mvoi_per_lot_is_kept_apart_from_the_traject(inkoper_client, organisatie):
    t = f.traject(organisatie)
    p = f.perceel(t, 1, "100000")
    data = {f"{th.value}__als_minimumeis": "on" for th in MvoiThema}
    assert inkoper_client.post(reverse("contracten:traject_mvoi", args=[t.pk]) + f"?perceel={p.pk}", data).status_code == 302
    assert MvoiToepassing.objects.filter(perceel=p).count() == 6
    assert not MvoiToepassing.objects.filter(perceel__isnull=True).exists()


def test_sroi_realisations_are_added_and_a_future_date_is_refused(inkoper_client, organisatie):
    contract = f.contract(organisatie, startdatum=date(2024, 1, 1), einddatum=date(2030, 1, 1))
    url = reverse("contracten:sroi_verplichting", args=[contract.pk])
    assert inkoper_client.post(url, {"percentage": "5"}).status_code == 302
    contract.refresh_from_db()
    assert contract.sroi.bedrag == Decimal("5000.00")
    morgen = timezone.localdate() + timedelta(days=1)
    url = reverse("contracten:sroi_realisatie", args=[contract.pk])
    antwoord = inkoper_client.post(url, {"datum": morgen.isoformat(), "bedrag": "1.000", "wijze": "plaatsing"})
    assert antwoord.status_code == 400 and "niet in de toekomst" in antwoord.content.decode()
    assert inkoper_client.post(url, {"datum": "2024-05-01", "bedrag": "1.000", "wijze": "plaatsing"}).status_code == 302
    assert SroiRealisatie.objects.get().bedrag == Decimal("1000.00")
    kandidaat = reverse("contracten:sroi_kandidaat", args=[contract.pk])
    assert inkoper_client.post(kandidaat, {"geplaatst_op": "2024-05-01", "aantal": "2", "doelgroep": "ww",
                                           "uit_gemeente": "on"}).status_code == 302
    assert contract.sroi.kandidaten.filter(uit_gemeente=True).count() == 2


def test_documents_are_uploaded_and_downloaded_and_other_types_refused(inkoper_client, organisatie):
    contract = f.contract(organisatie)
    url = reverse("contracten:document_toevoegen", args=[contract.pk])
    fout = inkoper_client.post(url, {"bestand": SimpleUploadedFile("x.exe", b"MZ"), "omschrijving": ""})
    assert fout.status_code == 400 and "worden niet aangenomen" in fout.content.decode()
    assert inkoper_client.post(url, {"bestand": SimpleUploadedFile("overeenkomst.pdf", b"%PDF-1.4"),
                                     "omschrijving": "Getekende overeenkomst"}).status_code == 302
    d = contract.documenten.get()
    antwoord = inkoper_client.get(reverse("contracten:document_downloaden", args=[contract.pk, d.pk]))
    assert antwoord.status_code == 200 and b"".join(antwoord.streaming_content) == b"%PDF-1.4"
    assert "attachment" in antwoord["Content-Disposition"]


def test_the_history_shows_who_changed_what(inkoper_client, organisatie):
    contract = f.contract(organisatie, startdatum=date(2024, 1, 1), einddatum=date(2030, 1, 1))
    data = {"omschrijving": "Nieuwe omschrijving", "crediteur": contract.crediteur.nummer, "soort": "dienst",
            "waarde_totaal": "150.000", "startdatum": "2024-01-01", "einddatum": "2030-01-01",
            "verlengingen_aantal": "0", "verlenging_maanden": "0", "beslistermijn_maanden": "3"}
    assert inkoper_client.post(reverse("contracten:contract_wijzigen", args=[contract.pk]), data).status_code == 302
    tekst = inkoper_client.get(reverse("contracten:contract_historie", args=[contract.pk])).content.decode()
    assert "Nieuwe omschrijving" in tekst and "inkoper-testdorp" in tekst


def test_a_budgethouder_cannot_open_another_afdelings_contract(client_als, organisatie):
    contract = f.contract(organisatie, afdeling="ICT")
    client = client_als("budgethouder", afdeling="Wegen", naam="bh")
    assert client.get(reverse("contracten:contract", args=[contract.pk])).status_code == 403
    contract.afdeling = "Wegen"
    contract.save()
    assert client.get(reverse("contracten:contract", args=[contract.pk])).status_code == 200


def test_the_register_searches_supplier_and_number(inkoper_client, organisatie):
    f.contract(organisatie, omschrijving="Schoonmaak", einddatum=date(2099, 1, 1),
               crediteur=f.crediteur(organisatie, "555", "Glans Schoonmaak B.V."))
    f.contract(organisatie, omschrijving="Asfalt", einddatum=date(2099, 1, 1),
               crediteur=f.crediteur(organisatie, "777", "Wegenbouw B.V."))
    for zoek, verwacht in [("glans", ["Schoonmaak"]), ("777", ["Asfalt"]), ("", ["Schoonmaak", "Asfalt"])]:
        pagina = inkoper_client.get(reverse("contracten:register"), {"zoek": zoek}).context["pagina"]
        assert sorted(c.omschrijving for c in pagina) == sorted(verwacht)


@pytest.mark.parametrize("naam", ["contracten:register", "contracten:trajecten", "contracten:kalender",
                                  "contracten:werkpakt", "contracten:kalender_maand", "contracten:zelfevaluatie"])
def test_list_pages_take_a_fixed_number_of_queries(naam, inkoper_client, organisatie, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    vandaag = timezone.localdate()

    def vul(n, start):
        for i in range(start, start + n):
            t = f.traject(organisatie, nummer=f"T-{i}")
            f.perceel(t, 1, "1000")
            c = f.contract(organisatie, nummer=f"C-{i}", einddatum=vandaag + timedelta(days=10 + i),
                           verlengingen_aantal=1, verlenging_maanden=12, traject=t,
                           crediteur=f.crediteur(organisatie, f"9{i}", f"Leverancier {i}"))
            from contracten.models import SroiVerplichting, WerkpaktKeurmerkhouder
            SroiVerplichting.objects.create(organisatie=organisatie, contract=c, percentage=5, grondslag=1, bedrag=1)
            WerkpaktKeurmerkhouder.objects.create(organisatie=organisatie, naam=f"Werkgever {i}", verleend_op=vandaag)

    vul(2, 0)
    with CaptureQueriesContext(connection) as weinig:
        assert inkoper_client.get(reverse(naam)).status_code == 200
    vul(15, 100)
    # The factories write past the services, so the MVOI page's cached figures are dropped by hand
    # (cold both times; the warm page: test_mvoi_pagina_volgt_elke_wijziging.py).
    cache.clear()
    with django_assert_num_queries(len(weinig.captured_queries)):
        assert inkoper_client.get(reverse(naam)).status_code == 200


def test_a_traject_from_a_melding_moves_the_melding_along(inkoper_client, organisatie, budgethouder):
    from meldingen.models import Inkoopmelding

    melding = Inkoopmelding.objects.create(organisatie=organisatie, nummer="2024-0007", omschrijving="Asfalt",
                                           soort="werk", budgethouder=budgethouder, status="advies_uitgebracht")
    t = _nieuw_traject(inkoper_client, meldingnummer="2024-0007")
    melding.refresh_from_db()
    assert t.melding == melding and melding.status == "traject_gestart"
    inkoper_client.post(reverse("contracten:traject_status", args=[t.pk]), {"status": "afgerond", "datum": "2024-05-01"})
    melding.refresh_from_db()
    assert melding.status == "gegund"



def test_a_complaint_gets_its_outcome_later(inkoper_client, organisatie):
    from contracten.models import Klacht

    t = f.traject(organisatie)
    k = Klacht.objects.create(organisatie=organisatie, traject=t, ontvangen_op=date(2024, 5, 1), soort="gunning",
                              omschrijving="Bezwaar tegen de beoordeling")
    url = reverse("contracten:klacht_wijzigen", args=[t.pk, k.pk])
    data = {"ontvangen_op": "2024-05-01", "soort": "gunning", "ingediend_bij": "Twents klachtenmeldpunt",
            "omschrijving": "Bezwaar tegen de beoordeling", "uitkomst": "in_behandeling", "afgehandeld_op": "2024-06-01"}
    assert "heeft een uitkomst" in inkoper_client.post(url, data).content.decode()
    data["uitkomst"] = "ongegrond"
    assert inkoper_client.post(url, data).status_code == 302
    k.refresh_from_db()
    assert (k.uitkomst, k.afgehandeld_op) == ("ongegrond", date(2024, 6, 1))


def test_the_calendar_is_paged_with_page_numbers_and_searchable(inkoper_client, organisatie):
    vandaag = timezone.localdate()
    for i in range(30):
        f.contract(organisatie, nummer=f"K-{i:02}", omschrijving=f"Schoonmaak locatie {i}" if i == 7 else f"Dienst {i}",
                   einddatum=vandaag + timedelta(days=5 + i))
    eerste = inkoper_client.get(reverse("contracten:kalender")).content.decode()
    assert eerste.count('">K-') == 25
    assert 'aria-current="page"' in eerste and "pagina=2" in eerste and "Pagina 1 van 2 (30 in totaal)" in eerste
    tweede = inkoper_client.get(reverse("contracten:kalender") + "?pagina=2").content.decode()
    assert "K-29" in tweede and "K-00" not in tweede
    gezocht = inkoper_client.get(reverse("contracten:kalender") + "?zoek=schoonmaak").content.decode()
    assert "K-07" in gezocht and "K-08" not in gezocht and "pagina=2" not in gezocht
