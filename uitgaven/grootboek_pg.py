"""The PostgreSQL fast paths for facturen (docs/adr/0004-grootboek-bulkimport.md).

First choice for a CSV file (`stroom`): read and check it in Python while its rows stream with
COPY straight into the ledger, and add them up for Jaaromzet on the way. Python parses and checks
on one core while PostgreSQL inserts on the other. It takes only what needs no decision: a row of
a year that already has lines of this organisation, or a row it does not accept as it stands,
stops it (the savepoint goes back) and the file takes one of the ways below; an invoice of
several lines stops it through the ledger's unique key.

Second choice: COPY into a staging table, check and resolve in SQL, then one INSERT into the
ledger. A CSV file is streamed to COPY as it is (PostgreSQL parses the CSV and converts the encoding),
so Python never touches the rows. Years without lines get a plain INSERT ... SELECT that checks,
inserts and adds to Jaaromzet in one statement (`invoegen`); years with lines, or an invoice of
several lines, get INSERT ... ON CONFLICT DO UPDATE ... WHERE the values differ (`upsert`) after
the check in `controleer`. The SQL checks apply the rules of `bestanden.controleer_factuur`; when
they reject a row, or COPY itself fails (a blank line, a stray quote), or a cast fails, the caller
rolls back to a savepoint and reads the file in Python, which names every problem with its line.
The Python reader also feeds xlsx rows into the same staging table.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter

from .bestanden import (
    BEDRAG,
    DATUM_ISO,
    DATUM_NL,
    JAAR_MAX,
    JAAR_MIN,
    KOLOMMEN,
    MAX_LENGTE,
    WIT,
    Bestand,
    parse_bedrag,
)

STAGING = "uitgaven_staging"
VOLG = "uitgaven_staging_volg"
FACTUURKOLOMMEN = KOLOMMEN["facturen"]
# Serialises imports of one organisation (two at once would race on master data).
SLOT_SLEUTEL = 47110

_WIT = r"E' \t'"
# The fast check is deliberately simple (a handful of anchored regexes, no trimming of the
# columns it checks): a value it rejects sends the file to the Python reader, which trims and
# names the problem; a value it lets through that is still wrong (31-02-2024, an amount too large)
# makes the cast in the upsert fail, which sends the file to the Python reader as well. Rows the
# Python reader wrote (trimmed, ISO dates, decimal points) always pass.
_GELDIG = """coalesce(
    s.boekjaar ~ '^(19|20|21)[0-9][0-9]$'
    AND (s.boekdatum ~ '^[0-9][0-9]?-[0-9][0-9]?-[0-9]{4}$' OR s.boekdatum ~ '^[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?$')
    AND (left(s.boekdatum, 4) = s.boekjaar OR right(s.boekdatum, 4) = s.boekjaar)
    AND s.bedrag_excl_btw ~ '^-?[0-9]+([.,][0-9][0-9]?)?$' AND length(s.bedrag_excl_btw) <= 17
    AND length(btrim(s.factuurnummer, E' \\t')) BETWEEN 1 AND 100
    AND coalesce(length(btrim(s.grootboekrekening, E' \\t')), 0) <= 40
    AND coalesce(length(btrim(s.omschrijving, E' \\t')), 0) <= 500
    AND c.id IS NOT NULL AND k.id IS NOT NULL,
  false)"""
# The invoice key, hashed to 64 bits for a cheap duplicate count (a collision only costs an exact
# numbering of a few more rows, never a wrong one: row_number() partitions by the key itself).
_SLEUTEL = f"s.boekjaar, s.crediteurnummer, btrim(s.factuurnummer, {_WIT})"
_HASH = f"hashtextextended(s.boekjaar || '|' || s.crediteurnummer || '|' || btrim(s.factuurnummer, {_WIT}), 0)"
_BRON = f"""{STAGING} s
    LEFT JOIN uitgaven_crediteur c ON c.organisatie_id = %(org)s AND c.nummer = s.crediteurnummer
    LEFT JOIN uitgaven_kostenplaats k ON k.organisatie_id = %(org)s AND k.code = s.kostenplaats"""


@dataclass
class Controle:
    regels: int
    fouten: int
    dubbel: int


@contextmanager
def instellingen(cursor, **waarden):
    """SET LOCAL for a few statements, then back to what it was (the transaction goes on)."""
    oud = {}
    for naam, waarde in waarden.items():
        cursor.execute("SELECT current_setting(%s)", [naam])
        oud[naam] = cursor.fetchone()[0]
        cursor.execute("SELECT set_config(%s, %s, true)", [naam, str(waarde)])
    # Not in a `finally`: after an error the transaction is aborted (or the connection gone) and
    # its rollback undoes SET LOCAL anyway; restoring then would hide the error behind a new one.
    yield
    for naam, waarde in oud.items():
        cursor.execute("SELECT set_config(%s, %s, true)", [naam, waarde])


def slot(cursor, organisatie_id: int) -> None:
    """Wait for any other import of this organisation; released at the end of the transaction."""
    cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [SLOT_SLEUTEL, organisatie_id])


def maak_staging(cursor, extra: int = 0) -> None:
    extra_kol = "".join(f", x{i} text" for i in range(extra))
    cursor.execute(f"DROP TABLE IF EXISTS {VOLG}")
    cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
    cursor.execute(
        f"CREATE TEMP TABLE {STAGING} (lijn bigint GENERATED BY DEFAULT AS IDENTITY, volgnummer int, "
        + ", ".join(f"{k} text" for k in FACTUURKOLOMMEN) + f"{extra_kol}) ON COMMIT DROP")


def ruim_op(cursor) -> None:
    cursor.execute(f"DROP TABLE IF EXISTS {VOLG}")
    cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")


def kopieer_csv(cursor, b: Bestand, voortgang: Callable[[int], None] | None = None) -> int:
    """Stream the CSV file unchanged into the staging table; PostgreSQL parses and converts it."""
    kolommen, extra = [], 0
    gezien = set()
    for naam in b.kopregel:
        if naam in FACTUURKOLOMMEN and naam not in gezien:
            kolommen.append(naam)
            gezien.add(naam)
        else:
            kolommen.append(f"x{extra}")
            extra += 1
    maak_staging(cursor, extra)
    scheiding = {";": ";", ",": ",", "\t": "E'\\t'"}[b.scheiding]
    if scheiding in (";", ","):
        scheiding = f"'{scheiding}'"
    sql = (f"COPY {STAGING} ({', '.join(kolommen)}) FROM STDIN WITH (FORMAT csv, DELIMITER {scheiding}, "
           f"HEADER true, ENCODING '{b.pg_codering}')")
    gelezen = 0
    h = hashlib.sha256()
    with open(b.pad, "rb") as f, cursor.cursor.copy(sql) as copy:
        vorige = b""
        eerste = True
        while blok := f.read(1 << 20):
            h.update(blok)
            if eerste and b.codering == "utf-8-sig":
                blok = blok[3:]
            eerste = False
            if vorige:
                copy.write(vorige)
            vorige = blok
            gelezen += len(blok)
            if voortgang:
                voortgang(gelezen)
        # Trailing line ends would read as an empty row; COPY accepts a last line without one.
        copy.write(vorige.rstrip(b"\r\n"))
    # PostgreSQL has now checked every byte against the encoding: the file is read completely.
    b.sha256 = h.hexdigest()
    return cursor.cursor.rowcount


def kopieer_rijen(cursor, rijen: Iterable[tuple]) -> int:
    """Rows already checked in Python: (lijn, volgnummer, boekjaar, ISO boekdatum, factuurnummer,
    crediteurnummer, kostenplaats, grootboekrekening, omschrijving, bedrag with a decimal point)."""
    maak_staging(cursor)
    sql = f"COPY {STAGING} (lijn, volgnummer, {', '.join(FACTUURKOLOMMEN)}) FROM STDIN"
    with cursor.cursor.copy(sql) as copy:
        for rij in rijen:
            copy.write_row(rij)
    return cursor.cursor.rowcount


def controleer(cursor, organisatie_id: int) -> Controle:
    """One pass over the staging table: rows, rows the fast path cannot take, duplicate keys."""
    cursor.execute(f"""
        SELECT coalesce(sum(n), 0), coalesce(sum(fout), 0), count(*) FILTER (WHERE n > 1)
        FROM (SELECT count(*) AS n, count(*) FILTER (WHERE NOT geldig) AS fout
              FROM (SELECT {_HASH} AS h, {_GELDIG} AS geldig FROM {_BRON}) x
              GROUP BY h) g""", {"org": organisatie_id})  # noqa: S608 - SQL from constants
    return Controle(*[int(v) for v in cursor.fetchone()])


def nummer_dubbele(cursor) -> None:
    """Position among the invoice's lines in the file, only for invoices with several lines."""
    cursor.execute(f"DROP TABLE IF EXISTS {VOLG}")
    cursor.execute(f"""
        CREATE TEMP TABLE {VOLG} ON COMMIT DROP AS
        SELECT s.lijn, row_number() OVER (PARTITION BY {_SLEUTEL} ORDER BY s.lijn) AS vn
        FROM {STAGING} s
        WHERE {_HASH} IN (SELECT {_HASH} FROM {STAGING} s GROUP BY 1 HAVING count(*) > 1)""")  # noqa: S608


def bestaande_jaren(cursor, organisatie_id: int) -> list[int]:
    """The boekjaren of the staged file that already have lines of this organisation."""
    cursor.execute(f"""
        SELECT j.jaar FROM (SELECT DISTINCT boekjaar FROM {STAGING}
                            WHERE boekjaar ~ '^(19|20|21)[0-9][0-9]$') s, LATERAL (SELECT s.boekjaar::int AS jaar) j
        WHERE EXISTS (SELECT 1 FROM uitgaven_factuurregel f
                      WHERE f.organisatie_id = %s AND f.boekjaar = j.jaar)""", [organisatie_id])  # noqa: S608
    return sorted(r[0] for r in cursor.fetchall())


@dataclass
class Uitkomst:
    nieuw: int
    gewijzigd: int
    jaren_nieuw: list[int]
    jaren_gewijzigd: list[int]


_KOLOMMEN_LEDGER = ("organisatie_id, boekjaar, boekdatum, factuurnummer, volgnummer, crediteur_id, "
                    "kostenplaats_id, grootboekrekening, omschrijving, bedrag, importrun_id")


def _bron(volg: str, volg_join: str, waar: str) -> str:
    """The staged rows, typed and resolved: one SELECT shared by both ways of storing them."""
    return f"""
            SELECT s.boekjaar::smallint AS jaar, s.boekdatum::date AS datum,
                   btrim(s.factuurnummer, {_WIT}) AS factuur, {volg} AS vn,
                   c.id AS crediteur_id, k.id AS kostenplaats_id,
                   coalesce(btrim(s.grootboekrekening, {_WIT}), '') AS gb,
                   coalesce(btrim(s.omschrijving, {_WIT}), '') AS oms,
                   replace(s.bedrag_excl_btw, ',', '.')::numeric(15, 2) AS bedrag
            FROM {_BRON} {volg_join}
            {waar}"""  # noqa: S608 - SQL from constants


# The cheap shape checks of the first-import pass (cheaper than _GELDIG: LIKE instead of a regex
# for the year; the lengths of the trimmed values are checked on the stored trims). A value they
# let through that Python would reject makes a cast fail, and the caller falls back.
_VORM = """s.boekjaar LIKE '____' AND s.boekjaar COLLATE "C" BETWEEN '1900' AND '2199'
    AND (right(s.boekdatum, 4) = s.boekjaar
         AND (s.boekdatum LIKE '__-__-____' OR s.boekdatum LIKE '_-__-____' OR s.boekdatum LIKE '__-_-____'
              OR s.boekdatum LIKE '_-_-____')
         OR left(s.boekdatum, 4) = s.boekjaar
         AND (s.boekdatum LIKE '____-__-__' OR s.boekdatum LIKE '____-_-__' OR s.boekdatum LIKE '____-__-_'
              OR s.boekdatum LIKE '____-_-_'))
    AND s.boekdatum !~ '[^0-9-]'
    AND s.bedrag_excl_btw ~ '^-?[0-9]+([.,][0-9][0-9]?)?$' AND length(s.bedrag_excl_btw) <= 17"""


def invoegen(cursor, *, organisatie_id: int, importrun_id: int | None) -> tuple[int, list[int]]:
    """First import of these years: check, insert and add to Jaaromzet in one statement.

    A plain INSERT: with no line of these years stored, ON CONFLICT would have nothing to
    arbitrate against, and its per-row pre-check costs a third of a large import. Rows the
    checks reject are left out: the caller compares the count with the staged rows and falls back
    to the Python reader when some are missing. An invoice with several lines raises
    unique_violation (every line is volgnummer 1 here); the caller numbers the lines and upserts.

    Returns (lines inserted, their boekjaren).
    """
    sql = f"""
        WITH n AS NOT MATERIALIZED (
            SELECT s.boekjaar, s.boekdatum, s.bedrag_excl_btw AS bedrag_t,
                   btrim(s.factuurnummer, {_WIT}) AS factuur,
                   coalesce(btrim(s.grootboekrekening, {_WIT}), '') AS gb,
                   coalesce(btrim(s.omschrijving, {_WIT}), '') AS oms,
                   c.id AS crediteur_id, k.id AS kostenplaats_id
            FROM {STAGING} s
            JOIN uitgaven_crediteur c ON c.organisatie_id = %(org)s AND c.nummer = s.crediteurnummer
            JOIN uitgaven_kostenplaats k ON k.organisatie_id = %(org)s AND k.code = s.kostenplaats
            WHERE {_VORM}
        ), b AS MATERIALIZED (
            SELECT n.boekjaar::smallint AS jaar, n.boekdatum::date AS datum, n.factuur, n.gb, n.oms,
                   n.crediteur_id, n.kostenplaats_id, replace(n.bedrag_t, ',', '.')::numeric(15, 2) AS bedrag
            FROM n
            WHERE n.factuur <> '' AND length(n.factuur) <= 100 AND length(n.gb) <= 40 AND length(n.oms) <= 500
        ), ins AS (
            INSERT INTO uitgaven_factuurregel ({_KOLOMMEN_LEDGER})
            SELECT %(org)s, jaar, datum, factuur, 1, crediteur_id, kostenplaats_id, gb, oms, bedrag, %(run)s FROM b
        ), omzet AS (
            INSERT INTO uitgaven_jaaromzet AS j (organisatie_id, boekjaar, crediteur_id, kostenplaats_id,
                                                 bedrag, regels)
            SELECT %(org)s, jaar, crediteur_id, kostenplaats_id, sum(bedrag), count(*)
            FROM b GROUP BY jaar, crediteur_id, kostenplaats_id
            ON CONFLICT (organisatie_id, boekjaar, crediteur_id, kostenplaats_id) DO UPDATE
               SET bedrag = j.bedrag + EXCLUDED.bedrag, regels = j.regels + EXCLUDED.regels
        )
        SELECT jaar, count(*) FROM b GROUP BY jaar"""  # noqa: S608 - SQL from constants
    cursor.execute(sql, {"org": organisatie_id, "run": importrun_id})
    rijen = cursor.fetchall()
    return sum(int(n) for _, n in rijen), sorted(int(j) for j, _ in rijen)


def upsert(cursor, *, organisatie_id: int, importrun_id: int | None, dubbel: bool) -> Uitkomst:
    """Insert new lines and replace changed ones, in one INSERT ... ON CONFLICT DO UPDATE ...
    WHERE the values differ. Every row has passed `controleer`.

    Identical lines are skipped before the upsert: ON CONFLICT locks (and so rewrites) a
    conflicting row even when its WHERE fails, which would make a re-import as slow as the first.
    New lines are added to `Jaaromzet` in the same statement; years with replaced lines must be
    rebuilt by the caller (their old amounts are gone by then).
    """
    volg_join = f"LEFT JOIN {VOLG} v ON v.lijn = s.lijn" if dubbel else ""
    volg = "coalesce(s.volgnummer, v.vn, 1)" if dubbel else "coalesce(s.volgnummer, 1)"
    cursor.execute(f"""
        WITH ins AS (
            INSERT INTO uitgaven_factuurregel AS f ({_KOLOMMEN_LEDGER})
            SELECT %(org)s, b.jaar, b.datum, b.factuur, b.vn, b.crediteur_id, b.kostenplaats_id,
                   b.gb, b.oms, b.bedrag, %(run)s
            FROM ({_bron(volg, volg_join, "")}) b
            WHERE NOT EXISTS (
                SELECT 1 FROM uitgaven_factuurregel x
                WHERE x.organisatie_id = %(org)s AND x.boekjaar = b.jaar AND x.crediteur_id = b.crediteur_id
                  AND x.factuurnummer = b.factuur AND x.volgnummer = b.vn AND x.boekdatum = b.datum
                  AND x.kostenplaats_id = b.kostenplaats_id AND x.grootboekrekening = b.gb
                  AND x.omschrijving = b.oms AND x.bedrag = b.bedrag)
            ON CONFLICT (organisatie_id, boekjaar, crediteur_id, factuurnummer, volgnummer) DO UPDATE
               SET boekdatum = EXCLUDED.boekdatum, kostenplaats_id = EXCLUDED.kostenplaats_id,
                   grootboekrekening = EXCLUDED.grootboekrekening, omschrijving = EXCLUDED.omschrijving,
                   bedrag = EXCLUDED.bedrag, importrun_id = EXCLUDED.importrun_id
               WHERE (f.boekdatum, f.kostenplaats_id, f.grootboekrekening, f.omschrijving, f.bedrag)
                     IS DISTINCT FROM (EXCLUDED.boekdatum, EXCLUDED.kostenplaats_id,
                                       EXCLUDED.grootboekrekening, EXCLUDED.omschrijving, EXCLUDED.bedrag)
            RETURNING (xmax = 0) AS nieuw, boekjaar, crediteur_id, kostenplaats_id, bedrag
        ), omzet AS (
            INSERT INTO uitgaven_jaaromzet AS j (organisatie_id, boekjaar, crediteur_id, kostenplaats_id,
                                                 bedrag, regels)
            SELECT %(org)s, boekjaar, crediteur_id, kostenplaats_id, sum(bedrag), count(*)
            FROM ins WHERE nieuw GROUP BY boekjaar, crediteur_id, kostenplaats_id
            ON CONFLICT (organisatie_id, boekjaar, crediteur_id, kostenplaats_id) DO UPDATE
               SET bedrag = j.bedrag + EXCLUDED.bedrag, regels = j.regels + EXCLUDED.regels
        )
        SELECT boekjaar, nieuw, count(*) FROM ins GROUP BY boekjaar, nieuw""", {"org": organisatie_id, "run": importrun_id})  # noqa: S608
    u = Uitkomst(0, 0, [], [])
    for jaar, nieuw, aantal in cursor.fetchall():
        if nieuw:
            u.nieuw += int(aantal)
            u.jaren_nieuw.append(int(jaar))
        else:
            u.gewijzigd += int(aantal)
            u.jaren_gewijzigd.append(int(jaar))
    u.jaren_nieuw.sort()
    u.jaren_gewijzigd.sort()
    return u


def bulk_instellingen(cursor):
    """Planner settings for statements over a staging table that has no statistics: hash joins
    instead of nested loops over a million rows, and room to sort and hash in memory."""
    return instellingen(cursor, enable_nestloop="off", work_mem="256MB", DateStyle="ISO, DMY")


class NietGestroomd(Exception):
    """The stream stopped before the end: `bestaand` when a year already has lines (the file
    needs the upsert), else a row the stream does not take as it stands (the Python reader names
    what is wrong, or accepts what needs trimming or normalising)."""

    def __init__(self, bestaand: bool = False):
        super().__init__("bestaand jaar" if bestaand else "regel niet zonder meer te nemen")
        self.bestaand = bestaand


class _Hasher(io.RawIOBase):
    """The file's bytes as they are read, into the SHA-256 of the run (the file is read once)."""

    def __init__(self, f):
        self.f = f
        self.h = hashlib.sha256()
        self.gelezen = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        n = self.f.readinto(buffer)
        if n:
            self.h.update(memoryview(buffer)[:n])
            self.gelezen += n
        return n


def bezette_jaren(cursor, organisatie_id: int) -> set[int]:
    """The boekjaren with lines of this organisation: one probe of the unique key per possible year."""
    cursor.execute("""
        SELECT j FROM generate_series(%s, %s) j
        WHERE EXISTS (SELECT 1 FROM uitgaven_factuurregel f WHERE f.organisatie_id = %s AND f.boekjaar = j)""",
                   [JAAR_MIN, JAAR_MAX, organisatie_id])
    return {r[0] for r in cursor.fetchall()}


def _kopie_tekst(waarde: str) -> str:
    """A value in COPY's text format."""
    return (waarde.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


_STROOMKOLOMMEN = ("boekjaar, boekdatum, factuurnummer, crediteur_id, kostenplaats_id, grootboekrekening, "
                   "omschrijving, bedrag, organisatie_id, volgnummer, importrun_id")
_BLOK = 4096


def stroom(cursor, b: Bestand, *, organisatie_id: int, importrun_id: int | None, crediteuren: dict[str, int],
           kostenplaatsen: dict[str, int], voortgang: Callable[[int], None] | None = None) -> tuple[int, list[int]]:
    """Stream a CSV facturen file into the ledger; Jaaromzet gets its sums in the same transaction.

    Accepts a row only when `bestanden.controleer_factuur` would accept it unchanged but for the
    trimming of the text columns: boekjaar, boekdatum, crediteur and kostenplaats exactly as
    stored, an amount in one of the accepted forms. A date that has the right shape but does not
    exist (31-02-2024) or an amount too large makes COPY fail; the caller goes to the Python reader.
    Raises NietGestroomd when a row is not taken (see there). Returns (lines, their boekjaren).
    The caller runs it inside a savepoint, with DateStyle DMY (boekdatum goes as written).
    """
    bezet = bezette_jaren(cursor, organisatie_id)
    jaren = {str(j): j for j in range(JAAR_MIN, JAAR_MAX + 1)}
    bezet_t = {str(j) for j in bezet}
    crediteur_t = {k: str(v) for k, v in crediteuren.items()}
    kostenplaats_t = {k: str(v) for k, v in kostenplaatsen.items()}
    datum_nl, datum_iso, bedrag_ok = DATUM_NL.fullmatch, DATUM_ISO.fullmatch, BEDRAG.fullmatch
    max_f, max_g, max_o = MAX_LENGTE["factuurnummer"], MAX_LENGTE["grootboekrekening"], MAX_LENGTE["omschrijving"]
    run = "\\N" if importrun_id is None else str(importrun_id)
    staart = f"{organisatie_id}\t1\t{run}"
    velden = itemgetter(*(b.posities[k] for k in FACTUURKOLOMMEN))
    breedte = len(b.kopregel)
    # (jaar, crediteur, kostenplaats) -> [sum, lines]: as many entries as Jaaromzet gets rows.
    omzet: dict[tuple[int, str, str], list] = {}
    regels = 0
    blok: list[tuple[str, ...]] = []
    wit = WIT

    def schrijf(copy):
        tekst = "\n".join(["\t".join(r) for r in blok]) + "\n"
        # Only the text columns can hold a tab, line end or backslash; escape the block if one does.
        if "\\" in tekst or "\r" in tekst or tekst.count("\t") != 10 * len(blok) or tekst.count("\n") != len(blok):
            tekst = "".join("\t".join(_kopie_tekst(v) for v in r[:8]) + "\t" + staart + "\n" for r in blok)
        copy.write(tekst)
        blok.clear()

    with open(b.pad, "rb") as ruw:
        bron = _Hasher(ruw)
        tekst = io.TextIOWrapper(io.BufferedReader(bron, 1 << 20), encoding=b.codering, newline="")
        lezer = csv.reader(tekst, delimiter=b.scheiding)
        next(lezer)
        sql = f"COPY uitgaven_factuurregel ({_STROOMKOLOMMEN}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for w in lezer:
                if len(w) != breedte:
                    if not any(v.strip(wit) for v in w):
                        continue
                    raise NietGestroomd
                jaar, datum, factuur, crediteur, kp, gb, oms, bedrag = velden(w)
                j = jaren.get(jaar)
                if j is None:
                    raise NietGestroomd
                if jaar in bezet_t:
                    raise NietGestroomd(bestaand=True)
                if not ((datum[-4:] == jaar and datum_nl(datum)) or (datum[:4] == jaar and datum_iso(datum))):
                    raise NietGestroomd
                c = crediteur_t.get(crediteur)
                k = kostenplaats_t.get(kp)
                if c is None or k is None:
                    raise NietGestroomd
                if bedrag_ok(bedrag):
                    if "," in bedrag:
                        bedrag = bedrag.replace(",", ".")
                else:
                    waarde = parse_bedrag(bedrag)
                    if waarde is None:
                        raise NietGestroomd
                    bedrag = str(waarde)
                factuur, gb, oms = factuur.strip(wit), gb.strip(wit), oms.strip(wit)
                if not factuur or len(factuur) > max_f or len(gb) > max_g or len(oms) > max_o:
                    raise NietGestroomd
                blok.append((jaar, datum, factuur, c, k, gb, oms, bedrag, staart))
                sleutel = (j, c, k)
                som = omzet.get(sleutel)
                if som is None:
                    omzet[sleutel] = [Decimal(bedrag), 1]
                else:
                    som[0] += Decimal(bedrag)
                    som[1] += 1
                regels += 1
                if len(blok) == _BLOK:
                    schrijf(copy)
                    if voortgang and regels % (_BLOK * 16) == 0:
                        voortgang(bron.gelezen)
            if blok:
                schrijf(copy)
    b.regels = regels
    b.sha256 = bron.h.hexdigest()
    b.volledig = True
    if omzet:
        cursor.execute("CREATE TEMP TABLE uitgaven_staging_omzet (boekjaar smallint, crediteur_id bigint, "
                       "kostenplaats_id bigint, bedrag numeric(17, 2), regels int) ON COMMIT DROP")
        with cursor.cursor.copy("COPY uitgaven_staging_omzet FROM STDIN") as copy:
            for (j, c, k), (som, n) in omzet.items():
                copy.write_row((j, c, k, som, n))
        cursor.execute("""
            INSERT INTO uitgaven_jaaromzet AS j (organisatie_id, boekjaar, crediteur_id, kostenplaats_id, bedrag, regels)
            SELECT %s, boekjaar, crediteur_id, kostenplaats_id, bedrag, regels FROM uitgaven_staging_omzet
            ON CONFLICT (organisatie_id, boekjaar, crediteur_id, kostenplaats_id) DO UPDATE
               SET bedrag = j.bedrag + EXCLUDED.bedrag, regels = j.regels + EXCLUDED.regels""", [organisatie_id])
        cursor.execute("DROP TABLE uitgaven_staging_omzet")
    return regels, sorted({j for j, _, _ in omzet})
