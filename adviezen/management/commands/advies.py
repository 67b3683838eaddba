"""python manage.py advies [--batch] [--organisatie NAAM] (interfaces.md §1).

Reads the facts of an intended purchase as JSON on stdin and prints the procedure advice under
the policy in the database. Exit codes: 0 advice, 2 invalid input, 3 no EU thresholds for the
date. With --batch, stdin holds a list and stdout gets a list of answers in the same order; the
exit code is then 2 when any item was invalid, else 3 when any item had no thresholds, else 0.
"""

import gc
import json
import multiprocessing
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from adviezen.engine import advies_als_json, advies_als_tekst
from beleid.models import Beleid
from beleid.selectors import beleid_voor, beleidsregels
from inkoop.models import Organisatie
from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe

# A large batch is split over the CPU cores (fork: the workers inherit the loaded policy and need
# no database). Below this size the start of the workers costs more than it saves.
PARALLEL_VANAF = 4000
_BELEID = None


def _deel(items: list) -> tuple[set, str]:
    codes, teksten = set(), []
    for item in items:
        code, tekst = advies_als_tekst(item, _BELEID)
        codes.add(code)
        teksten.append(tekst)
    return codes, ",".join(teksten)


def _batch(invoer: list, beleid) -> tuple[set, list[str]]:
    """Every answer as JSON text, in input order: (exit codes seen, comma-joined parts)."""
    global _BELEID
    _BELEID = beleid
    kernen = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    # Only idle cores help: on a machine that is already busy, extra processes only fight for the
    # same cores (measured in bench/advies). ADVIES_WERKERS overrides the choice.
    vrij = kernen - (os.getloadavg()[0] if hasattr(os, "getloadavg") else 0)
    kernen = min(int(os.getenv("ADVIES_WERKERS") or max(1, int(vrij + 0.5))), kernen, 8)
    if len(invoer) < PARALLEL_VANAF or kernen < 2 or "fork" not in multiprocessing.get_all_start_methods():
        codes, tekst = _deel(invoer)
        return codes, [tekst] if tekst else []
    from django.db import connection, connections

    if not connection.in_atomic_block:
        # The workers never touch the database; closing first keeps them from inheriting a live
        # connection (inside a test transaction it must stay open, and the workers leave it alone).
        connections.close_all()
    stap = -(-len(invoer) // kernen)
    stukken = [invoer[i:i + stap] for i in range(0, len(invoer), stap)]
    with multiprocessing.get_context("fork").Pool(len(stukken)) as pool:
        resultaten = pool.map(_deel, stukken, chunksize=1)  # in order
    return set().union(*(r[0] for r in resultaten)), [r[1] for r in resultaten if r[1]]


def _met_komma(teksten: list[str]):
    for i, t in enumerate(teksten):
        if i:
            yield ","
        yield t


def _ongeldig(reden: str) -> dict:
    return {"fout": "ongeldige_invoer", "velden": {"invoer": [reden]}}


class Command(BaseCommand):
    help = "Geeft het procedureadvies (JSON) voor de feiten van een inkoop op stdin (JSON)."
    # call_command("advies", stdin=io.StringIO(...)) in tests; not a command-line option.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true",
                            help="stdin bevat een JSON-lijst; stdout krijgt een lijst antwoorden in dezelfde volgorde.")
        voeg_organisatie_argument_toe(parser)

    def _organisatie(self, naam):
        if naam:
            return kies_organisatie(naam)
        orgs = list(Organisatie.objects.all()[:2])
        if len(orgs) == 1:
            return orgs[0]
        if len(orgs) > 1 and Beleid.objects.filter(organisatie__isnull=False).exists():
            raise CommandError("De database bevat meerdere organisaties met een eigen beleid; "
                               "geef --organisatie NAAM op.")
        # No organisation yet (a fresh database after migrate), or several that all use the default.
        return None

    def handle(self, *args, batch=False, organisatie=None, stdin=None, **opts):
        org = self._organisatie(organisatie)
        model = beleid_voor(org)
        if model is None:
            raise CommandError("Er is geen beleid geconfigureerd (draai ‘migrate’: die laadt het standaardbeleid).")
        beleid = beleidsregels(model)

        bron = stdin if stdin is not None else sys.stdin
        ruw = bron.buffer.read() if hasattr(bron, "buffer") else bron.read()
        if isinstance(ruw, bytes):
            try:
                ruw = ruw.decode("utf-8-sig")
            except UnicodeDecodeError:
                return self._klaar(2, _ongeldig("De invoer is geen UTF-8-tekst."), batch)
        ruw = ruw.lstrip("\ufeff")
        if not ruw.strip():
            return self._klaar(2, _ongeldig("Geen invoer op stdin: verwacht een JSON-"
                                            + ("lijst." if batch else "object.")), batch)
        # The batch builds hundreds of thousands of small objects that all live until the end;
        # the cyclic garbage collector would only rescan them (there are no cycles to free).
        gc_aan = gc.isenabled()
        gc.disable()
        try:
            return self._adviseer(ruw, beleid, batch)
        finally:
            if gc_aan:
                gc.enable()

    def _adviseer(self, ruw: str, beleid, batch: bool):
        try:
            invoer = json.loads(ruw)
        except (ValueError, RecursionError) as fout:
            return self._klaar(2, _ongeldig(f"Geen geldige JSON: {fout}."), batch)
        if batch:
            if not isinstance(invoer, list):
                return self._klaar(2, _ongeldig("Met --batch verwacht de invoer een JSON-lijst van objecten."), True)
            codes, teksten = _batch(invoer, beleid)
            code = 2 if 2 in codes else 3 if 3 in codes else 0
            return self._schrijf(code, ["[", ",".join(teksten), "]"] if len(teksten) < 2
                                 else ["[", *_met_komma(teksten), "]"])
        if isinstance(invoer, list):
            return self._klaar(2, _ongeldig("Verwacht één JSON-object; gebruik --batch voor een lijst."), False)
        code, antwoord = advies_als_json(invoer, beleid)
        return self._klaar(code, antwoord, False)

    def _klaar(self, code: int, antwoord, batch: bool):
        if batch:
            tekst = json.dumps(antwoord, separators=(",", ":"))
        else:
            tekst = json.dumps(antwoord, ensure_ascii=False, indent=2)
        return self._schrijf(code, tekst)

    def _schrijf(self, code: int, tekst):
        """Write `tekst` (a string, or parts written one after the other: no 40 MB copy) and exit."""
        delen = [tekst] if isinstance(tekst, str) else tekst
        uit = getattr(self.stdout, "_out", self.stdout)
        try:
            if hasattr(uit, "buffer"):
                uit.flush()
                for deel in delen:
                    uit.buffer.write(deel.encode("utf-8"))
                uit.buffer.write(b"\n")
                uit.buffer.flush()
            else:
                uit.write("".join(delen) + "\n")
        except BrokenPipeError:
            # The reader went away (`advies | head`): no traceback, just stop.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, uit.fileno())
            sys.exit(code or 1)
        if code:
            sys.exit(code)
