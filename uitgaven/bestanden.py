"""Recognising and reading the files of the financial administration (interfaces.md §2).

A file is recognised by its header row, whatever its name: `;` or `,` separated (or tab), UTF-8
with or without BOM or Windows-1252, or an .xlsx workbook (first sheet). Rows come out as lists
of stripped strings in the canonical column order of their kind, with the line number they
start on, so that every problem can be reported as `FILE:LINE: column: reason`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .xlsx import Getal, Werkmap, XlsxFout

KOLOMMEN = {
    "regio": ("postcode_van", "postcode_tot", "regio"),
    "inkooppakketten": ("pakketcode", "pakketnaam", "categoriecode", "categorienaam"),
    "kostenplaatsen": ("kostenplaats", "omschrijving", "domein"),
    "crediteuren": ("crediteurnummer", "naam", "kvk_nummer", "postcode", "plaats", "land", "inkooppakket"),
    "facturen": ("boekjaar", "boekdatum", "factuurnummer", "crediteurnummer", "kostenplaats",
                 "grootboekrekening", "omschrijving", "bedrag_excl_btw"),
}
# Columns a file may have besides its own (interfaces.md §2: a pakket's soort); absent, they read
# as empty.
OPTIONEEL = {"inkooppakketten": ("soort",)}
# Master data first, so that the facturen of the same run can refer to it.
VOLGORDE = ("regio", "inkooppakketten", "kostenplaatsen", "crediteuren", "facturen")
# Columns that xlsx may hold as a real date or number.
# (The contract register of contracten.importeren reads with the same reader.)
DATUMKOLOMMEN = {"boekdatum", "gunningsdatum", "startdatum", "einddatum", "einddatum_met_opties"}
BEDRAGKOLOMMEN = {"bedrag_excl_btw", "waarde_incl_opties"}

# Whitespace stripped around every value, the same set as btrim(x, E' \t') in the SQL path.
WIT = " \t"
CSV_VELD_MAX = 1_000_000
csv.field_size_limit(CSV_VELD_MAX)


@dataclass(frozen=True)
class Fout:
    bestand: str
    lijn: int
    kolom: str
    reden: str

    def __str__(self):
        return f"{self.bestand}:{self.lijn}: {self.kolom}: {self.reden}"


class Bestandsfout(Exception):
    """A problem with the file as a whole (reported at a line, often 1)."""

    def __init__(self, lijn: int, kolom: str, reden: str):
        super().__init__(reden)
        self.lijn, self.kolom, self.reden = lijn, kolom, reden


@dataclass
class Bestand:
    pad: Path
    naam: str  # as shown in messages: the path as given, or the uploaded file name
    grootte: int = 0
    sha256: str = ""
    formaat: str = ""  # "csv" or "xlsx"
    soort: str | None = None
    kopregel: list[str] = field(default_factory=list)
    posities: dict[str, int] = field(default_factory=dict)  # canonical column -> index in the file
    kolommen: tuple[str, ...] = ()  # the canonical columns rows come out in (with optional ones)
    scheiding: str = ";"
    codering: str = "utf-8"  # Python codec of a csv file: utf-8, utf-8-sig or cp1252
    regels: int = 0  # data rows read
    volledig: bool = False  # a CSV file read completely (checksum, encoding for certain)

    @property
    def pg_codering(self) -> str:
        return "WIN1252" if self.codering == "cp1252" else "UTF8"

    def als_dict(self) -> dict:
        return {"naam": self.naam, "sha256": self.sha256, "grootte": self.grootte,
                "soort": self.soort or "", "formaat": self.formaat, "regels": self.regels}

    def fout(self, lijn: int, kolom: str, reden: str) -> Fout:
        return Fout(self.naam, lijn, kolom, reden)


def _normaliseer_kop(waarde: str) -> str:
    return re.sub(r"\s+", "_", waarde.strip().strip('"').strip().lower())


def _kies_soort(kop: list[str], soorten: dict) -> tuple[str, dict[str, int]]:
    """The kind whose columns the header holds; else a Bestandsfout naming the missing column."""
    aanwezig = {naam: i for i, naam in reversed(list(enumerate(kop))) if naam}
    volledig = [s for s, kol in soorten.items() if all(k in aanwezig for k in kol)]
    if volledig:
        soort = max(volledig, key=lambda s: len(soorten[s]))
        kolommen = soorten[soort] + OPTIONEEL.get(soort, ())
        return soort, {k: aanwezig[k] for k in kolommen if k in aanwezig}
    # The closest kind (most of its columns present) tells which column is missing.
    score = {s: sum(k in aanwezig for k in kol) / len(kol) for s, kol in soorten.items()}
    beste = max(score, key=score.get)
    if score[beste] >= 0.5:
        ontbreekt = [k for k in soorten[beste] if k not in aanwezig]
        raise Bestandsfout(1, ontbreekt[0],
                           f"kolom ontbreekt in de kopregel van dit {beste}bestand"
                           + (f" (ook: {', '.join(ontbreekt[1:])})" if len(ontbreekt) > 1 else ""))
    raise Bestandsfout(1, "kopregel", "onbekend bestand: de kopregel past bij geen van de bekende "
                       "bestanden (" + ("inkooppakketten, kostenplaatsen, crediteuren, regio, facturen"
                                        if soorten is KOLOMMEN else ", ".join(soorten)) + ")")


def herken(pad: Path, naam: str | None = None, soorten: dict | None = None) -> tuple[Bestand, Fout | None]:
    """Read the file once (checksum, encoding) and recognise its kind by the header row.

    `soorten` are the kinds to recognise (default the spend files of §2)."""
    soorten = soorten or KOLOMMEN
    b = Bestand(pad=Path(pad), naam=naam or str(pad))
    try:
        b.grootte = b.pad.stat().st_size
        with open(b.pad, "rb") as f:
            begin = f.read(8)
        if begin.startswith(b"PK\x03\x04"):
            b.formaat = "xlsx"
            b.sha256 = sha256(b.pad)
            with Werkmap(b.pad) as wm:
                eerste = next(iter(wm.rijen()), None)
            if eerste is None:
                raise Bestandsfout(1, "bestand", "het eerste werkblad is leeg")
            b.kopregel = [_normaliseer_kop(str(v)) for v in eerste[1]]
        else:
            b.formaat = "csv"
            _lees_csv_kop(b, soorten)
        if not any(b.kopregel):
            raise Bestandsfout(1, "bestand", "leeg bestand: geen kopregel")
        b.soort, b.posities = _kies_soort(b.kopregel, soorten)
        b.kolommen = soorten[b.soort] + OPTIONEEL.get(b.soort, ())
    except Bestandsfout as exc:
        return b, b.fout(exc.lijn, exc.kolom, exc.reden)
    except XlsxFout as exc:
        return b, b.fout(1, "bestand", f"onleesbaar bestand: {exc}")
    except IsADirectoryError:
        return b, b.fout(1, "bestand", "is een map, geen bestand")
    except FileNotFoundError:
        return b, b.fout(1, "bestand", "bestaat niet")
    except OSError as exc:
        return b, b.fout(1, "bestand", f"onleesbaar bestand: {exc.strerror or exc}")
    return b, None


def sha256(pad: Path) -> str:
    h = hashlib.sha256()
    with open(pad, "rb") as f:
        while blok := f.read(1 << 20):
            h.update(blok)
    return h.hexdigest()


def _lees_csv_kop(b: Bestand, soorten: dict) -> None:
    """Encoding (a first guess from the first 64 kB) and header of a CSV file.

    The whole file is checked later, once: by PostgreSQL while it COPYs the file (any byte that is
    not valid in the guessed encoding makes COPY fail and the file goes to the Python reader), or
    by `volledig_controleren` before the Python reader starts.
    """
    with open(b.pad, "rb") as f:
        eerste = f.read(65536)
    if not eerste.removeprefix(codecs.BOM_UTF8).strip():
        raise Bestandsfout(1, "bestand", "leeg bestand")
    if b"\x00" in eerste:
        raise Bestandsfout(1, "bestand", "onleesbaar bestand: binaire inhoud (geen CSV of xlsx)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(eerste)
        b.codering = "utf-8-sig" if eerste.startswith(codecs.BOM_UTF8) else "utf-8"
    except UnicodeDecodeError:
        b.codering = "cp1252"
    regel = (eerste.decode(b.codering, errors="replace").splitlines() or [""])[0]
    # The separator that splits the header into the most known column names.
    bekend = {k for kol in soorten.values() for k in kol}
    beste = None
    for sep in (";", ",", "\t"):
        velden = [_normaliseer_kop(v) for v in next(csv.reader([regel], delimiter=sep), [])]
        treffers = sum(v in bekend for v in velden)
        if beste is None or treffers > beste[0]:
            beste = (treffers, sep, velden)
    _, b.scheiding, b.kopregel = beste


def volledig_controleren(b: Bestand) -> None:
    """Read a CSV file once completely: checksum, and the encoding for certain (UTF-8 if every
    byte is valid UTF-8, else Windows-1252); raises Bestandsfout for an unreadable file."""
    if b.volledig or b.formaat != "csv":
        return
    h = hashlib.sha256()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8 = True
    with open(b.pad, "rb") as f:
        while blok := f.read(1 << 20):
            h.update(blok)
            if b"\x00" in blok:
                raise Bestandsfout(1, "bestand", "onleesbaar bestand: binaire inhoud (geen CSV of xlsx)")
            if is_utf8:
                try:
                    utf8.decode(blok)
                except UnicodeDecodeError:
                    is_utf8 = False
        if is_utf8:
            try:
                utf8.decode(b"", final=True)
            except UnicodeDecodeError:
                is_utf8 = False
    b.sha256 = h.hexdigest()
    if is_utf8:
        b.codering = "utf-8-sig" if b.codering == "utf-8-sig" else "utf-8"
    else:
        b.codering = "cp1252"
        try:
            with open(b.pad, encoding="cp1252") as f:
                while f.read(1 << 20):
                    pass
        except UnicodeDecodeError as exc:
            raise Bestandsfout(1, "bestand", "onleesbaar bestand: de tekens zijn geen UTF-8 en geen "
                               f"Windows-1252 (byte {exc.object[exc.start]:#x})") from exc
    b.volledig = True


def rijen(b: Bestand, fouten: list[Fout] | None = None) -> Iterator[tuple[int, list[str]]]:
    """Data rows of a recognised file: (line, values in the canonical column order).

    Blank rows are skipped. A row with a different number of fields than the header is reported
    in `fouten` and skipped; so is an unreadable stretch of the file (and the rest of it).
    """
    kolommen = b.kolommen or KOLOMMEN[b.soort]
    posities = [b.posities.get(k) for k in kolommen]
    breedte = len(b.kopregel)
    try:
        volledig_controleren(b)
        bron = _xlsx_rijen(b, kolommen) if b.formaat == "xlsx" else _csv_rijen(b)
        for lijn, velden in bron:
            if len(velden) != breedte:
                if len(velden) > breedte and not any(v.strip(WIT) for v in velden[breedte:]):
                    velden = velden[:breedte]
                elif not any(v.strip(WIT) for v in velden):
                    continue
                elif len(velden) < breedte and b.formaat == "xlsx":
                    velden = velden + [""] * (breedte - len(velden))
                else:
                    if fouten is not None:
                        fouten.append(b.fout(lijn, "regel", f"de regel heeft {len(velden)} kolommen, "
                                                           f"de kopregel {breedte}"))
                    b.regels += 1
                    continue
            waarden = [velden[i].strip(WIT) if i is not None else "" for i in posities]
            if not any(waarden) and not any(v.strip(WIT) for v in velden):
                continue
            b.regels += 1
            yield lijn, waarden
    except Bestandsfout as exc:
        if fouten is not None:
            fouten.append(b.fout(exc.lijn, exc.kolom, exc.reden))


def _csv_rijen(b: Bestand) -> Iterator[tuple[int, list[str]]]:
    with open(b.pad, encoding=b.codering, newline="") as f:
        lezer = csv.reader(f, delimiter=b.scheiding)
        try:
            next(lezer)
            vorige = lezer.line_num
            for velden in lezer:
                yield vorige + 1, velden
                vorige = lezer.line_num
        except csv.Error as exc:
            raise Bestandsfout(lezer.line_num, "regel", f"onleesbare regel: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise Bestandsfout(lezer.line_num, "bestand", "onleesbaar teken in het bestand") from exc


def _xlsx_rijen(b: Bestand, kolommen) -> Iterator[tuple[int, list[str]]]:
    """xlsx rows as strings: real dates become ISO dates, numbers their plain decimal text."""
    datum = {b.posities[k] for k in kolommen if k in DATUMKOLOMMEN and k in b.posities}
    bedrag = {b.posities[k] for k in kolommen if k in BEDRAGKOLOMMEN and k in b.posities}
    try:
        with Werkmap(b.pad) as wm:
            eerste = True
            for nr, cellen in wm.rijen():
                if eerste:
                    eerste = False
                    continue
                uit = []
                for i, v in enumerate(cellen):
                    if type(v) is Getal:
                        uit.append(_xlsx_getal(wm, v, i in datum, i in bedrag))
                    else:
                        uit.append(v)
                yield nr, uit
    except XlsxFout as exc:
        raise Bestandsfout(1, "bestand", f"onleesbaar bestand: {exc}") from exc


def _xlsx_getal(wm: Werkmap, v: str, is_datum: bool, is_bedrag: bool) -> str:
    try:
        d = Decimal(v)
    except InvalidOperation:
        return v
    if not d.is_finite():
        return v
    if is_datum:
        try:
            return wm.datum(v).isoformat()
        except (ValueError, OverflowError):
            return v
    if is_bedrag:
        # Spreadsheets hold binary floats: 1670.87 may arrive as 1670.8699999999999.
        centen = d.quantize(Decimal("0.01"))
        if abs(centen - d) < Decimal("0.000001"):
            d = centen
    if d == d.to_integral_value() and not is_bedrag:
        return str(d.quantize(Decimal(1)))
    return format(d, "f")


# -- Checking and normalising rows, per kind --------------------------------------------------
# The PostgreSQL fast path (uitgaven/grootboek_pg.py) checks facturen with the same rules in SQL;
# keep the two in step.

BEDRAG = re.compile(r"-?[0-9]{1,13}(?:[.,][0-9]{1,2})?")
BEDRAG_NL = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{3}){1,3},[0-9]{1,2}")
BEDRAG_EN = re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3}){1,3}\.[0-9]{1,2}")
DATUM_NL = re.compile(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})")
DATUM_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
JAAR = re.compile(r"[0-9]{4}")
JAAR_MIN, JAAR_MAX = 1900, 2199
POSTCODE4 = re.compile(r"[0-9]{4}")

MAX_LENGTE = {"factuurnummer": 100, "crediteurnummer": 40, "kostenplaats": 40,
              "grootboekrekening": 40, "omschrijving": 500, "naam": 300, "kvk_nummer": 20,
              "postcode": 20, "plaats": 200, "pakketcode": 20, "pakketnaam": 200,
              "categoriecode": 20, "categorienaam": 200, "domein": 200, "regio": 100,
              "inkooppakket": 20}


def parse_bedrag(tekst: str) -> Decimal | None:
    """`-1234,56`, `1234.56`, `1.234,56` or `1,234.56` (at most two decimals); else None."""
    if BEDRAG.fullmatch(tekst):
        return Decimal(tekst.replace(",", "."))
    if BEDRAG_NL.fullmatch(tekst):
        return Decimal(tekst.replace(".", "").replace(",", "."))
    if BEDRAG_EN.fullmatch(tekst):
        return Decimal(tekst.replace(",", ""))
    return None


def verplicht_bedrag(kolom: str, tekst: str, problemen: list[tuple[str, str]], *, voorbeeld: str) -> Decimal | None:
    """A required amount column of an import file: the amount, or None with the problem added
    ("ontbreekt", or why the text is no amount with an example of one)."""
    if not tekst:
        problemen.append((kolom, "ontbreekt"))
        return None
    bedrag = parse_bedrag(tekst)
    if bedrag is None:
        problemen.append((kolom, f"‘{tekst}’ is geen bedrag (bijvoorbeeld {voorbeeld})"))
    return bedrag


def datum_uit_kolom(kolom: str, tekst: str, problemen: list[tuple[str, str]], *,
                    verplicht: bool = True) -> dt.date | None:
    """A date column of an import file: the date, or None with the problem added ("ontbreekt"
    when required and empty, or that the text is no date and which forms are)."""
    if not tekst:
        if verplicht:
            problemen.append((kolom, "ontbreekt"))
        return None
    d = parse_datum(tekst)
    if d is None:
        problemen.append((kolom, f"‘{tekst}’ is geen datum (dd-mm-jjjj of jjjj-mm-dd)"))
    return d


def parse_datum(tekst: str) -> dt.date | None:
    """`dd-mm-jjjj` (also d-m-jjjj) or ISO `jjjj-mm-dd`; None when not a real date."""
    m = DATUM_NL.fullmatch(tekst)
    if m:
        d, mnd, j = int(m[1]), int(m[2]), int(m[3])
    else:
        m = DATUM_ISO.fullmatch(tekst)
        if not m:
            return None
        j, mnd, d = int(m[1]), int(m[2]), int(m[3])
    try:
        return dt.date(j, mnd, d)
    except ValueError:
        return None


def _te_lang(kolom: str, waarde: str) -> str | None:
    maximum = MAX_LENGTE.get(kolom)
    if maximum and len(waarde) > maximum:
        return f"te lang ({len(waarde)} tekens, hoogstens {maximum})"
    return None


def controleer_factuur(w: list[str], crediteuren, kostenplaatsen):
    """(boekjaar, boekdatum, factuurnummer, crediteurnummer, kostenplaats, grootboekrekening,
    omschrijving, bedrag) normalised, and a list of (column, reason) problems."""
    jaar_t, datum_t, factuur, crediteur, kp, gb, oms, bedrag_t = w
    problemen = []
    jaar = None
    if not jaar_t:
        problemen.append(("boekjaar", "ontbreekt"))
    elif not JAAR.fullmatch(jaar_t) or not JAAR_MIN <= int(jaar_t) <= JAAR_MAX:
        problemen.append(("boekjaar", f"‘{jaar_t}’ is geen jaartal"))
    else:
        jaar = int(jaar_t)
    datum = datum_uit_kolom("boekdatum", datum_t, problemen)
    if datum is not None and jaar is not None and datum.year != jaar:
        problemen.append(("boekdatum", f"{datum_t} valt buiten boekjaar {jaar}"))
    if not factuur:
        problemen.append(("factuurnummer", "ontbreekt"))
    if not crediteur:
        problemen.append(("crediteurnummer", "ontbreekt"))
    elif crediteur not in crediteuren:
        problemen.append(("crediteurnummer", f"onbekende crediteur ‘{crediteur}’ (niet in de database "
                                             "en niet in de crediteuren van deze import)"))
    if not kp:
        problemen.append(("kostenplaats", "ontbreekt"))
    elif kp not in kostenplaatsen:
        problemen.append(("kostenplaats", f"onbekende kostenplaats ‘{kp}’ (niet in de database en niet "
                                          "in de kostenplaatsen van deze import)"))
    bedrag = verplicht_bedrag("bedrag_excl_btw", bedrag_t, problemen,
                              voorbeeld="-1234,56 of 1234.56, hoogstens twee decimalen")
    for kolom, waarde in (("factuurnummer", factuur), ("grootboekrekening", gb), ("omschrijving", oms)):
        reden = _te_lang(kolom, waarde)
        if reden:
            problemen.append((kolom, reden))
    return (jaar, datum, factuur, crediteur, kp, gb, oms, bedrag), problemen


def controleer_verplicht(kolommen, w: list[str], verplicht) -> list[tuple[str, str]]:
    problemen = []
    for kolom, waarde in zip(kolommen, w, strict=True):
        if kolom in verplicht and not waarde:
            problemen.append((kolom, "ontbreekt"))
        else:
            reden = _te_lang(kolom, waarde)
            if reden:
                problemen.append((kolom, reden))
    return problemen
