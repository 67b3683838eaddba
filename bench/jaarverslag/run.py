"""Benchmark of the yearly report with 10,000,000 factuurregels in PostgreSQL.

Usage (from the project root; PostgreSQL on 127.0.0.1, user postgres):

    .venv/bin/python bench/jaarverslag/run.py                 # 10,000,000 lines, database inkoop_jaarverslag_bench
    .venv/bin/python bench/jaarverslag/run.py --regels 1000000 --database inkoop_jaarverslag_klein

It creates its own database (never the development or test database), migrates it, generates a
scaled ledger of a fictitious municipality (60,000 crediteuren, 4 years) and streams the lines
into `uitgaven_factuurregel` with COPY; then it fills the `Jaaromzet` summary table with the one
INSERT ... SELECT ... GROUP BY that the import runs for the years it touches. Generation happens
once; later runs reuse the data. Then it measures, each three times (first run = cold):

- figures: `jaarverslag_gegevens` + `als_json` from Jaaromzet (the path the report uses),
- figures straight from the 10M-line ledger (what it would cost without the summary table),
- the PDF (figures, charts, WeasyPrint with PDF/UA), and
- a reference WeasyPrint document with the same number of pages (text and one table per page,
  same print stylesheet, no charts), rendered in the same run, for the ratio PDF / reference.

Goals (issue 7): figures < 1 s, PDF < 5 s. Results go to stdout and bench/jaarverslag/resultaat.json.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

ORGANISATIE = "Gemeente Benchstad"
JAREN = [2021, 2022, 2023, 2024]
CREDITEUREN = 60_000


def _parse():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--regels", type=int, default=10_000_000, help="aantal factuurregels (standaard 10.000.000)")
    p.add_argument("--database", default="inkoop_jaarverslag_bench", help="eigen database voor de benchmark")
    p.add_argument("--host", default=os.getenv("PGHOST", "127.0.0.1"))
    p.add_argument("--herhalingen", type=int, default=3)
    p.add_argument("--opnieuw", action="store_true", help="gegevens opnieuw genereren")
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


def _stamdata(org, rnd: random.Random):
    """Master data of a fictitious municipality (other names than Enschede on purpose)."""
    from uitgaven.models import (
        Crediteur,
        Domein,
        Inkoopcategorie,
        Inkooppakket,
        Kostenplaats,
        Regio,
    )

    pakketten = []
    for c in range(1, 11):
        cat = Inkoopcategorie.objects.create(organisatie=org, code=str(c), naam=f"Categorie {c}")
        for p in range(1, 5):
            pakketten.append(Inkooppakket.objects.create(organisatie=org, code=f"{c:02d}.{p:02d}",
                                                         naam=f"Pakket {c}.{p}", categorie=cat))
    kostenplaatsen = []
    for d, naam in enumerate(["Mens en Samenleving", "Ruimte en Wonen", "Bedrijfsvoering", "Bestuur"]):
        dom = Domein.objects.create(organisatie=org, naam=naam)
        for k in range(8):
            kostenplaatsen.append(Kostenplaats.objects.create(organisatie=org, code=f"B{d}{k:02d}",
                                                              omschrijving=f"Kostenplaats {d}.{k}", domein=dom))
    Regio.objects.create(organisatie=org, postcode_van=6500, postcode_tot=6549, naam="Lokaal")
    Regio.objects.create(organisatie=org, postcode_van=6550, postcode_tot=6699, naam="Regio Rijk van Nijmegen")
    crediteuren = []
    for i in range(CREDITEUREN):
        r = rnd.random()
        if r < 0.35:
            pc, land, regio = f"{rnd.randint(6500, 6549)} AB", "NL", "Lokaal"
        elif r < 0.60:
            pc, land, regio = f"{rnd.randint(6550, 6699)} CD", "NL", "Regio Rijk van Nijmegen"
        elif r < 0.95:
            pc, land, regio = f"{rnd.randint(1000, 6499)} EF", "NL", "Niet regionaal"
        elif r < 0.98:
            pc, land, regio = "10115", "DE", "Buitenland"
        else:
            pc, land, regio = "", "", "Onbekend"
        crediteuren.append(Crediteur(organisatie=org, nummer=str(200000 + i), naam=f"Leverancier {i}",
                                     postcode=pc, land=land, regio=regio,
                                     inkooppakket=None if rnd.random() < 0.1 else rnd.choice(pakketten)))
    Crediteur.objects.bulk_create(crediteuren, batch_size=5000)
    return (list(Crediteur.objects.filter(organisatie=org).values_list("id", flat=True)),
            [k.id for k in kostenplaatsen])


def _genereer(org, aantal: int):
    from django.db import connection

    from uitgaven.models import Factuurregel, Jaaromzet

    rnd = random.Random(20250101)
    begin = time.perf_counter()
    crediteur_ids, kostenplaats_ids = _stamdata(org, rnd)
    # A few large suppliers get most of the spend, as in any municipal ledger; each supplier books
    # on one to three "home" kostenplaatsen (a supplier of youth care is not paid from roads).
    gewichten = [1 / (i + 1) ** 0.8 for i in range(len(crediteur_ids))]
    thuis = {c: rnd.sample(kostenplaats_ids, rnd.choice((1, 1, 2, 3))) for c in crediteur_ids}
    per_jaar = aantal // len(JAREN)
    kolommen = ("organisatie_id, boekjaar, boekdatum, factuurnummer, volgnummer, crediteur_id, kostenplaats_id, "
                "grootboekrekening, omschrijving, bedrag")
    with connection.cursor() as cursor:
        pg = cursor.cursor  # the psycopg cursor under Django's wrapper
        for jaar in JAREN:
            n = per_jaar + (aantal - per_jaar * len(JAREN) if jaar == JAREN[-1] else 0)
            start = date(jaar, 1, 1)
            with pg.copy(f"COPY {Factuurregel._meta.db_table} ({kolommen}) FROM STDIN") as copy:
                gedaan = 0
                while gedaan < n:
                    blok = min(200_000, n - gedaan)
                    creds = rnd.choices(crediteur_ids, weights=gewichten, k=blok)
                    buf = io.StringIO()
                    for j in range(blok):
                        d = start + timedelta(days=rnd.randrange(365))
                        bedrag = round(rnd.lognormvariate(7.0, 1.4) * (1.05 ** (jaar - 2021)), 2)
                        if rnd.random() < 0.02:
                            bedrag = -bedrag  # credit notes
                        buf.write(f"{org.pk}\t{jaar}\t{d.isoformat()}\tB{jaar}-{gedaan + j}\t1\t{creds[j]}\t"
                                  f"{rnd.choice(thuis[creds[j]])}\t4400\tBenchmark\t{bedrag:.2f}\n")
                    copy.write(buf.getvalue())
                    gedaan += blok
            print(f"  {jaar}: {n:,} regels geladen ({time.perf_counter() - begin:.0f} s)", flush=True)
        # What the import maintains for every boekjaar it touches (uitgaven.Jaaromzet).
        t = time.perf_counter()
        cursor.execute(f"""
            INSERT INTO {Jaaromzet._meta.db_table} (organisatie_id, boekjaar, crediteur_id, kostenplaats_id, bedrag, regels)
            SELECT organisatie_id, boekjaar, crediteur_id, kostenplaats_id, SUM(bedrag), COUNT(*)
            FROM {Factuurregel._meta.db_table} WHERE organisatie_id = %s
            GROUP BY organisatie_id, boekjaar, crediteur_id, kostenplaats_id""", [org.pk])
        jaaromzet_s = time.perf_counter() - t
        cursor.execute("ANALYZE")
    return {"genereren_s": round(time.perf_counter() - begin, 1), "jaaromzet_opbouwen_s": round(jaaromzet_s, 1)}


def _meet(functie, herhalingen: int):
    tijden, uitkomst = [], None
    for _ in range(herhalingen):
        t = time.perf_counter()
        uitkomst = functie()
        tijden.append(time.perf_counter() - t)
    return tijden, uitkomst


def _referentie_html(paginas: int) -> str:
    """A plain document of `paginas` pages with the same print stylesheet: text and a table each."""
    rijen = "".join(f"<tr><th scope='row'>Regel {i}</th><td class='num'>€ {i * 1234567:,}</td>"
                    f"<td class='num'>{i}%</td></tr>" for i in range(1, 16))
    tekst = ("De inkopen van de gemeente bedragen dit jaar enkele honderden miljoenen euro. " * 12)
    delen = "".join(
        f"<section class='hoofdstuk'><h1>Hoofdstuk {p}</h1><p>{tekst}</p><p>{tekst}</p>"
        f"<table><caption>Tabel {p}</caption><thead><tr><th>Regel</th><th class='num'>Bedrag</th>"
        f"<th class='num'>%</th></tr></thead><tbody>{rijen}</tbody></table></section>"
        for p in range(1, paginas + 1))
    return ("<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>Referentie</title>"
            "<link rel='stylesheet' href='/static/jaarverslag/print.css'></head><body>" + delen + "</body></html>")


def main():
    args = _parse()
    _database_verzekeren(args.host, args.database)
    _django(args.host, args.database)

    from django.db import connection

    from inkoop.pdf import html_naar_pdf_met_paginas
    from inkoop.services import organisatie_verzekeren
    from jaarverslag import selectors
    from jaarverslag.rapport import render_pdf
    from uitgaven.models import Factuurregel, Jaaromzet

    org, _ = organisatie_verzekeren(naam=ORGANISATIE)
    aanwezig = Factuurregel.objects.filter(organisatie=org).count()
    opbouw = {}
    if aanwezig != args.regels or args.opnieuw:
        if aanwezig:
            print(f"Bestaande {aanwezig:,} regels worden vervangen…", flush=True)
            with connection.cursor() as c:
                for tabel in ("uitgaven_jaaromzet", "uitgaven_factuurregel", "uitgaven_crediteur",
                              "uitgaven_kostenplaats", "uitgaven_domein", "uitgaven_inkooppakket",
                              "uitgaven_inkoopcategorie", "uitgaven_regio"):
                    c.execute(f"DELETE FROM {tabel} WHERE organisatie_id = %s", [org.pk])  # noqa: S608
        print(f"Genereren van {args.regels:,} factuurregels in {args.database} (eenmalig)…", flush=True)
        opbouw = _genereer(org, args.regels)

    jaar = JAREN[-1]
    regels = Factuurregel.objects.filter(organisatie=org).count()
    jaaromzet = Jaaromzet.objects.filter(organisatie=org).count()
    print(f"{regels:,} factuurregels, {jaaromzet:,} rijen in Jaaromzet; verslagjaar {jaar}", flush=True)

    cijfers, _ = _meet(lambda: selectors.als_json(selectors.jaarverslag_gegevens(organisatie=org, jaar=jaar)),
                       args.herhalingen)
    # Without the summary table: the same selector on the ledger itself (its fallback source).
    origineel = selectors._bron
    selectors._bron = lambda organisatie: Factuurregel
    try:
        grootboek, _ = _meet(lambda: selectors.jaarverslag_gegevens(organisatie=org, jaar=jaar, met_prestaties=False),
                             1)
    finally:
        selectors._bron = origineel
    pdf, (pdf_bytes, paginas) = _meet(lambda: render_pdf(organisatie=org, jaar=jaar), args.herhalingen)
    referentie_html = _referentie_html(paginas)
    ref, (_b, ref_paginas) = _meet(lambda: html_naar_pdf_met_paginas(referentie_html), args.herhalingen)
    # Grow or shrink the reference until it has exactly the report's page count.
    n = paginas
    while ref_paginas != paginas and 1 <= n <= 3 * paginas:
        n += 1 if ref_paginas < paginas else -1
        referentie_html = _referentie_html(n)
        ref, (_b, ref_paginas) = _meet(lambda h=referentie_html: html_naar_pdf_met_paginas(h), args.herhalingen)

    def s(tijden):
        return {"eerste": round(tijden[0], 3), "mediaan": round(statistics.median(tijden), 3),
                "min": round(min(tijden), 3)}

    uitkomst = {
        "database": args.database, "factuurregels": regels, "jaaromzet_rijen": jaaromzet, **opbouw,
        "cijfers_s": s(cijfers), "cijfers_uit_grootboek_s": s(grootboek),
        "pdf_s": s(pdf), "pdf_paginas": paginas, "pdf_bytes": len(pdf_bytes),
        "referentie_s": s(ref), "referentie_paginas": ref_paginas,
        "pdf_gedeeld_door_referentie": round(statistics.median(pdf) / statistics.median(ref), 2),
        "doel_cijfers_lt_1s": statistics.median(cijfers) < 1, "doel_pdf_lt_5s": statistics.median(pdf) < 5,
    }
    print(json.dumps(uitkomst, indent=1))
    (Path(__file__).parent / "resultaat.json").write_text(json.dumps(uitkomst, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
