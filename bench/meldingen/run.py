"""Benchmark of the meldingen list pages with 50,000 meldingen: the inkoper's queue and "Mijn meldingen".

Usage (from the project root):

    .venv/bin/python bench/meldingen/run.py                       # SQLite file in /tmp
    .venv/bin/python bench/meldingen/run.py --postgres            # PostgreSQL, database inkoop_meldingen_bench
    .venv/bin/python bench/meldingen/run.py --aantal 200000 --herhalingen 30

It uses its own database (never the development or test database), migrates it and generates
`--aantal` meldingen of a fictitious municipality once (later runs reuse them; `--opnieuw`
regenerates): six years of meldingen, most of them closed, about 2 % waiting in the queue, open
questions, 20 departments. Then it requests each page through the Django test client (the full
middleware, template and permission stack, no network) `--herhalingen` times after a warm-up and
reports the median and 95th percentile, the number of queries, and the ratio to a floor measured
in the same run: the start page (the same base template, menu and middleware, no list) and the
bare health check. It runs ANALYZE first (PostgreSQL's autovacuum does that by itself). Results go to stdout (a Markdown table for bench/README.md) and to
bench/meldingen/resultaat.json. Benchmarks are never timed assertions (conventions.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ORGANISATIE = "Gemeente Benchstad"
AFDELINGEN = ["Wegen", "Groen", "Riolering", "Afval", "Jeugd", "Wmo", "Participatie", "Onderwijs", "ICT",
              "Vastgoed", "Facilitair", "HRM", "Sport", "Cultuur", "Veiligheid", "Communicatie", "Financien",
              "Publiekszaken", "Mobiliteit", "Vergunningen"]
DOMEINEN = ["Fysiek Domein", "Sociaal Domein", "Bedrijfsvoering", "Concernstaf"]


def _parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--aantal", type=int, default=50_000, help="aantal meldingen (standaard 50.000)")
    p.add_argument("--postgres", action="store_true", help="PostgreSQL in plaats van SQLite")
    p.add_argument("--database", default="inkoop_meldingen_bench", help="PostgreSQL-database voor de benchmark")
    p.add_argument("--sqlite", default="/tmp/inkoop_meldingen_bench.sqlite3", help="SQLite-bestand")
    p.add_argument("--host", default=os.getenv("PGHOST", "127.0.0.1"))
    p.add_argument("--herhalingen", type=int, default=20)
    p.add_argument("--opnieuw", action="store_true", help="gegevens opnieuw genereren")
    return p.parse_args()


def _django(args):
    os.environ["DJANGO_SETTINGS_MODULE"] = "inkoop.settings.test"
    os.environ["ALLOWED_HOSTS"] = "testserver,localhost"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if args.postgres:
        import psycopg

        with psycopg.connect(f"postgresql://postgres@{args.host}:5432/postgres", autocommit=True) as c:
            if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [args.database]).fetchone():
                c.execute(f'CREATE DATABASE "{args.database}"')
        os.environ["DATABASE_URL"] = f"postgres://postgres@{args.host}:5432/{args.database}"
    else:
        if args.opnieuw and os.path.exists(args.sqlite):
            os.remove(args.sqlite)
        os.environ["DATABASE_URL"] = f"sqlite:///{args.sqlite}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _genereren(aantal: int, opnieuw: bool):
    from django.db import transaction
    from django.utils import timezone

    from inkoop.models import Organisatie, Rol
    from inkoop.services import gebruiker_met_rol, organisatie_verzekeren
    from meldingen.models import Inkoopmelding, Status, Vraag
    from uitgaven.models import Domein, Kostenplaats

    org = Organisatie.objects.filter(naam=ORGANISATIE).first()
    if org and not opnieuw and Inkoopmelding.objects.filter(organisatie=org).count() == aantal:
        return org
    t0 = time.perf_counter()
    with transaction.atomic():
        if org:
            Vraag.objects.filter(melding__organisatie=org).delete()
            Inkoopmelding.objects.filter(organisatie=org).delete()
        org, _ = organisatie_verzekeren(naam=ORGANISATIE)
        rnd = random.Random(50_000)
        domeinen = [Domein.objects.get_or_create(organisatie=org, naam=d)[0] for d in DOMEINEN]
        kps = [Kostenplaats.objects.get_or_create(organisatie=org, code=f"KP{i:04d}",
                                                  defaults={"omschrijving": a, "domein": domeinen[i % 4]})[0]
               for i, a in enumerate(AFDELINGEN)]
        bh = gebruiker_met_rol(organisatie=org, gebruikersnaam="bench-budgethouder", rol=Rol.BUDGETHOUDER,
                               wachtwoord="bench-wachtwoord-1", afdeling="Wegen")
        ink = gebruiker_met_rol(organisatie=org, gebruikersnaam="bench-inkoper", rol=Rol.INKOPER,
                                wachtwoord="bench-wachtwoord-1")
        houders = [gebruiker_met_rol(organisatie=org, gebruikersnaam=f"bench-bh-{i}", rol=Rol.BUDGETHOUDER,
                                     wachtwoord="bench-wachtwoord-1", afdeling=AFDELINGEN[i % 20])
                   for i in range(40)]
        inkopers = [ink] + [gebruiker_met_rol(organisatie=org, gebruikersnaam=f"bench-ink-{i}", rol=Rol.INKOPER,
                                              wachtwoord="bench-wachtwoord-1") for i in range(5)]
        nu = timezone.now()
        begin = nu - timedelta(days=6 * 365)
        gesloten = [Status.AFGEROND] * 12 + [Status.GEGUND, Status.TRAJECT_GESTART, Status.ADVIES_UITGEBRACHT,
                                             Status.INGETROKKEN, Status.VERVALLEN]
        rijen = []
        for i in range(aantal):
            open_ = rnd.random() < 0.02
            ingediend = (nu - timedelta(days=rnd.randint(0, 30), hours=rnd.randint(0, 20)) if open_
                         else begin + timedelta(seconds=rnd.randint(0, 6 * 365 * 86400)))
            status = rnd.choice([Status.INGEDIEND, Status.IN_BEHANDELING]) if open_ else rnd.choice(gesloten)
            kp_i = rnd.randrange(20)
            houder = bh if (kp_i == 0 and rnd.random() < 0.2) else houders[kp_i + 20 * rnd.randrange(2)]
            m = Inkoopmelding(
                organisatie=org, nummer=f"{ingediend.year}-{i:06d}", omschrijving=f"Inkoop {i} voor {AFDELINGEN[kp_i]}",
                soort=rnd.choice(["levering", "dienst", "werk", "sociale_dienst"]), kostenplaats=kps[kp_i],
                afdeling=AFDELINGEN[kp_i], budgethouder=houder, aangemaakt_door=houder, status=status,
                inkoper=None if status == Status.INGEDIEND else rnd.choice(inkopers),
                ingediend_op=ingediend, aangemaakt_op=ingediend - timedelta(days=1), gewijzigd_op=ingediend,
                gewenste_startdatum=(ingediend + timedelta(days=90)).date(), looptijd_maanden=rnd.choice([12, 24, 36]),
                prijsvorm="totaal", waarde_totaal=Decimal(rnd.randrange(25_000, 3_000_000, 500)), branche="overig")
            m.raming_bijwerken()
            rijen.append(m)
        Inkoopmelding.objects.bulk_create(rijen, batch_size=2000)
        open_meldingen = list(Inkoopmelding.objects.filter(organisatie=org, status=Status.IN_BEHANDELING)
                              .values_list("pk", flat=True)[:300])
        Vraag.objects.bulk_create([Vraag(melding_id=pk, tekst="Vraag?", gesteld_door=ink) for pk in open_meldingen])
    print(f"{aantal} meldingen gegenereerd in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return org


def _meten(client, url, herhalingen):
    from django.db import connection

    for _ in range(3):  # warm-up: templates, connection, caches
        assert client.get(url).status_code == 200, url
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        antwoord = client.get(url)
        tijden.append((time.perf_counter() - t) * 1000)
        assert antwoord.status_code == 200, url
    # Count queries with a wrapper: Django's query log is reset at the start of every request.
    teller = []
    with connection.execute_wrapper(lambda execute, sql, params, many, context: (teller.append(sql),
                                                                                 execute(sql, params, many, context))[1]):
        client.get(url)
    tijden.sort()
    return {"url": url, "mediaan_ms": round(statistics.median(tijden), 1),
            "p95_ms": round(tijden[min(len(tijden) - 1, int(0.95 * len(tijden)))], 1),
            "queries": len(teller)}


def main():
    args = _parse()
    _django(args)
    org = _genereren(args.aantal, args.opnieuw)
    from django.db import connection

    # Planner statistics, as PostgreSQL's autovacuum keeps them; SQLite has none until ANALYZE
    # (without them it scans the whole table for a search; see bench/README.md).
    with connection.cursor() as c:
        c.execute("ANALYZE")
    from django.test import Client

    from inkoop.models import Gebruiker
    from meldingen.models import Inkoopmelding

    inkoper = Client()
    inkoper.force_login(Gebruiker.objects.get(username="bench-inkoper"))
    budgethouder = Client()
    budgethouder.force_login(Gebruiker.objects.get(username="bench-budgethouder"))
    pagina_diep = max(1, Inkoopmelding.objects.filter(organisatie=org).count() // 25 // 2)
    gevallen = [
        ("vloer: gezondheidscontrole (geen sjabloon)", inkoper, "/gezondheid"),
        ("vloer: startpagina (basissjabloon + menu)", inkoper, "/"),
        ("werkvoorraad: nieuw", inkoper, "/meldingen/werkvoorraad/"),
        ("werkvoorraad: aan mij toegewezen", inkoper, "/meldingen/werkvoorraad/?tab=mijn"),
        ("werkvoorraad: wacht op budgethouder", inkoper, "/meldingen/werkvoorraad/?tab=wacht"),
        ("werkvoorraad: te laat", inkoper, "/meldingen/werkvoorraad/?tab=te_laat"),
        ("werkvoorraad: alle open, op waarde", inkoper, "/meldingen/werkvoorraad/?tab=open&sortering=waarde"),
        ("werkvoorraad: alle, pagina 1", inkoper, "/meldingen/werkvoorraad/?tab=alle&sortering=nieuwste"),
        (f"werkvoorraad: alle, pagina {pagina_diep}", inkoper,
         f"/meldingen/werkvoorraad/?tab=alle&sortering=nieuwste&pagina={pagina_diep}"),
        ("werkvoorraad: zoeken + domein", inkoper, "/meldingen/werkvoorraad/?tab=alle&zoek=Wegen&domein=1"),
        ("mijn meldingen: alle (eigen + afdeling)", budgethouder, "/meldingen/mijn/"),
        ("mijn meldingen: pagina 50", budgethouder, "/meldingen/mijn/?pagina=50"),
        ("mijn meldingen: alleen eigen", budgethouder, "/meldingen/mijn/?wie=eigen"),
        ("mijn meldingen: zoeken", budgethouder, "/meldingen/mijn/?zoek=Inkoop%2012"),
    ]
    uitkomst = []
    for naam, client, url in gevallen:
        r = _meten(client, url, args.herhalingen)
        r["pagina"] = naam
        uitkomst.append(r)
        print(f"{naam:45} {r['mediaan_ms']:8.1f} ms  p95 {r['p95_ms']:8.1f}  queries {r['queries']}", file=sys.stderr)
    vloer = uitkomst[1]["mediaan_ms"]
    for r in uitkomst:
        r["x_vloer"] = round(r["mediaan_ms"] / vloer, 1)
    meta = {"database": connection.vendor + ("" if not args.postgres else f" {connection.pg_version // 10000}"),
            "meldingen": Inkoopmelding.objects.filter(organisatie=org).count(), "herhalingen": args.herhalingen,
            "python": platform.python_version(), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "datum": datetime.now().strftime("%Y-%m-%d")}
    print(f"\n{meta}\n")
    print("| pagina | mediaan | p95 | queries | × vloer |")
    print("|---|---:|---:|---:|---:|")
    for r in uitkomst:
        print(f"| {r['pagina']} | {r['mediaan_ms']} ms | {r['p95_ms']} ms | {r['queries']} | {r['x_vloer']} |")
    uit = Path(__file__).with_name("resultaat.json")
    bestaand = json.loads(uit.read_text()) if uit.exists() else {}
    bestaand["postgresql" if args.postgres else "sqlite"] = {"meta": meta, "metingen": uitkomst}
    uit.write_text(json.dumps(bestaand, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
