"""Benchmark: `manage.py advies --batch` on 20.000 cases against the same command on an empty list.

The empty list measures the start-up floor (Python, Django, policy from the database); the
difference is the advice work itself. Goal (issue 5): at least 20.000 advices per second beyond
the floor. Not part of the test suite (conventions.md: benchmarks are never timed assertions).

    .venv/bin/python bench/advies/bench_advies.py [--aantal 20000] [--herhalingen 5]

Without DATABASE_URL a temporary SQLite database is migrated first (the default policy comes with
`migrate`). The cases are random but reproducible (fixed seed) and varied: every soort, dates in
2022-2027, totals, periodic prices, indefinite terms, lots, branches, regional markets.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
BRANCHES = ["overig", "overig", "bouw", "ict", "milieu", "vervoer", "beveiliging", "zorg", "openbare_orde"]


def gevallen(aantal: int, zaad: int = 20261127) -> list[dict]:
    rnd = random.Random(zaad)
    uit = []
    for _ in range(aantal):
        soort = rnd.choices(["levering", "dienst", "werk", "sociale_dienst", "verkoop_grond"], [25, 40, 20, 12, 3])[0]
        jaar = rnd.randint(2022, 2027)
        geval = {"soort": soort, "datum": f"{jaar}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
                 "regionale_markt_beschikbaar": rnd.random() < 0.8, "branche": rnd.choice(BRANCHES)}
        bovengrens = 12_000_000 if soort == "werk" else 1_500_000
        waarde = round(10 ** rnd.uniform(3.5, __import__("math").log10(bovengrens)), 2)
        vorm = rnd.random()
        if soort == "werk":
            geval["werk_categorie"] = rnd.choice(["bouw", "gww", "cultuurtechnisch"])
        if soort == "verkoop_grond":
            geval.update(prijsvorm="totaal", waarde_totaal=waarde, serieuze_gegadigden=rnd.choice(["een", "meerdere"]))
        elif vorm < 0.55:
            geval.update(prijsvorm="totaal", waarde_totaal=str(waarde), looptijd_maanden=rnd.choice([12, 24, 36, 48]))
            if rnd.random() < 0.3:
                geval["waarde_opties"] = round(waarde * 0.25, 2)
        elif vorm < 0.9:
            geval.update(prijsvorm="periodiek", waarde_per_jaar=round(waarde / 4, 2))
            if rnd.random() < 0.25:
                geval["onbepaalde_looptijd"] = True
            else:
                geval.update(looptijd_maanden=rnd.choice([12, 24, 36, 48, 60]),
                             opties_verlenging_maanden=rnd.choice([0, 12, 24]))
        else:
            delen = rnd.randint(2, 6)
            geval.update(prijsvorm="totaal", percelen=[round(waarde * rnd.uniform(0.05, 1) / delen, 2)
                                                      for _ in range(delen)])
        uit.append(geval)
    return uit


def _draai(bestand: Path, env: dict) -> tuple[float, float, bytes]:
    """(wall seconds, CPU seconds of the child, stdout) of one `advies --batch` run."""
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    begin = time.perf_counter()
    with bestand.open("rb") as invoer:
        uit = subprocess.run([sys.executable, "manage.py", "advies", "--batch"], cwd=PROJECT, env=env, stdin=invoer,
                             capture_output=True, check=False)
    wand = time.perf_counter() - begin
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    if uit.returncode != 0:
        sys.exit(f"advies --batch faalde ({uit.returncode}): {uit.stderr.decode()[-2000:]}")
    cpu = (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)
    return wand, cpu, uit.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aantal", type=int, default=20_000)
    parser.add_argument("--herhalingen", type=int, default=5)
    args = parser.parse_args()

    env = {**os.environ}
    env.setdefault("DJANGO_SETTINGS_MODULE", "inkoop.settings.dev")
    tijdelijk = tempfile.TemporaryDirectory(prefix="bench-advies-")
    if "DATABASE_URL" not in env:
        env["DATABASE_URL"] = f"sqlite:///{tijdelijk.name}/bench.sqlite3"
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=PROJECT, env=env, check=True)

    leeg = Path(tijdelijk.name) / "leeg.json"
    vol = Path(tijdelijk.name) / "gevallen.json"
    leeg.write_text("[]")
    vol.write_text(json.dumps(gevallen(args.aantal)))

    _draai(leeg, env)  # warm the file cache and the bytecode
    _, _, stdout = _draai(vol, env)
    antwoorden = json.loads(stdout)
    assert len(antwoorden) == args.aantal and all("procedure" in a for a in antwoorden)

    vloer, werk = [], []
    for _ in range(args.herhalingen):  # alternate, so that machine load hits both alike
        vloer.append(_draai(leeg, env)[:2])
        werk.append(_draai(vol, env)[:2])
    v_wand, w_wand = statistics.median(v[0] for v in vloer), statistics.median(w[0] for w in werk)
    v_cpu, w_cpu = statistics.median(v[1] for v in vloer), statistics.median(w[1] for w in werk)
    per_s_wand = args.aantal / max(w_wand - v_wand, 1e-9)
    per_s_cpu = args.aantal / max(w_cpu - v_cpu, 1e-9)
    procedures = {}
    for a in antwoorden:
        procedures[a["procedure"]] = procedures.get(a["procedure"], 0) + 1

    print(f"gevallen: {args.aantal} ({', '.join(f'{k} {v}' for k, v in sorted(procedures.items()))})")
    print(f"uitvoer: {len(stdout) / 1e6:.1f} MB JSON")
    print(f"vloer (lege lijst):   wand {v_wand:.3f} s, cpu {v_cpu:.3f} s (mediaan van {args.herhalingen})")
    print(f"{args.aantal} gevallen:      wand {w_wand:.3f} s, cpu {w_cpu:.3f} s")
    print(f"boven de vloer:       wand {w_wand - v_wand:.3f} s = {per_s_wand:,.0f} adviezen/s; "
          f"cpu {w_cpu - v_cpu:.3f} s = {per_s_cpu:,.0f} adviezen/s".replace(",", "."))
    beste = args.aantal / max(min(w[0] for w in werk) - min(v[0] for v in vloer), 1e-9)
    print(f"beste run tegen beste vloer: {beste:,.0f} adviezen/s (wand)".replace(",", "."))
    print(f"belasting van de machine (load average 1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} kernen")
    print("doel: >= 20.000 adviezen/s boven de vloer (mediaan, wand): "
          + ("gehaald" if per_s_wand >= 20_000 else "NIET gehaald"))


if __name__ == "__main__":
    main()
