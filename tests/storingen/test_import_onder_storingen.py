"""An import whose worker is SIGKILLed, or whose database sessions are terminated, mid-import:
nothing is stored, the run ends as failed with the reason, and confirming the same files again
imports them. Row counts are asserted before and after every fault."""

import os
import subprocess
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from inkoop import werk
from tests.jaarverslag.klein_grootboek import BESTANDEN, schrijf
from uitgaven import services
from uitgaven.models import Crediteur, Factuurregel, Importrun

from .conftest import ROOT, WORKER_NAAM, sql, tabel_op_slot, wacht_tot, worker_sessies

pytestmark = pytest.mark.django_db(transaction=True)

REGELS = sum(len(inhoud.strip().splitlines()) - 1 for naam, inhoud in BESTANDEN.items() if naam.startswith("facturen"))


def _klaar(run_id):
    run = Importrun.objects.get(pk=run_id)
    return run if not run.loopt else None


def _gecontroleerd(organisatie, controller):
    bestanden = [SimpleUploadedFile(naam, inhoud.encode()) for naam, inhoud in BESTANDEN.items()]
    controle = services.import_voorbereiden(organisatie=organisatie, door=controller, bestanden=bestanden)
    controle = wacht_tot(lambda: _klaar(controle.pk), wat="de controle is klaar")
    assert controle.status == Importrun.Status.GECONTROLEERD, controle.fouten
    return controle


def _tellingen(organisatie):
    return (Factuurregel.objects.filter(organisatie=organisatie).count(),
            Crediteur.objects.filter(organisatie=organisatie).count())


def _wacht_op_slot():
    """The worker's session waits on the table lock: it is inside the import's transaction."""
    wacht_tot(lambda: any(w == "Lock" for _pid, _s, w in worker_sessies()), wat="de import wacht midden in")


def test_a_worker_killed_mid_import_stores_nothing_and_the_same_files_can_be_imported_again(
        worker, organisatie, controller):
    worker.start()
    controle = _gecontroleerd(organisatie, controller)
    assert _tellingen(organisatie) == (0, 0)

    with tabel_op_slot("uitgaven_jaaromzet"):
        run = services.import_bevestigen(controle=controle, door=controller)
        _wacht_op_slot()
        worker.sigkill()
    # The killed worker's session ends (its transaction rolled back, its run lock released).
    wacht_tot(lambda: not worker_sessies(), wat="de sessies van de gedode worker zijn weg")
    assert _tellingen(organisatie) == (0, 0)
    run.refresh_from_db()
    assert run.status == Importrun.Status.BEZIG  # nobody could record the failure

    assert services.importruns_nakijken() == {"afgebroken": 1, "opnieuw": 0}
    run.refresh_from_db()
    assert run.status == Importrun.Status.MISLUKT and run.fouten == [werk.AFGEBROKEN]

    worker.start()
    opnieuw = services.import_bevestigen(controle=controle, door=controller)  # not "al geïmporteerd"
    opnieuw = wacht_tot(lambda: _klaar(opnieuw.pk), wat="de nieuwe import is klaar")
    assert opnieuw.status == Importrun.Status.GESLAAGD, opnieuw.fouten
    assert _tellingen(organisatie) == (REGELS, 6)


def test_database_sessions_terminated_mid_import_fail_the_run_visibly_and_the_worker_lives_on(
        worker, organisatie, controller):
    worker.start()
    controle = _gecontroleerd(organisatie, controller)
    assert _tellingen(organisatie) == (0, 0)

    with tabel_op_slot("uitgaven_jaaromzet"):
        run = services.import_bevestigen(controle=controle, door=controller)
        _wacht_op_slot()
        beeindigd = sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                        [WORKER_NAAM])
        assert beeindigd and all(r[0] for r in beeindigd)
    run = wacht_tot(lambda: _klaar(run.pk), wat="de afgebroken import is als mislukt vastgelegd")
    assert run.status == Importrun.Status.MISLUKT
    assert run.fouten[0].startswith(werk.AFGEBROKEN) and run.aantallen["afgebroken"]
    assert _tellingen(organisatie) == (0, 0)
    assert worker.leeft()

    opnieuw = services.import_opnieuw(importrun=run, door=controller)
    opnieuw = wacht_tot(lambda: _klaar(opnieuw.pk), wat="de herhaalde import is klaar")
    assert opnieuw.status == Importrun.Status.GESLAAGD, opnieuw.fouten
    assert _tellingen(organisatie) == (REGELS, 6)


def test_a_run_whose_task_keeps_killing_its_worker_fails_for_good_after_three_attempts(
        organisatie, controller, settings):
    # The redelivered task finds the run busy with nobody working on it, three times.
    run = Importrun.objects.create(organisatie=organisatie, gestart_door=controller, proefrun=True,
                                   status=Importrun.Status.BEZIG, aantallen={"pogingen": services.MAX_POGINGEN})
    assert services.import_uitvoeren_service(importrun_id=run.pk) is False
    run.refresh_from_db()
    assert run.status == Importrun.Status.MISLUKT
    assert run.fouten == [f"{werk.AFGEBROKEN} (afgebroken na 3 pogingen)"]


def test_a_redelivered_task_picks_up_the_run_its_dead_worker_had_claimed(organisatie, controller):
    bestanden = [SimpleUploadedFile(naam, inhoud.encode()) for naam, inhoud in BESTANDEN.items()]
    run = services.import_voorbereiden(organisatie=organisatie, door=controller, bestanden=bestanden)
    # The first worker claimed it and died (its lock went with its session).
    Importrun.objects.filter(pk=run.pk).update(status=Importrun.Status.BEZIG)
    assert services.import_uitvoeren_service(importrun_id=run.pk) is True
    run.refresh_from_db()
    assert run.status == Importrun.Status.GECONTROLEERD, run.fouten
    assert _tellingen(organisatie) == (0, 0)  # a check stores nothing


CLI_NAAM = "inkoop-storingstest-cli"


def _cli_import(map_, organisatie) -> subprocess.Popen:
    """`manage.py import_uitgaven` in a process of its own, on the test database."""
    d = connection.settings_dict
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "inkoop.settings.base",
           "DATABASE_URL": f"postgres://{d['USER']}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"
                           f"?application_name={CLI_NAAM}"}
    return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "manage.py", "import_uitgaven", str(map_), "--organisatie", organisatie.naam],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_cli_import_whose_database_session_is_terminated_stores_nothing_and_can_be_run_again(
        organisatie, tmp_path):
    map_ = schrijf(tmp_path / "grootboek")
    assert (_tellingen(organisatie), Importrun.objects.count()) == ((0, 0), 0)

    with tabel_op_slot("uitgaven_jaaromzet"):
        proces = _cli_import(map_, organisatie)
        # The import waits on the lock: it is inside its transaction, rows written but not committed.
        wacht_tot(lambda: sql("SELECT 1 FROM pg_stat_activity WHERE application_name = %s "
                              "AND wait_event_type = 'Lock'", [CLI_NAAM]), wat="de CLI-import wacht midden in")
        beeindigd = sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
                        [CLI_NAAM])
        assert beeindigd and all(r[0] for r in beeindigd)
    uit, fout = proces.communicate(timeout=60)
    assert proces.returncode == 1, (uit, fout)
    assert "Traceback" not in fout and "afgebroken" in fout and "niets opgeslagen" in fout, fout
    assert _tellingen(organisatie) == (0, 0)
    run = Importrun.objects.get()
    assert run.status == Importrun.Status.MISLUKT and run.aantallen["afgebroken"]
    assert run.fouten[0].startswith(werk.AFGEBROKEN), run.fouten

    proces = _cli_import(map_, organisatie)
    uit, fout = proces.communicate(timeout=120)
    assert proces.returncode == 0, fout
    assert _tellingen(organisatie) == (REGELS, 6)
    assert Importrun.objects.filter(status=Importrun.Status.GESLAAGD).count() == 1
