"""The engine is pure Python: no Django, no database (conventions.md: rules are data plus pure functions)."""

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "adviezen" / "engine"


def test_no_engine_module_imports_django():
    for bestand in ENGINE.glob("*.py"):
        boom = ast.parse(bestand.read_text(), filename=str(bestand))
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom):
                namen = [knoop.module or ""]
            else:
                continue
            for naam in namen:
                assert not naam.startswith(("django", "inkoop", "meldingen", "uitgaven", "contracten")), \
                    f"{bestand.name} importeert {naam}"


def test_the_engine_runs_in_a_process_without_django():
    code = ("import sys; sys.modules['django'] = None\n"
            "from adviezen.engine import advies_als_json, standaardbeleid\n"
            "c, a = advies_als_json({'soort': 'dienst', 'datum': '2025-06-01', 'waarde_totaal': 221000}, "
            "standaardbeleid())\n"
            "assert c == 0 and a['procedure'] == 'europees_openbaar', a\n"
            "assert not [m for m in sys.modules if m.startswith('django') and sys.modules[m] is not None]\n")
    uit = subprocess.run([sys.executable, "-c", code], cwd=ENGINE.parents[1], capture_output=True, text=True,
                         timeout=60)
    assert uit.returncode == 0, uit.stderr
