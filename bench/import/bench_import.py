"""Benchmark: importing a ledger of a million lines on PostgreSQL, against the floor.

    .venv/bin/python bench/import/bench_import.py [--regels 1000000] [--xlsx-regels 200000]

What it does, in one run on a fresh database (DATABASE_URL's server, database `inkoop_bench_import`):

1. generates a facturen file of N lines by scaling the Enschede ledger shipped with the demo
   (`uitgaven/demo_data/enschede`): the lines of 2021-2024 repeated with a suffix on the
   factuurnummer, in the export format (`;`, UTF-8 with BOM, CRLF, dd-mm-jjjj, decimal comma);
   and the same lines pre-converted to ISO dates and decimal points for the floor;
2. migrates, imports the master data (not timed);
3. the floor: `psql \\copy` of the pre-converted lines into a plain table with the ledger's typed
   columns and its unique key (boekjaar, crediteurnummer, factuurnummer);
4. our import: `manage.py import_uitgaven FILE` in a child process, timed, with its peak memory
   (ru_maxrss of that process); steps 3 and 4 alternate `--herhalingen` times on an emptied ledger
   (medians), so that the load of a shared machine hits both alike;
5. XLSX: the same kind of file as .xlsx (M lines), imported into a second organisation; rows/s.

Prints floor time, import time (wall clock of the whole command, and the import's own seconds),
the ratio floor/import, peak memory and xlsx rows/s, and writes them to bench/import/resultaat.json.
Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "uitgaven" / "demo_data" / "enschede"
PY = sys.executable
DB = "inkoop_bench_import"


def sh(*args, env=None, **kw):
    return subprocess.run(args, check=True, env=env, **kw)


def genereer(werkmap: Path, regels: int) -> tuple[Path, Path]:
    """The scaled facturen file in export format, and the same lines for the floor."""
    bron = []
    for jaar in (2021, 2022, 2023, 2024):
        with open(DATA / f"facturen-{jaar}.csv", encoding="utf-8-sig", newline="") as f:
            kop = f.readline().rstrip("\r\n")
            bron.extend(regel.rstrip("\r\n") for regel in f if regel.strip())
    export = werkmap / f"facturen-{regels}.csv"
    vloer = werkmap / f"facturen-{regels}-iso.csv"
    with open(export, "w", encoding="utf-8-sig", newline="") as uit, \
            open(vloer, "w", encoding="utf-8", newline="") as iso:
        uit.write(kop + "\r\n")
        iso.write(kop + "\n")
        geschreven, ronde = 0, 0
        while geschreven < regels:
            for regel in bron:
                if geschreven >= regels:
                    break
                v = regel.split(";")
                if ronde:
                    v[2] = f"{v[2]}-{ronde}"
                uit.write(";".join(v) + "\r\n")
                d = v[1]
                v[1] = f"{d[6:10]}-{d[3:5]}-{d[0:2]}"
                v[7] = v[7].replace(",", ".")
                iso.write(";".join(v) + "\n")
                geschreven += 1
            ronde += 1
    return export, vloer


def genereer_xlsx(werkmap: Path, regels: int) -> Path:
    from datetime import date
    from decimal import Decimal

    from openpyxl import Workbook

    pad = werkmap / f"facturen-{regels}.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("facturen")
    with open(DATA / "facturen-2024.csv", encoding="utf-8-sig", newline="") as f:
        kop = f.readline().rstrip("\r\n").split(";")
        bron = [r.rstrip("\r\n").split(";") for r in f if r.strip()]
    ws.append(kop)
    geschreven, ronde = 0, 0
    while geschreven < regels:
        for v in bron:
            if geschreven >= regels:
                break
            d, m, j = v[1].split("-")
            ws.append([int(v[0]), date(int(j), int(m), int(d)), f"{v[2]}-x{ronde}", v[3], v[4], v[5], v[6],
                       float(Decimal(v[7].replace(",", ".")))])
            geschreven += 1
        ronde += 1
    wb.save(pad)
    return pad


def psql(url: str, *args, db: str | None = None, **kw):
    u = urlparse(url)
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", u.hostname or "127.0.0.1", "-p", str(u.port or 5432),
           "-U", u.username or "postgres", "-d", db or DB]
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = u.password
    return sh(*cmd, *args, env=env, **kw)


CPU: list[float] = []


def kind_met_geheugen(args, env) -> tuple[float, int, str]:
    """Run a child process; (wall seconds, its own peak RSS in MiB, stdout). Its CPU seconds (user +
    system, the Python side of the import) are appended to CPU."""
    import tempfile

    with tempfile.TemporaryFile("w+") as uit, tempfile.TemporaryFile("w+") as fout:
        start = time.perf_counter()
        p = subprocess.Popen(args, env=env, stdout=uit, stderr=fout, text=True)
        _, status, rusage = os.wait4(p.pid, 0)
        duur = time.perf_counter() - start
        CPU.append(rusage.ru_utime + rusage.ru_stime)
        p.returncode = os.waitstatus_to_exitcode(status)
        uit.seek(0)
        fout.seek(0)
        if p.returncode:
            sys.stderr.write(fout.read())
            raise SystemExit(f"{' '.join(args)} gaf exitcode {p.returncode}")
        return duur, int(rusage.ru_maxrss / 1024), uit.read().strip()


def eigen_seconden(samenvatting: str) -> float:
    m = re.search(r"; ([0-9.]+) s$", samenvatting)
    return float(m[1]) if m else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--regels", type=int, default=1_000_000)
    ap.add_argument("--xlsx-regels", type=int, default=200_000)
    ap.add_argument("--herhalingen", type=int, default=3, help="rondes vloer + import (mediaan)")
    ap.add_argument("--werkmap", type=Path, default=Path("/tmp/inkoop-bench-import"))
    ap.add_argument("--database-url", default=os.getenv("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    a = ap.parse_args()

    a.werkmap.mkdir(parents=True, exist_ok=True)
    print(f"Bestanden maken ({a.regels} regels) in {a.werkmap} ...", flush=True)
    export, vloerbestand = genereer(a.werkmap, a.regels)
    stam = a.werkmap / "stam"
    stam.mkdir(exist_ok=True)
    for naam in ("regio", "inkooppakketten", "kostenplaatsen", "crediteuren"):
        shutil.copy(DATA / f"{naam}.csv", stam / f"{naam}.csv")

    psql(a.database_url, "-c", f"DROP DATABASE IF EXISTS {DB}", "-c", f"CREATE DATABASE {DB}", db="postgres")
    u = urlparse(a.database_url)
    url = u._replace(path=f"/{DB}").geturl()
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="inkoop.settings.dev")
    manage = [PY, str(ROOT / "manage.py")]
    sh(*manage, "migrate", "-v0", env=env)
    sh(*manage, "import_uitgaven", str(stam), "--organisatie", "Bench", env=env, stdout=subprocess.DEVNULL)

    import statistics

    psql(url, "-c", "DROP TABLE IF EXISTS vloer", "-c",
         "CREATE TABLE vloer (boekjaar smallint NOT NULL, boekdatum date NOT NULL, factuurnummer varchar(100) NOT NULL, "
         "crediteurnummer varchar(40) NOT NULL, kostenplaats varchar(40) NOT NULL, grootboekrekening varchar(40) NOT NULL, "
         "omschrijving varchar(500) NOT NULL, bedrag numeric(15, 2) NOT NULL, "
         "UNIQUE (boekjaar, crediteurnummer, factuurnummer))")
    vloeren, wanden, eigens, pieken = [], [], [], []
    load_voor = os.getloadavg()[0]
    for ronde in range(a.herhalingen):
        # Floor and import alternate, so that the load of the machine hits both alike.
        psql(url, "-c", "TRUNCATE vloer", "-c", "TRUNCATE uitgaven_factuurregel, uitgaven_jaaromzet CASCADE",
             "-c", "CHECKPOINT")
        print(f"[{ronde + 1}/{a.herhalingen}] Vloer: psql \\copy naar een kale tabel met getypeerde kolommen "
              "en unieke sleutel ...", flush=True)
        start = time.perf_counter()
        psql(url, "-c", f"\\copy vloer FROM '{vloerbestand}' WITH (FORMAT csv, DELIMITER ';', HEADER true)")
        vloeren.append(time.perf_counter() - start)
        print(f"  {vloeren[-1]:.2f} s", flush=True)
        psql(url, "-c", "CHECKPOINT")
        print(f"[{ronde + 1}/{a.herhalingen}] Import: manage.py import_uitgaven ...", flush=True)
        wand, piek, samenvatting = kind_met_geheugen([*manage, "import_uitgaven", str(export), "--organisatie", "Bench"],
                                                     env)
        wanden.append(wand)
        pieken.append(piek)
        eigens.append(eigen_seconden(samenvatting))
        print(f"  {wand:.2f} s: {samenvatting}", flush=True)
    tijden = psql(url, "-At", "-c", "SELECT aantallen->'tijden' FROM uitgaven_importrun ORDER BY id DESC LIMIT 1",
                  capture_output=True, text=True).stdout.strip()
    print(f"  fasen: {tijden}")
    load_na = os.getloadavg()[0]
    vloer, wand, eigen, piek = (statistics.median(vloeren), statistics.median(wanden), statistics.median(eigens),
                                max(pieken))
    verhoudingen = [v / w for v, w in zip(vloeren, wanden, strict=True)]

    print(f"XLSX maken ({a.xlsx_regels} regels) en importeren ...", flush=True)
    xlsx = genereer_xlsx(a.werkmap, a.xlsx_regels)
    sh(*manage, "import_uitgaven", str(stam), "--organisatie", "Bench xlsx", env=env, stdout=subprocess.DEVNULL)
    xwand, _, xsamenvatting = kind_met_geheugen([*manage, "import_uitgaven", str(xlsx), "--organisatie", "Bench xlsx"], env)
    xeigen = eigen_seconden(xsamenvatting)
    print(f"  {xsamenvatting}")

    uitkomst = {
        "regels": a.regels,
        "vloer_s": round(vloer, 2),
        "import_wand_s": round(wand, 2),
        "import_eigen_s": eigen,
        "verhouding_vloer_import_wand": round(vloer / wand, 2),
        "verhouding_vloer_import_eigen": round(vloer / eigen, 2),
        "piekgeheugen_mib": piek,
        "xlsx_regels": a.xlsx_regels,
        "xlsx_regels_per_s_wand": round(a.xlsx_regels / xwand),
        "xlsx_regels_per_s_eigen": round(a.xlsx_regels / xeigen),
        "fasen_s": json.loads(tijden or "{}"),
        "herhalingen": a.herhalingen,
        "import_cpu_s_per_ronde": [round(c, 2) for c in CPU[:a.herhalingen]],
        "vloer_s_per_ronde": [round(v, 2) for v in vloeren],
        "import_wand_s_per_ronde": [round(w, 2) for w in wanden],
        "verhouding_wand_per_ronde": [round(v, 2) for v in verhoudingen],
        "machine": f"{os.cpu_count()} cores, load {load_voor:.1f} voor en {load_na:.1f} na de rondes",
    }
    print()
    print(f"Vloer (psql \\copy):        {vloer:7.2f} s")
    print(f"Import (hele commando):    {wand:7.2f} s   verhouding vloer/import {vloer / wand:.2f}")
    print(f"Import (eigen seconden):   {eigen:7.2f} s   verhouding vloer/import {vloer / eigen:.2f}")
    print(f"Piekgeheugen import:       {piek:7d} MiB")
    print(f"XLSX:                      {a.xlsx_regels / xwand:7.0f} regels/s (hele commando), "
          f"{a.xlsx_regels / xeigen:.0f} regels/s (eigen seconden)")
    (ROOT / "bench" / "import" / "resultaat.json").write_text(json.dumps(uitkomst, indent=2) + "\n")


if __name__ == "__main__":
    main()
