"""Reports, submits and advice under faults: a killed report generation, a broker that is away
while a budget holder submits, two inkopers acting on one advice at the same moment, and a
database restored from pg_dump. Row counts are asserted before and after every fault."""

import json
import subprocess
import sys
import threading
import uuid

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from adviezen.models import Advies
from adviezen.services import (
    advies_uitbrengen,
    concept_advies_maken_uitvoeren,
    concept_adviezen_nakijken,
)
from inkoop import werk
from inkoop.models import Notificatie
from inkoop.services import notificaties_nakijken
from jaarverslag.models import Rapportversie
from jaarverslag.services import rapportversies_nakijken, versie_genereren_starten
from meldingen.models import Inkoopmelding, Statuswijziging
from tests.jaarverslag.conftest import importeer
from tests.jaarverslag.klein_grootboek import schrijf
from tests.meldingen.factories import KostenplaatsFactory

from .conftest import ROOT, broker_zetten, tabel_op_slot, wacht_tot, worker_sessies

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def grootboek(organisatie, tmp_path):
    importeer(schrijf(tmp_path / "grootboek"), organisatie.naam)
    return organisatie


def test_a_worker_killed_mid_report_leaves_a_failed_version_that_is_retried_from_the_page(
        worker, grootboek, controller):
    worker.start()
    with tabel_op_slot("uitgaven_jaaromzet", "uitgaven_factuurregel"):
        versie = versie_genereren_starten(organisatie=grootboek, jaar=2024, door=controller)
        wacht_tot(lambda: any(w == "Lock" for _p, _s, w in worker_sessies()), wat="het verslag wacht midden in")
        assert Rapportversie.objects.get(pk=versie.pk).status == Rapportversie.Status.BEZIG
        worker.sigkill()
    wacht_tot(lambda: not worker_sessies(), wat="de sessies van de gedode worker zijn weg")
    assert Rapportversie.objects.count() == 1
    assert rapportversies_nakijken() == {"afgebroken": 1, "opnieuw": 0}
    versie.refresh_from_db()
    assert (versie.status, versie.fout, bool(versie.pdf)) == (Rapportversie.Status.MISLUKT, werk.AFGEBROKEN, False)

    worker.start()
    client = Client()
    client.force_login(controller)
    overzicht = client.get(reverse("jaarverslag:overzicht"), {"jaar": 2024}).content.decode()
    assert reverse("jaarverslag:opnieuw", args=[versie.pk]) in overzicht and "Opnieuw proberen" in overzicht
    assert client.post(reverse("jaarverslag:opnieuw", args=[versie.pk])).status_code == 302
    versie = wacht_tot(lambda: Rapportversie.objects.filter(pk=versie.pk, status__in=["klaar", "mislukt"]).first(),
                       seconden=120, wat="de opnieuw geprobeerde versie is klaar")
    assert (versie.status, versie.fout) == (Rapportversie.Status.KLAAR, "")
    assert versie.pdf and versie.sha256_pdf
    assert Rapportversie.objects.count() == 1


def _melding_formulier(kostenplaats):
    return {"omschrijving": "Schoonmaak sporthal", "soort": "dienst", "prijsvorm": "periodiek",
            "waarde_per_jaar": "€ 40.000", "looptijd_maanden": "24", "afdeling": "Sport",
            "kostenplaats": kostenplaats.pk, "gewenste_startdatum": "2027-01-01", "branche": "overig",
            "regionale_markt_beschikbaar": "on", "sleutel": str(uuid.uuid4()), "actie": "indienen"}


def test_a_submit_while_the_broker_is_away_succeeds_and_the_advice_and_mail_follow_when_it_is_back(
        broker, worker, organisatie, budgethouder, inkoper, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    kp = KostenplaatsFactory(organisatie=organisatie)
    client = Client(raise_request_exception=False)
    client.force_login(budgethouder)
    broker_zetten("redis://127.0.0.1:1/0")  # nothing listens there: the broker is away
    try:
        antwoord = client.post(reverse("meldingen:nieuw"), _melding_formulier(kp))
    finally:
        broker_zetten(broker)
    assert antwoord.status_code == 302  # not a 500: the melding is stored and submitted
    melding = Inkoopmelding.objects.get()
    assert melding.status == "ingediend"
    assert Advies.objects.count() == 0
    notificatie = Notificatie.objects.get(ontvanger=inkoper)
    assert notificatie.gemaild_op is None

    # The broker is back and a worker runs: the periodic sweeps queue what was lost.
    worker.start()
    assert concept_adviezen_nakijken(wachttijd_minuten=0) == 1
    assert notificaties_nakijken(wachttijd_minuten=0) == 1
    wacht_tot(lambda: Advies.objects.filter(melding=melding).exists(), wat="het conceptadvies is gemaakt")
    wacht_tot(lambda: Notificatie.objects.filter(pk=notificatie.pk, gemaild_op__isnull=False).exists(),
              wat="de e-mail aan Inkoop is verstuurd")
    assert Advies.objects.count() == 1 and Inkoopmelding.objects.count() == 1
    # Sweeping again changes nothing: the draft and the mail exist once.
    assert concept_adviezen_nakijken(wachttijd_minuten=0) == 0
    assert notificaties_nakijken(wachttijd_minuten=0) == 0


def test_two_inkopers_issuing_one_advice_at_the_same_moment_issue_it_once(
        organisatie, budgethouder, inkoper, maak_gebruiker):
    from tests.meldingen.factories import MeldingFactory

    tweede = maak_gebruiker(organisatie, "inkoper", naam="tweede-inkoper")
    melding = MeldingFactory(organisatie=organisatie, budgethouder=budgethouder, ingediend=True)
    advies = concept_advies_maken_uitvoeren(melding_id=melding.pk)
    assert advies is not None and advies.procedure, advies.fout
    voor = (Advies.objects.count(), Statuswijziging.objects.filter(melding=melding).count())
    start = threading.Barrier(2)
    uitkomsten = []

    def brengt_uit(door):
        try:
            start.wait()
            advies_uitbrengen(advies=Advies.objects.get(pk=advies.pk), door=door)
            uitkomsten.append("uitgebracht")
        except Exception as exc:  # noqa: BLE001 - the loser's exception is the outcome under test
            uitkomsten.append(type(exc).__name__)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=brengt_uit, args=(d,)) for d in (inkoper, tweede)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(30)
    assert sorted(uitkomsten) == ["OnveranderlijkAdvies", "uitgebracht"]
    assert Advies.objects.count() == voor[0]
    assert Advies.objects.filter(melding=melding, status=Advies.Status.UITGEBRACHT).count() == 1
    # One issue moves the melding once (toewijzen + advies uitgebracht), never twice.
    assert Statuswijziging.objects.filter(melding=melding, naar="advies_uitgebracht").count() == 1
    assert Notificatie.objects.filter(ontvanger=budgethouder, onderwerp__startswith="Inkoopadvies").count() == 1
    mail.outbox.clear()


def _rapport_json(database: str, organisatie: str, pad) -> bytes:
    d = connection.settings_dict
    env = {"DJANGO_SETTINGS_MODULE": "inkoop.settings.base", "PATH": "/usr/bin:/bin",
           "DATABASE_URL": f"postgres://{d['USER']}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{database}"}
    subprocess.run([sys.executable, "manage.py", "jaarverslag", "2024", "--organisatie", organisatie,  # noqa: S603
                    "--json", str(pad)], cwd=ROOT, env=env, check=True, capture_output=True)
    return pad.read_bytes()


def test_pg_dump_and_restore_give_the_identical_report_json(grootboek, tmp_path):
    d = connection.settings_dict
    db = d["NAME"]
    kopie = f"{db}_hersteld"[:63]
    verbinding = ["-h", d["HOST"] or "127.0.0.1", "-p", str(d["PORT"] or 5432), "-U", d["USER"]]
    voor = _rapport_json(db, grootboek.naam, tmp_path / "voor.json")
    subprocess.run(["pg_dump", *verbinding, "-Fc", "-f", str(tmp_path / "dump"), db], check=True)  # noqa: S603,S607
    subprocess.run(["dropdb", *verbinding, "--if-exists", kopie], check=True)  # noqa: S603,S607
    subprocess.run(["createdb", *verbinding, kopie], check=True)  # noqa: S603,S607
    try:
        subprocess.run(["pg_restore", *verbinding, "-d", kopie, "--no-owner", str(tmp_path / "dump")],  # noqa: S603,S607
                       check=True)
        na = _rapport_json(kopie, grootboek.naam, tmp_path / "na.json")
    finally:
        subprocess.run(["dropdb", *verbinding, "--if-exists", kopie], check=True)  # noqa: S603,S607
    assert json.loads(voor)  # a real report, not an empty file
    assert na == voor
