"""Benchmark of the signaleringslijst: a 1,000,000-line year with 5,000 contracts in PostgreSQL.

Usage (from the project root; PostgreSQL on 127.0.0.1, user postgres):

    .venv/bin/python bench/signalen/run.py                    # database inkoop_signalen_bench
    .venv/bin/python bench/signalen/run.py --regels 200000 --contracten 1000 --database inkoop_signalen_klein

It creates its own database, migrates it and generates once (later runs reuse it) a fictitious
municipality: 20,000 crediteuren in 40 pakketten (soort levering/dienst/werk), 32 kostenplaatsen,
one boekjaar (2024) of N factuurregels streamed with COPY, 5,000 contracts with a mix of
procedures, award dates from 2019 and terms that start and end inside the year, and 600 meldingen.
Then it measures, three times each (first = cold):

- `rechtmatigheid.signalen.bereken` for 2024 (every rule, nothing stored),
- `services.signalen_berekenen` (the same, plus storing the signals with their assessments),
- the floor: one `SELECT crediteur_id, SUM(bedrag) ... GROUP BY crediteur_id` over the year, the
  least any spend analysis must read, measured in the same run.

Goal: signals < 10 s; reported also as a ratio to the floor. Results go to stdout and
bench/signalen/resultaat.json. No assertions: timings are not tests.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ORGANISATIE = "Gemeente Signaalstad"
JAAR = 2024
CREDITEUREN = 20_000


def _parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--regels", type=int, default=1_000_000)
    p.add_argument("--contracten", type=int, default=5_000)
    p.add_argument("--database", default="inkoop_signalen_bench")
    p.add_argument("--host", default=os.getenv("PGHOST", "127.0.0.1"))
    p.add_argument("--herhalingen", type=int, default=3)
    return p.parse_args()


def _database_verzekeren(host: str, naam: str):
    import psycopg

    with psycopg.connect(f"postgresql://postgres@{host}:5432/postgres", autocommit=True) as c:
        if not c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam]).fetchone():
            c.execute(f'CREATE DATABASE "{naam}"')


def _django(host: str, naam: str):
    os.environ["DJANGO_SETTINGS_MODULE"] = "inkoop.settings.dev"
    os.environ["DATABASE_URL"] = f"postgres://postgres@{host}:5432/{naam}"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _genereer_zonder_meldingen(org, regels: int, contracten: int):
    from django.db import connection

    from contracten.models import Contract
    from uitgaven.models import (
        Crediteur,
        Domein,
        Factuurregel,
        Inkoopcategorie,
        Inkooppakket,
        Kostenplaats,
    )

    rnd = random.Random(2024)
    begin = time.perf_counter()
    pakketten = []
    for c in range(1, 11):
        cat = Inkoopcategorie.objects.create(organisatie=org, code=str(c), naam=f"Categorie {c}")
        for p in range(1, 5):
            soort = "werk" if c in (7, 8) and p < 4 else ("levering" if c in (2, 6) else "dienst")
            pakketten.append(Inkooppakket.objects.create(organisatie=org, code=f"{c:02d}.{p:02d}", soort=soort,
                                                         naam=f"Pakket {c}.{p}", categorie=cat))
    dom = Domein.objects.create(organisatie=org, naam="Bedrijfsvoering")
    kps = [Kostenplaats.objects.create(organisatie=org, code=f"K{k:03d}", omschrijving=f"Kostenplaats {k}",
                                       domein=dom) for k in range(32)]
    Crediteur.objects.bulk_create([
        Crediteur(organisatie=org, nummer=str(300000 + i), naam=f"Leverancier {i}", land="NL",
                  inkooppakket=None if rnd.random() < 0.05 else rnd.choice(pakketten))
        for i in range(CREDITEUREN)], batch_size=5000)
    creds = list(Crediteur.objects.filter(organisatie=org).values_list("id", "inkooppakket_id").order_by("id"))
    ids = [c for c, _ in creds]
    gewichten = [1 / (i + 1) ** 0.8 for i in range(len(ids))]
    kolommen = ("organisatie_id, boekjaar, boekdatum, factuurnummer, volgnummer, crediteur_id, kostenplaats_id, "
                "grootboekrekening, omschrijving, bedrag")
    with connection.cursor() as cursor:
        pg = cursor.cursor
        with pg.copy(f"COPY {Factuurregel._meta.db_table} ({kolommen}) FROM STDIN") as copy:
            gedaan = 0
            while gedaan < regels:
                blok = min(200_000, regels - gedaan)
                gekozen = rnd.choices(ids, weights=gewichten, k=blok)
                buf = io.StringIO()
                for j in range(blok):
                    d = date(JAAR, 1, 1) + timedelta(days=rnd.randrange(366))
                    bedrag = round(rnd.lognormvariate(7.0, 1.4), 2)
                    buf.write(f"{org.pk}\t{JAAR}\t{d.isoformat()}\tS{gedaan + j}\t1\t{gekozen[j]}\t"
                              f"{kps[gekozen[j] % 32].pk}\t4400\tBenchmark\t{bedrag:.2f}\n")
                copy.write(buf.getvalue())
                gedaan += blok
        cursor.execute(f"""INSERT INTO uitgaven_jaaromzet (organisatie_id, boekjaar, crediteur_id, kostenplaats_id,
            bedrag, regels) SELECT organisatie_id, boekjaar, crediteur_id, kostenplaats_id, SUM(bedrag), COUNT(*)
            FROM {Factuurregel._meta.db_table} WHERE organisatie_id = %s
            GROUP BY organisatie_id, boekjaar, crediteur_id, kostenplaats_id""", [org.pk])
    procedures = ["enkelvoudig", "meervoudig_onderhands", "meervoudig_onderhands", "nationaal_openbaar",
                  "europees_openbaar", "europees_openbaar"]
    objs = []
    for i in range(contracten):
        cid, pakket_id = creds[i % len(creds)]
        start = date(2019, 1, 1) + timedelta(days=rnd.randrange(6 * 365))
        eind = start + timedelta(days=rnd.choice([365, 730, 1095, 1460]))
        waarde = Decimal(rnd.choice([20_000, 45_000, 150_000, 400_000, 2_000_000, 7_000_000]))
        objs.append(Contract(organisatie=org, nummer=f"B-{i:05d}", omschrijving=f"Contract {i}", crediteur_id=cid,
                             inkooppakket_id=pakket_id, soort=rnd.choice(["levering", "dienst", "werk"]),
                             procedure=rnd.choice(procedures), gunningsdatum=start - timedelta(days=60),
                             waarde_totaal=waarde, startdatum=start, einddatum=eind, einddatum_uiterlijk=eind))
    Contract.objects.bulk_create(objs, batch_size=2000)
    return time.perf_counter() - begin


def _meldingen(org, aantal: int):
    """Submitted meldingen with pakket and kostenplaats (the splitting rule reads them)."""
    from datetime import datetime
    from datetime import time as tijd
    from zoneinfo import ZoneInfo

    from django.contrib.auth import get_user_model

    from inkoop.models import Lidmaatschap, Rol
    from meldingen.models import Inkoopmelding
    from uitgaven.models import Inkooppakket, Kostenplaats

    rnd = random.Random(7)
    User = get_user_model()
    bh, _ = User.objects.get_or_create(username="bench-budgethouder")
    Lidmaatschap.objects.get_or_create(gebruiker=bh, organisatie=org, defaults={"rol": Rol.BUDGETHOUDER})
    pakketten = list(Inkooppakket.objects.filter(organisatie=org))
    kps = list(Kostenplaats.objects.filter(organisatie=org))
    ams = ZoneInfo("Europe/Amsterdam")
    objs = []
    for i in range(aantal):
        d = date(JAAR, 1, 1) + timedelta(days=rnd.randrange(360))
        waarde = Decimal(rnd.choice([8_000, 15_000, 22_000, 28_000, 40_000]))
        objs.append(Inkoopmelding(organisatie=org, nummer=f"B{i:05d}", omschrijving=f"Melding {i}", soort="dienst",
                                  inkooppakket=rnd.choice(pakketten), kostenplaats=rnd.choice(kps), budgethouder=bh,
                                  status="ingediend", ingediend_op=datetime.combine(d, tijd(10), tzinfo=ams),
                                  gewenste_startdatum=d + timedelta(days=30), prijsvorm="totaal",
                                  waarde_totaal=waarde, geraamde_waarde=waarde))
    Inkoopmelding.objects.bulk_create(objs, batch_size=1000)


def _meet(functie, herhalingen: int):
    tijden, uitkomst = [], None
    for _ in range(herhalingen):
        t = time.perf_counter()
        uitkomst = functie()
        tijden.append(time.perf_counter() - t)
    return tijden, uitkomst


def main():
    args = _parse()
    _database_verzekeren(args.host, args.database)
    _django(args.host, args.database)

    from django.db import connection
    from django.db.models import Sum

    from inkoop.services import organisatie_verzekeren
    from rechtmatigheid import signalen as regels
    from rechtmatigheid.drempels import drempels_voor
    from rechtmatigheid.services import signalen_berekenen
    from uitgaven.models import Factuurregel

    org, _ = organisatie_verzekeren(naam=ORGANISATIE)
    uitkomst = {"regels": args.regels, "contracten": args.contracten}
    if not Factuurregel.objects.filter(organisatie=org).exists():
        print(f"Genereren: {args.regels:,} regels, {args.contracten:,} contracten ...", flush=True)
        t = time.perf_counter()
        _genereer_zonder_meldingen(org, args.regels, args.contracten)
        _meldingen(org, 600)
        with connection.cursor() as c:
            c.execute("ANALYZE")
        uitkomst["genereren_s"] = round(time.perf_counter() - t, 1)
    drempels = drempels_voor(org, date(JAAR, 12, 31))

    def vloer():
        return list(Factuurregel.objects.filter(organisatie=org, boekjaar=JAAR).values("crediteur_id")
                    .annotate(s=Sum("bedrag")).order_by())

    tijden_vloer, _ = _meet(vloer, args.herhalingen)
    tijden_bereken, bevindingen = _meet(lambda: regels.bereken(org, JAAR, drempels, date(JAAR, 12, 31)),
                                        args.herhalingen)
    tijden_opslaan, opgeslagen = _meet(lambda: signalen_berekenen(organisatie=org, jaar=JAAR,
                                                                  peildatum=date(JAAR, 12, 31)), args.herhalingen)
    per_soort = {}
    for b in bevindingen:
        per_soort[b.soort] = per_soort.get(b.soort, 0) + 1
    uitkomst.update({
        "vloer_s": [round(t, 3) for t in tijden_vloer],
        "bereken_s": [round(t, 3) for t in tijden_bereken],
        "berekenen_en_opslaan_s": [round(t, 3) for t in tijden_opslaan],
        "mediaan_bereken_s": round(statistics.median(tijden_bereken), 3),
        "mediaan_opslaan_s": round(statistics.median(tijden_opslaan), 3),
        "verhouding_tot_vloer": round(statistics.median(tijden_opslaan) / statistics.median(tijden_vloer), 1),
        "signalen": len(opgeslagen), "per_soort": per_soort,
        "belasting": os.getloadavg()[0],
    })
    print(json.dumps(uitkomst, indent=2))
    (Path(__file__).parent / "resultaat.json").write_text(json.dumps(uitkomst, indent=2) + "\n")


if __name__ == "__main__":
    main()
