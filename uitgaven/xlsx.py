"""A streaming reader for the first sheet of an .xlsx file, with bounded memory and no XML tricks.

Why not openpyxl's read-only mode: it reads ~13.000 rows/s here, this reader ~50.000, and the
import of a ledger of a million lines should not wait on cell objects it does not need.

Safety, in this order, before any XML is parsed:
- the ZIP directory is checked: number of entries, declared uncompressed size per entry and in
  total, and the compression ratio per entry (zip bombs). Python's zipfile never inflates an entry
  beyond its declared size (it stops and fails the CRC), so the declared sizes bound the work;
- every XML part is parsed with DTDs, entity declarations and external references forbidden
  (defusedxml for the small parts; the same three guards installed on expat for the streamed
  sheet and shared strings, which defusedxml's tree builders would hold in memory at once).

Values come back as strings. A numeric cell is a `Getal` (a str subclass) so that the caller can
tell 45656 the serial date from "45656" the text.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import xml.parsers.expat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

# Limits: an xlsx of a million ledger lines holds ~12 entries and a sheet of ~200 MB.
MAX_ENTRIES = 1000
MAX_ENTRY_BYTES = 2 * 1024**3
MAX_TOTAL_BYTES = 3 * 1024**3
MAX_RATIO = 200  # uncompressed / compressed per entry; spreadsheets stay far below this
RATIO_VANAF = 1024 * 1024  # tiny entries may compress extremely well without being a bomb
# Limits on what the parsed sheet may hold, so that memory stays bounded whatever the XML says
# (a 3 kB file with one cell at column AAAAAA would otherwise pad a row to 12 million cells).
MAX_KOLOMMEN = 16_384  # Excel's own last column, XFD (ECMA-376 §18.3.1.4, Excel specifications)
MAX_CEL_TEKENS = 32_767  # Excel's maximum length of a cell's text
MAX_RIJ_TEKENS = 4_000_000  # all cells of one row together
# Rows parsed from one 256 kB chunk of XML wait in a buffer; dense data fills at most ~65.000
# cells there, so more means padding of sparse cells (far columns), which costs memory only.
MAX_CELLEN_IN_BUFFER = 1_000_000
MAX_GEDEELD_AANTAL = 4_000_000  # shared strings: a million ledger lines hold ~3 million
MAX_GEDEELD_TEKENS = 100_000_000  # shared strings: total characters (~40 per ledger line)

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


class XlsxFout(ValueError):
    """The file is not a readable, safe xlsx workbook; the message is a Dutch sentence."""


class Getal(str):
    """The text of a numeric cell (e.g. "1670.87", "45656")."""

    __slots__ = ()


@dataclass
class Cel:
    kolom: int
    waarde: str


def _controleer_zip(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise XlsxFout(f"het xlsx-bestand bevat {len(infos)} onderdelen (meer dan {MAX_ENTRIES}).")
    totaal = 0
    for info in infos:
        if info.file_size > MAX_ENTRY_BYTES:
            raise XlsxFout(f"onderdeel {info.filename} is uitgepakt te groot ({info.file_size} bytes).")
        totaal += info.file_size
        if info.file_size > RATIO_VANAF and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise XlsxFout(f"onderdeel {info.filename} is verdacht sterk gecomprimeerd "
                           f"(factor {info.file_size // max(info.compress_size, 1)}); mogelijk een zip-bom.")
    if totaal > MAX_TOTAL_BYTES:
        raise XlsxFout(f"het xlsx-bestand is uitgepakt te groot ({totaal} bytes).")


def _lees_klein(zf: zipfile.ZipFile, naam: str):
    try:
        data = zf.read(naam)
    except KeyError:
        return None
    return fromstring(data, forbid_dtd=True)


def _verboden_doctype(*args):
    raise DTDForbidden(*(list(args) + [None] * 4)[:3])


def _verboden_entity(name, *args):
    raise EntitiesForbidden(name, None, None, None, None, None)


def _verboden_extern(context, base, sysid, pubid):
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


def _veilige_expat():
    """An expat parser with the guards of defusedxml (no DTD, no entities, nothing external)."""
    p = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    p.StartDoctypeDeclHandler = _verboden_doctype
    p.EntityDeclHandler = _verboden_entity
    p.UnparsedEntityDeclHandler = _verboden_entity
    p.ExternalEntityRefHandler = _verboden_extern
    p.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    p.buffer_text = True
    p.buffer_size = 1 << 16
    return p


def _kolomnummer(ref: str) -> int:
    """"AB12" -> 27 (0-based column index); beyond Excel's last column (XFD) an XlsxFout."""
    n = 0
    for ch in ref:
        o = ord(ch)
        if 65 <= o <= 90:
            n = n * 26 + (o - 64)
        elif 97 <= o <= 122:
            n = n * 26 + (o - 96)
        else:
            break
        if n > MAX_KOLOMMEN:
            raise XlsxFout(f"cel {ref[:20]} ligt voorbij de laatste kolom die Excel kent (XFD); "
                           "het bestand is geen gewone spreadsheet.")
    return n - 1


class Werkmap:
    """The first sheet of an xlsx workbook, read as a stream of rows."""

    def __init__(self, pad):
        try:
            self.zf = zipfile.ZipFile(pad)
        except (zipfile.BadZipFile, OSError) as exc:
            raise XlsxFout(f"geen geldig xlsx-bestand ({exc}).") from exc
        try:
            _controleer_zip(self.zf)
            self.blad = self._eerste_blad()
            self.datum1904 = self._datum1904
            self.gedeeld = self._gedeelde_teksten()
        except XlsxFout:
            self.zf.close()
            raise
        except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as exc:
            self.zf.close()
            raise XlsxFout("het xlsx-bestand bevat verboden XML-constructies (DTD of entities).") from exc
        except Exception as exc:  # noqa: BLE001 - any parse problem is "unreadable" to the user
            self.zf.close()
            raise XlsxFout(f"het xlsx-bestand is niet te lezen ({exc.__class__.__name__}: {exc}).") from exc

    def close(self):
        self.zf.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _eerste_blad(self) -> str:
        wb = _lees_klein(self.zf, "xl/workbook.xml")
        if wb is None:
            raise XlsxFout("het xlsx-bestand heeft geen werkmap (xl/workbook.xml ontbreekt).")
        pr = wb.find(f"{{{NS_MAIN}}}workbookPr")
        self._datum1904 = pr is not None and pr.get("date1904") in ("1", "true")
        blad = wb.find(f"{{{NS_MAIN}}}sheets/{{{NS_MAIN}}}sheet")
        if blad is None:
            raise XlsxFout("de werkmap bevat geen werkblad.")
        rid = blad.get(f"{{{NS_REL}}}id")
        rels = _lees_klein(self.zf, "xl/_rels/workbook.xml.rels")
        doel = None
        if rels is not None and rid:
            for rel in rels.findall(f"{{{NS_PKG_REL}}}Relationship"):
                if rel.get("Id") == rid:
                    doel = rel.get("Target")
        if not doel:
            doel = "worksheets/sheet1.xml"
        pad = doel.lstrip("/") if doel.startswith("/") else posixpath.normpath(posixpath.join("xl", doel))
        if pad not in self.zf.namelist():
            raise XlsxFout(f"het eerste werkblad ({pad}) ontbreekt in het bestand.")
        return pad

    def _gedeelde_teksten(self) -> list[str]:
        """xl/sharedStrings.xml as a list; rich text runs are joined, phonetic runs skipped."""
        naam = next((n for n in self.zf.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
        if naam is None:
            return []
        teksten: list[str] = []
        buf: list[str] = []
        staat = {"in_t": False, "rph": 0, "tekens": 0}
        si, t, rph = f"{NS_MAIN} si", f"{NS_MAIN} t", f"{NS_MAIN} rPh"

        def start(name, attrs):
            if name == t:
                staat["in_t"] = staat["rph"] == 0
            elif name == rph:
                staat["rph"] += 1
            elif name == si:
                buf.clear()

        def end(name):
            if name == t:
                staat["in_t"] = False
            elif name == rph:
                staat["rph"] -= 1
            elif name == si:
                teksten.append("".join(buf))
                if len(teksten) > MAX_GEDEELD_AANTAL:
                    raise XlsxFout(f"het bestand bevat meer dan {MAX_GEDEELD_AANTAL:,} gedeelde teksten "
                                   "(sharedStrings); splits het bestand.".replace(",", "."))

        def tekst(data):
            if staat["in_t"]:
                buf.append(data)
                staat["tekens"] += len(data)
                if staat["tekens"] > MAX_GEDEELD_TEKENS:
                    raise XlsxFout(f"de gedeelde teksten (sharedStrings) van het bestand zijn samen langer dan "
                                   f"{MAX_GEDEELD_TEKENS // 1_000_000} miljoen tekens; splits het bestand.")

        p = _veilige_expat()
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, tekst
        with self.zf.open(naam) as f:
            p.ParseFile(f)
        return teksten

    def datum(self, serieel: str) -> dt.date:
        """An Excel serial date (1900 or 1904 system) as a date."""
        dagen = float(serieel)
        if self.datum1904:
            return dt.date(1904, 1, 1) + dt.timedelta(days=int(dagen))
        # 1900 system: day 60 is the non-existent 29-02-1900, so count from 30-12-1899.
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(dagen))

    def rijen(self) -> Iterator[tuple[int, list[str]]]:
        """Yield (row number, values by column) for every non-empty row of the first sheet.

        Parsing is pushed through expat in chunks of 256 kB, so memory stays bounded.
        """
        klaar: list[tuple[int, list[str]]] = []
        rij: list[str] = []
        staat = {"nr": 0, "kol": 0, "type": "", "in_v": False, "buf": [], "tekens": 0, "rij_tekens": 0,
                 "gebufferd": 0}
        gedeeld = self.gedeeld
        c_tag, v_tag, t_tag, row_tag = (f"{NS_MAIN} c", f"{NS_MAIN} v", f"{NS_MAIN} t", f"{NS_MAIN} row")
        is_tag = f"{NS_MAIN} is"

        def start(name, attrs):
            if name == c_tag:
                ref = attrs.get("r")
                staat["kol"] = _kolomnummer(ref) if ref else len(rij)
                if staat["kol"] >= MAX_KOLOMMEN:
                    raise XlsxFout(f"rij {staat['nr']} heeft meer dan {MAX_KOLOMMEN} cellen.")
                staat["type"] = attrs.get("t", "n")
                staat["buf"] = []
                staat["tekens"] = 0
            elif name in (v_tag, t_tag):
                staat["in_v"] = True
            elif name == row_tag:
                rij.clear()
                staat["rij_tekens"] = 0
                r = attrs.get("r")
                staat["nr"] = int(r) if r and r.isdigit() and len(r) <= 9 else staat["nr"] + 1
            elif name == is_tag:
                staat["buf"] = []
                staat["tekens"] = 0

        def end(name):
            if name == c_tag:
                tekst = "".join(staat["buf"])
                soort = staat["type"]
                if soort == "s":
                    try:
                        waarde = gedeeld[int(tekst)]
                    except (ValueError, IndexError):
                        waarde = ""
                elif soort in ("inlineStr", "str", "e"):
                    waarde = tekst
                elif soort == "b":
                    waarde = "WAAR" if tekst == "1" else "ONWAAR"
                else:
                    waarde = Getal(tekst) if tekst else ""
                staat["rij_tekens"] += len(waarde)
                if staat["rij_tekens"] > MAX_RIJ_TEKENS:
                    raise XlsxFout(f"rij {staat['nr']} is langer dan {MAX_RIJ_TEKENS // 1_000_000} miljoen tekens.")
                kol = staat["kol"]
                if kol == len(rij):
                    rij.append(waarde)
                elif kol > len(rij):
                    rij.extend([""] * (kol - len(rij)))
                    rij.append(waarde)
                elif kol >= 0:
                    rij[kol] = waarde
            elif name in (v_tag, t_tag):
                staat["in_v"] = False
            elif name == row_tag and any(rij):
                staat["gebufferd"] += len(rij)
                if staat["gebufferd"] > MAX_CELLEN_IN_BUFFER:
                    raise XlsxFout(f"het werkblad heeft rond rij {staat['nr']} te veel lege cellen tussen de "
                                   "gegevens (waarden in verre kolommen); bewaar alleen de kolommen van het "
                                   "bestand.")
                klaar.append((staat["nr"], list(rij)))

        def tekst(data):
            if staat["in_v"]:
                staat["buf"].append(data)
                staat["tekens"] += len(data)
                if staat["tekens"] > MAX_CEL_TEKENS:
                    raise XlsxFout(f"een cel in rij {staat['nr']} is langer dan {MAX_CEL_TEKENS} tekens, "
                                   "meer dan Excel in een cel toestaat.")

        p = _veilige_expat()
        p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler = start, end, tekst
        try:
            with self.zf.open(self.blad) as f:
                while True:
                    data = f.read(1 << 18)
                    p.Parse(data, not data)
                    if klaar:
                        yield from klaar
                        klaar.clear()
                    staat["gebufferd"] = 0
                    if not data:
                        break
        except (DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden) as exc:
            raise XlsxFout("het werkblad bevat verboden XML-constructies (DTD of entities).") from exc
        except (xml.parsers.expat.ExpatError, zipfile.BadZipFile, OSError, EOFError) as exc:
            raise XlsxFout(f"het werkblad is niet te lezen ({exc}).") from exc
