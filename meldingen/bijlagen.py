"""Checking attachments by their content, not only by their name.

A budget holder attaches a specification, a quote or a spreadsheet. We accept the formats
people actually use (pdf, docx, xlsx, odt, ods, png, jpg, txt, csv) up to MAX_BYTES, and we look
at the first bytes (and for the zip-based office formats at the zip's table of contents) to see
that the file is what its extension says. A renamed .exe, a macro document (.docm saved as
.docx) or a zip with something else inside is refused with a sentence that says why.
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings

MAX_BYTES = getattr(settings, "MELDING_BIJLAGE_MAX_BYTES", 10 * 1024 * 1024)
MAX_AANTAL = 20

INHOUDSTYPEN = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
EXTENSIES = {"jpeg": "jpg", **{e: e for e in INHOUDSTYPEN}}
OMSCHRIJVING = "pdf, docx, xlsx, odt, ods, png, jpg, txt of csv"


class OngeldigeBijlage(ValueError):
    """Raised with a Dutch sentence naming the file and what is wrong with it."""


@dataclass(frozen=True)
class Gecontroleerd:
    soort: str  # the canonical extension
    inhoudstype: str
    grootte: int


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _zip_inhoud(bestand) -> tuple[list[str], bytes]:
    bestand.seek(0)
    try:
        with zipfile.ZipFile(bestand) as z:
            namen = z.namelist()
            mimetype = z.read("mimetype")[:100] if "mimetype" in namen else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
        return [], b""
    finally:
        bestand.seek(0)
    return namen, mimetype


def _is_tekst(kop: bytes) -> bool:
    if b"\x00" in kop:
        return False
    try:
        tekst = kop.decode("utf-8")
    except UnicodeDecodeError as fout:
        # A multi-byte character cut off at the end of the sample is fine; elsewhere try
        # Windows-1252, the other encoding Dutch office software writes.
        if fout.start >= len(kop) - 3:
            tekst = kop[: fout.start].decode("utf-8")
        else:
            try:
                tekst = kop.decode("cp1252")
            except UnicodeDecodeError:
                return False
    stuurtekens = sum(1 for c in tekst if ord(c) < 32 and c not in "\t\r\n\f")
    return stuurtekens == 0


def _past(soort: str, kop: bytes, bestand) -> bool:
    if soort == "pdf":
        return kop.startswith(b"%PDF-")
    if soort == "png":
        return kop.startswith(b"\x89PNG\r\n\x1a\n")
    if soort == "jpg":
        return kop.startswith(b"\xff\xd8\xff")
    if soort in ("txt", "csv"):
        return _is_tekst(kop)
    if not kop.startswith(b"PK\x03\x04"):
        return False
    namen, mimetype = _zip_inhoud(bestand)
    if soort in ("docx", "xlsx"):
        if "[Content_Types].xml" not in namen or any(n.lower().endswith("vbaproject.bin") for n in namen):
            return False
        deel = "word/document.xml" if soort == "docx" else "xl/workbook.xml"
        return deel in namen
    return mimetype == INHOUDSTYPEN[soort].encode()  # odt, ods: the first zip entry says what it is


def controleer_bijlage(bestand) -> Gecontroleerd:
    """Check an uploaded file (Django UploadedFile); raise OngeldigeBijlage with the reason."""
    naam = bestand.name or "bestand"
    extensie = naam.rsplit(".", 1)[-1].lower() if "." in naam else ""
    soort = EXTENSIES.get(extensie)
    if soort is None:
        raise OngeldigeBijlage(f"‘{naam}’: dit bestandstype kan niet als bijlage. Toegestaan zijn {OMSCHRIJVING}.")
    if bestand.size == 0:
        raise OngeldigeBijlage(f"‘{naam}’ is leeg.")
    if bestand.size > MAX_BYTES:
        raise OngeldigeBijlage(f"‘{naam}’ is te groot ({bestand.size / 1024 / 1024:.1f} MB); "
                               f"een bijlage mag hoogstens {_mb(MAX_BYTES)} zijn.")
    bestand.seek(0)
    kop = bestand.read(8192)
    bestand.seek(0)
    if not _past(soort, kop, bestand):
        raise OngeldigeBijlage(f"‘{naam}’ heeft de extensie .{extensie}, maar de inhoud is geen "
                               f"{soort}-bestand. Sla het bestand opnieuw op als {soort} "
                               "(bestanden met macro's kunnen niet).")
    return Gecontroleerd(soort, INHOUDSTYPEN[soort], bestand.size)
