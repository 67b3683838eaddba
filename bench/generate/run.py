"""Benchmark: one PostgreSQL database holding many organisations, and what one organisation pays for it.

    .venv/bin/python bench/generate/run.py                                 # 50 organisations, 10,000,000 lines
    .venv/bin/python bench/generate/run.py --organisaties 10 --regels 1000000 --database inkoop_generate_klein
    .venv/bin/python bench/generate/run.py --alleen-meten                  # reuse the generated database

What it does, in one run:

1. a database of its own (default `inkoop_generate_bench`), migrated, with the demo organisation
   Gemeente Enschede (`manage.py demo`: its ledger of 2021-2024, meldingen, adviezen, contracten,
   signalen) and nothing else;
2. **measures Enschede alone**: the yearly report's figures (`jaarverslag_gegevens` + `als_json`,
   2024) and every SQL query of the pages an inkoper and a controller open (work queue, contract
   register, adviezen, crediteuren, spend dashboard, ledger drill-down, signal list, MVOI page,
   report dashboard), each query run with EXPLAIN ANALYZE;
3. **scales the Enschede ledger** to `--organisaties` organisations and `--regels` lines in total,
   deterministic by `--seed`: every other organisation gets a copy of Enschede's master data and a
   ledger whose size is drawn from a log-normal distribution (a few large cities, many small
   municipalities), made of Enschede's lines repeated with a suffix on the factuurnummer and the
   amount varied by a hash of (seed, organisation, line, round), streamed with COPY; then their
   `Jaaromzet` (one GROUP BY per organisation, as the import builds it), and ANALYZE;
4. **measures Enschede again** among them (same figures, same queries), and the largest
   organisation's figures; writes the plans of the ledger queries and both sets of timings to
   bench/generate/resultaat-explain.txt and bench/generate/resultaat.json.

With `--alleen-meten` it only measures an existing database (step 4), for instance the demo alone
(`--database inkoop_load_bench --uitvoer alleen`, the database of bench/load) against the
generated one (`--uitvoer onder-allen`), both with the code as it is now.

The check that matters: a query whose time or plan changes with other organisations' data (a Seq Scan
on a table holding every organisation's rows) is flagged. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DEMO = "Gemeente Enschede"
# The tables this benchmark fills for every organisation (meldingen, contracten and signalen only
# Enschede has here: a scan of them costs the same with or without the others).
GROTE_TABELLEN = ("uitgaven_factuurregel", "uitgaven_jaaromzet", "uitgaven_crediteur", "uitgaven_kostenplaats",
                  "uitgaven_inkooppakket", "uitgaven_domein", "uitgaven_regio")


def _parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--organisaties", type=int, default=50)
    p.add_argument("--regels", type=int, default=10_000_000, help="factuurregels in totaal")
    p.add_argument("--seed", type=int, default=14)
    p.add_argument("--database", default="inkoop_generate_bench")
    p.add_argument("--host", default=os.getenv("PGHOST", "127.0.0.1"))
    p.add_argument("--herhalingen", type=int, default=3)
    p.add_argument("--alleen-meten", action="store_true", help="de eerder gegenereerde database meten")
    p.add_argument("--uitvoer", default="resultaat", help="naam van de uitvoer: NAAM.json en NAAM-explain.txt")
    return p.parse_args()


def _django(a):
    import psycopg

    with psycopg.connect(f"postgresql://postgres@{a.host}:5432/postgres", autocommit=True) as c:
        if not a.alleen_meten:
            c.execute(f'DROP DATABASE IF EXISTS "{a.database}"')
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [a.database]).fetchone():
            c.execute(f'CREATE DATABASE "{a.database}"')
    os.environ["DJANGO_SETTINGS_MODULE"] = "inkoop.settings.dev"
    os.environ["DATABASE_URL"] = f"postgres://postgres@{a.host}:5432/{a.database}"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()


def _paginas():
    from django.urls import reverse

    return [("werkvoorraad", reverse("meldingen:werkvoorraad"), "inkoper"),
            ("contractregister", reverse("contracten:register"), "inkoper"),
            ("adviezen", reverse("adviezen:overzicht"), "inkoper"),
            ("crediteuren", reverse("uitgaven:crediteuren"), "inkoper"),
            ("uitgavendashboard", reverse("uitgaven:dashboard"), "controller"),
            ("factuurregels", reverse("uitgaven:regels") + "?jaar=2024&domein=Sociaal+Domein", "controller"),
            ("signalenlijst", reverse("rechtmatigheid:signalen"), "controller"),
            ("mvoi", reverse("contracten:zelfevaluatie") + "?jaar=2024", "inkoper"),
            ("jaarverslagdashboard", reverse("jaarverslag:dashboard") + "?jaar=2024", "controller")]


def _queries_van_paginas():
    """The SQL of each page as its user sees it: [(page, sql, params)]."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    uit = []
    for naam, pad, rol in _paginas():
        client = Client()
        client.force_login(get_user_model().objects.get(username=rol))
        client.get(pad)
        with CaptureQueriesContext(connection) as q:
            r = client.get(pad)
        assert r.status_code == 200, (naam, r.status_code)
        uit.extend((naam, x["sql"]) for x in q.captured_queries)
    return uit


def _explain(queries) -> list[dict]:
    """EXPLAIN ANALYZE of every SELECT that touches one of the big tables: time, and any Seq Scan on them."""
    from django.db import connection

    uit = []
    with connection.cursor() as c:
        for pagina, sql in queries:
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")) or not any(t in sql for t in GROTE_TABELLEN):
                continue
            c.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(r[0] for r in c.fetchall())
            ms = float(re.search(r"Execution Time: ([0-9.]+) ms", plan)[1])
            seq = sorted({t for t in re.findall(r"Seq Scan on (\w+)", plan) if t in GROTE_TABELLEN})
            uit.append({"pagina": pagina, "sql": sql, "ms": ms, "seq_scan_op_grote_tabel": seq, "plan": plan})
    return uit


def _meet(functie, herhalingen: int) -> list[float]:
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - t)
    return tijden


def _cijfers(org, herhalingen):
    from jaarverslag import selectors

    return _meet(lambda: selectors.als_json(selectors.jaarverslag_gegevens(organisatie=org, jaar=2024)), herhalingen)


def _kopieer_stam(c, bron: int, doel: int) -> None:
    """Enschede's master data for another organisation, by code (one statement per table)."""
    c.execute("""INSERT INTO uitgaven_inkoopcategorie (organisatie_id, code, naam)
                 SELECT %s, code, naam FROM uitgaven_inkoopcategorie WHERE organisatie_id = %s""", [doel, bron])
    c.execute("""INSERT INTO uitgaven_inkooppakket (organisatie_id, code, naam, soort, categorie_id)
                 SELECT %s, p.code, p.naam, p.soort, nc.id FROM uitgaven_inkooppakket p
                 JOIN uitgaven_inkoopcategorie oc ON oc.id = p.categorie_id
                 JOIN uitgaven_inkoopcategorie nc ON nc.organisatie_id = %s AND nc.code = oc.code
                 WHERE p.organisatie_id = %s""", [doel, doel, bron])
    c.execute("""INSERT INTO uitgaven_domein (organisatie_id, naam)
                 SELECT %s, naam FROM uitgaven_domein WHERE organisatie_id = %s""", [doel, bron])
    c.execute("""INSERT INTO uitgaven_kostenplaats (organisatie_id, code, omschrijving, domein_id)
                 SELECT %s, k.code, k.omschrijving, nd.id FROM uitgaven_kostenplaats k
                 JOIN uitgaven_domein od ON od.id = k.domein_id
                 JOIN uitgaven_domein nd ON nd.organisatie_id = %s AND nd.naam = od.naam
                 WHERE k.organisatie_id = %s""", [doel, doel, bron])
    c.execute("""INSERT INTO uitgaven_regio (organisatie_id, postcode_van, postcode_tot, naam)
                 SELECT %s, postcode_van, postcode_tot, naam FROM uitgaven_regio WHERE organisatie_id = %s""",
              [doel, bron])
    c.execute("""INSERT INTO uitgaven_crediteur (organisatie_id, nummer, naam, kvk_nummer, postcode, plaats, land,
                                                 inkooppakket_id, classificatie_handmatig, regio)
                 SELECT %s, cr.nummer, cr.naam, cr.kvk_nummer, cr.postcode, cr.plaats, cr.land, np.id, false, cr.regio
                 FROM uitgaven_crediteur cr
                 LEFT JOIN uitgaven_inkooppakket op ON op.id = cr.inkooppakket_id
                 LEFT JOIN uitgaven_inkooppakket np ON np.organisatie_id = %s AND np.code = op.code
                 WHERE cr.organisatie_id = %s""", [doel, doel, bron])


def _bronregels(c, bron: int) -> list[tuple]:
    """Enschede's ledger lines, in id order, with crediteurnummer and kostenplaats code."""
    c.execute("""SELECT f.id, f.boekjaar, f.boekdatum, f.factuurnummer, f.volgnummer, cr.nummer, k.code,
                        f.grootboekrekening, f.omschrijving, f.bedrag
                 FROM uitgaven_factuurregel f
                 JOIN uitgaven_crediteur cr ON cr.id = f.crediteur_id
                 JOIN uitgaven_kostenplaats k ON k.id = f.kostenplaats_id
                 WHERE f.organisatie_id = %s ORDER BY f.id""", [bron])
    return c.fetchall()


def _grootboek(c, bron_regels: list[tuple], doel: int, regels: int, seed: int) -> None:
    """`regels` lines for `doel`, streamed with COPY: Enschede's lines in rounds (suffix -r on the
    factuurnummer after the first), amounts between 50 % and 150 % of the original by a hash of
    (seed, organisation, line, round); the same seed gives the same ledger. Then its Jaaromzet."""
    import hashlib
    from decimal import Decimal

    c.execute("SELECT nummer, id FROM uitgaven_crediteur WHERE organisatie_id = %s", [doel])
    crediteuren = dict(c.fetchall())
    c.execute("SELECT code, id FROM uitgaven_kostenplaats WHERE organisatie_id = %s", [doel])
    kostenplaatsen = dict(c.fetchall())
    honderd = Decimal("0.01")
    with c.cursor.copy("COPY uitgaven_factuurregel (organisatie_id, boekjaar, boekdatum, factuurnummer, volgnummer, "
                       "crediteur_id, kostenplaats_id, grootboekrekening, omschrijving, bedrag) FROM STDIN") as copy:
        for i in range(regels):
            ronde, j = divmod(i, len(bron_regels))
            id_, jaar, datum, factuur, vn, crediteur, kp, gb, oms, bedrag = bron_regels[j]
            h = int.from_bytes(hashlib.blake2b(f"{seed}|{doel}|{id_}|{ronde}".encode(), digest_size=2).digest())
            factor = Decimal(512 + h % 1024) / 1024
            copy.write_row((doel, jaar, datum, f"{factuur}-{ronde}" if ronde else factuur, vn, crediteuren[crediteur],
                            kostenplaatsen[kp], gb, oms, (bedrag * factor).quantize(honderd)))
    c.execute("""
        INSERT INTO uitgaven_jaaromzet (organisatie_id, boekjaar, crediteur_id, kostenplaats_id, bedrag, regels)
        SELECT organisatie_id, boekjaar, crediteur_id, kostenplaats_id, sum(bedrag), count(*)
        FROM uitgaven_factuurregel WHERE organisatie_id = %s
        GROUP BY organisatie_id, boekjaar, crediteur_id, kostenplaats_id""", [doel])


def _groottes(a, enschede: int) -> list[int]:
    """Ledger sizes of the other organisations: log-normal weights, summing to the total."""
    rnd = random.Random(a.seed)
    gewichten = [rnd.lognormvariate(0, 0.9) for _ in range(a.organisaties - 1)]
    rest = a.regels - enschede
    groottes = [int(rest * g / sum(gewichten)) for g in gewichten]
    groottes[0] += rest - sum(groottes)
    return groottes


def main():
    a = _parse()
    _django(a)
    from django.core.management import call_command
    from django.db import connection, transaction

    from inkoop.models import Organisatie
    from inkoop.services import organisatie_verzekeren

    uitkomst: dict = {"organisaties": a.organisaties, "regels": a.regels, "seed": a.seed}
    if not a.alleen_meten:
        call_command("migrate", verbosity=0)
        t = time.perf_counter()
        call_command("demo", wachtwoord="bench-generate-wachtwoord", stdout=open(os.devnull, "w"))  # noqa: SIM115
        uitkomst["demo_s"] = round(time.perf_counter() - t, 1)
    enschede = Organisatie.objects.get(naam=DEMO)
    with connection.cursor() as c:
        c.execute("SELECT count(*) FROM uitgaven_factuurregel WHERE organisatie_id = %s", [enschede.pk])
        enschede_regels = c.fetchone()[0]

    def meting(label):
        with connection.cursor() as c:
            c.execute("ANALYZE")
        _cijfers(enschede, 1)  # warm
        cijfers = _cijfers(enschede, a.herhalingen)
        plannen = _explain(_queries_van_paginas())
        print(f"{label}: cijfers jaarverslag Enschede mediaan {statistics.median(cijfers):.2f} s; "
              f"{len(plannen)} grootboekqueries, samen {sum(p['ms'] for p in plannen):.0f} ms", flush=True)
        return {"cijfers_s": [round(x, 3) for x in cijfers], "plannen": plannen}

    if not a.alleen_meten:
        uitkomst["alleen_enschede"] = meting("Enschede alleen")
        print(f"Genereren: {a.organisaties} organisaties, {a.regels:,} regels (seed {a.seed}) ...", flush=True)
        t = time.perf_counter()
        with connection.cursor() as c:
            bron_regels = _bronregels(c, enschede.pk)
        for i, regels in enumerate(_groottes(a, enschede_regels), start=2):
            org, _ = organisatie_verzekeren(naam=f"Gemeente Bench {i:03d}")
            with transaction.atomic(), connection.cursor() as c:
                c.execute("SET LOCAL work_mem = '256MB'")
                _kopieer_stam(c, enschede.pk, org.pk)
                _grootboek(c, bron_regels, org.pk, regels, a.seed)
            print(f"  {org.naam}: {regels:,} regels ({time.perf_counter() - t:.0f} s)", flush=True)
        uitkomst["genereren_s"] = round(time.perf_counter() - t, 1)
    with connection.cursor() as c:
        c.execute("SELECT count(*), count(DISTINCT organisatie_id) FROM uitgaven_factuurregel")
        totaal, orgs = c.fetchone()
        c.execute("SELECT organisatie_id FROM uitgaven_jaaromzet GROUP BY 1 ORDER BY sum(regels) DESC LIMIT 1")
        grootste = Organisatie.objects.get(pk=c.fetchone()[0])
        c.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        uitkomst["database_grootte"] = c.fetchone()[0]
    uitkomst["werkelijk"] = {"regels": totaal, "organisaties_met_regels": orgs}
    uitkomst["onder_allen"] = meting(f"Enschede tussen {orgs} organisaties ({totaal:,} regels)")
    _cijfers(grootste, 1)
    uitkomst["grootste"] = {"naam": grootste.naam, "cijfers_s": [round(x, 3) for x in _cijfers(grootste, a.herhalingen)]}
    print(f"Grootste organisatie ({grootste.naam}): cijfers mediaan {statistics.median(uitkomst['grootste']['cijfers_s']):.2f} s")
    uitkomst["machine"] = f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} aan het eind"

    # The plans, side by side: Enschede alone and among all.
    regels_uit = [f"EXPLAIN ANALYZE of the ledger queries of the pages, Enschede alone and among {orgs} organisations "
                  f"({totaal:,} lines); {uitkomst['machine']}\n"]
    voor = uitkomst.get("alleen_enschede", {}).get("plannen", [])
    for i, na in enumerate(uitkomst["onder_allen"]["plannen"]):
        v = voor[i] if i < len(voor) and voor[i]["sql"] == na["sql"] else None
        regels_uit.append(f"=== {na['pagina']}: {v['ms'] if v else '-'} ms alone, {na['ms']} ms among all; "
                          f"Seq Scan on a shared table: {', '.join(na['seq_scan_op_grote_tabel']) or 'none'}")
        regels_uit.append(na["sql"][:600])
        regels_uit.append(na["plan"])
        regels_uit.append("")
    (ROOT / "bench" / "generate" / f"{a.uitvoer}-explain.txt").write_text("\n".join(regels_uit))
    for m in ("alleen_enschede", "onder_allen"):
        if m in uitkomst:
            for p in uitkomst[m]["plannen"]:
                del p["plan"]
    (ROOT / "bench" / "generate" / f"{a.uitvoer}.json").write_text(json.dumps(uitkomst, indent=2) + "\n")
    seq = [(p["pagina"], p["seq_scan_op_grote_tabel"]) for p in uitkomst["onder_allen"]["plannen"]
           if p["seq_scan_op_grote_tabel"]]
    print("Seq Scans op gedeelde tabellen:", seq or "geen")


if __name__ == "__main__":
    main()
