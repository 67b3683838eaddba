"""`python manage.py advies` exactly as interfaces.md §1: stdin JSON, stdout JSON, exit codes 0/2/3."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from .gevallen import GEVALLEN
from .hulp import basis, verschillen

PROJECT = Path(__file__).resolve().parents[2]


def advies_command(invoer, *args):
    """(exit code, parsed stdout) of call_command("advies") with `invoer` on stdin."""
    uit = io.StringIO()
    tekst = invoer if isinstance(invoer, str) else json.dumps(invoer)
    try:
        call_command("advies", *args, stdin=io.StringIO(tekst), stdout=uit)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, json.loads(uit.getvalue())


@pytest.mark.django_db
@pytest.mark.parametrize(("geval", "invoer", "verwacht"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_each_worked_case_through_the_command(geval, invoer, verwacht):
    code, antwoord = advies_command(invoer)
    if verwacht.get("procedure") == "fout_drempels_onbekend":
        assert code == 3
        assert antwoord["fout"] == "drempels_onbekend"
        assert antwoord["melding"] == verwacht["melding"]
    else:
        assert code == 0
        assert verschillen(antwoord, verwacht) == []


@pytest.mark.django_db
def test_batch_answers_a_list_in_the_same_order():
    invoer = [g[1] for g in GEVALLEN if g[0] != "TC53"]
    code, antwoorden = advies_command(invoer, "--batch")
    assert code == 0
    assert len(antwoorden) == len(invoer)
    for (geval, _, verwacht), antwoord in zip([g for g in GEVALLEN if g[0] != "TC53"], antwoorden, strict=True):
        assert verschillen(antwoord, verwacht) == [], geval


@pytest.mark.django_db
def test_an_empty_batch_gives_an_empty_list():
    assert advies_command([], "--batch") == (0, [])


@pytest.mark.django_db
def test_a_batch_with_an_invalid_item_answers_every_item_and_exits_2():
    code, antwoorden = advies_command([basis(), basis(soort="x"), basis(datum="2028-02-01")], "--batch")
    assert code == 2
    assert antwoorden[0]["procedure"] == "enkelvoudig_onderhands"
    assert antwoorden[1]["fout"] == "ongeldige_invoer"
    assert antwoorden[2]["fout"] == "drempels_onbekend"


@pytest.mark.django_db
def test_a_batch_with_only_unknown_thresholds_exits_3():
    code, _ = advies_command([basis(), basis(datum="2028-02-01")], "--batch")
    assert code == 3


@pytest.mark.django_db
@pytest.mark.parametrize(("tekst", "args"), [("{niet json", ()), ("", ()), ("[1, 2]", ()), ('{"a": 1}', ("--batch",)),
                                             ("\u00ff\u00fe", ())])
def test_unreadable_input_exits_2_with_a_reason(tekst, args):
    code, antwoord = advies_command(tekst, *args)
    assert code == 2
    assert antwoord["fout"] == "ongeldige_invoer"
    assert antwoord["velden"]


@pytest.mark.django_db
def test_an_organisation_with_its_own_policy_gets_its_own_bands(organisatie):
    from beleid.selectors import beleid_als_dict, beleid_voor
    from beleid.services import beleid_versie_opslaan

    gegevens = beleid_als_dict(beleid_voor(None))
    for s in gegevens["banden"]:
        if s["soort"] == "dienst":
            s["banden"][1]["vanaf"] = "50000"  # meervoudig only from 50.000
    beleid_versie_opslaan(organisatie=organisatie, gegevens=gegevens, geldig_vanaf="2020-01-01",
                          toelichting="Eigen grens", door=None)
    _, eigen = advies_command(basis(waarde_totaal=40000), "--organisatie", organisatie.naam)
    assert eigen["procedure"] == "enkelvoudig_onderhands"


@pytest.mark.django_db
def test_without_organisations_the_default_policy_is_used():
    code, antwoord = advies_command(basis(waarde_totaal=40000))
    assert code == 0 and antwoord["procedure"] == "meervoudig_onderhands"


@pytest.fixture(scope="module")
def verse_database(tmp_path_factory):
    """A fresh SQLite file after plain `migrate`, as the acceptance checks use it."""
    pad = tmp_path_factory.mktemp("advies") / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{pad}", "DJANGO_SETTINGS_MODULE": "inkoop.settings.test"}
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=PROJECT, env=env, check=True,
                   timeout=300)
    return env


def _proces(env, invoer, *args):
    uit = subprocess.run([sys.executable, "manage.py", "advies", *args], cwd=PROJECT, env=env, timeout=120,
                         input=invoer if isinstance(invoer, str) else json.dumps(invoer),
                         capture_output=True, text=True)
    return uit.returncode, uit.stdout, uit.stderr


def test_a_real_process_after_migrate_answers_all_cases_in_one_batch(verse_database):
    invoer = [g[1] for g in GEVALLEN]
    code, stdout, stderr = _proces(verse_database, invoer, "--batch")
    assert code == 3  # TC53 has no thresholds; every other item is answered
    antwoorden = json.loads(stdout)
    for (geval, _, verwacht), antwoord in zip(GEVALLEN, antwoorden, strict=True):
        if geval == "TC53":
            assert antwoord["fout"] == "drempels_onbekend"
        else:
            assert verschillen(antwoord, verwacht) == [], geval
    assert "Traceback" not in stderr


@pytest.mark.parametrize(("invoer", "code_verwacht"), [
    (basis(waarde_totaal=221000), 0),
    (basis(soort="onbekend"), 2),
    ("geen json", 2),
    (basis(datum="2028-01-01"), 3),
])
def test_a_real_process_uses_the_exit_codes_and_never_a_traceback(verse_database, invoer, code_verwacht):
    code, stdout, stderr = _proces(verse_database, invoer)
    assert code == code_verwacht
    json.loads(stdout)
    assert "Traceback" not in stderr


@pytest.mark.django_db
def test_a_large_batch_split_over_the_cores_answers_in_the_same_order(monkeypatch):
    import sys as _sys

    from adviezen.engine import advies_als_tekst, standaardbeleid

    commando = _sys.modules["adviezen.management.commands.advies"] if "adviezen.management.commands.advies" in \
        _sys.modules else __import__("adviezen.management.commands.advies", fromlist=["x"])
    monkeypatch.setattr(commando, "PARALLEL_VANAF", 10)
    monkeypatch.setenv("ADVIES_WERKERS", "2")
    monkeypatch.setattr(commando.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    invoer = [basis(waarde_totaal=1000 * i, soort=["dienst", "werk", "levering"][i % 3]) for i in range(60)]
    invoer[17] = basis(soort="fout")
    code, antwoorden = advies_command(invoer, "--batch")
    assert code == 2
    beleid = standaardbeleid()
    verwacht = [json.loads(advies_als_tekst(i, beleid)[1]) for i in invoer]
    assert [a.get("procedure") for a in antwoorden] == [v.get("procedure") for v in verwacht]
    assert [a.get("geraamde_waarde") for a in antwoorden] == [v.get("geraamde_waarde") for v in verwacht]
