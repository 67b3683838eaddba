"""CSV and XLSX downloads of the spend tables.

Amounts stay numbers (so a spreadsheet can add them up); text that a spreadsheet would read as a
formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP,
"CSV injection"): a supplier called "=HYPERLINK(...)" must not become a link in the controller's Excel.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from inkoop.export import ontwapen  # noqa: F401 - the one rule, re-exported for this module's callers


@dataclass(frozen=True)
class Kolom:
    titel: str
    soort: str = "tekst"  # tekst, bedrag, procent, getal, datum


def _csv_waarde(waarde, soort: str) -> str:
    if waarde is None:
        return ""
    if soort in ("bedrag", "procent") and isinstance(waarde, (Decimal, int, float)):
        # Dutch spreadsheets read `;`-separated files with a decimal comma.
        return f"{Decimal(waarde).quantize(Decimal('0.01'))}".replace(".", ",")
    if soort == "getal":
        return str(waarde)
    if isinstance(waarde, date):
        return waarde.strftime("%d-%m-%Y")
    return ontwapen(str(waarde))


def csv_regels(kolommen: list[Kolom], rijen: Iterable[list]) -> Iterable[str]:
    """The table as CSV text, line by line (for a streaming response): `;`, UTF-8 with BOM."""
    buf = io.StringIO()
    schrijver = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([ontwapen(k.titel) for k in kolommen])
    yield "\ufeff" + buf.getvalue()
    for rij in rijen:
        buf.seek(0)
        buf.truncate()
        schrijver.writerow([_csv_waarde(w, k.soort) for w, k in zip(rij, kolommen, strict=True)])
        yield buf.getvalue()


FORMATEN = {"bedrag": "#,##0.00", "procent": "0.0", "getal": "0", "datum": "DD-MM-YYYY"}


def xlsx_bestand(titel: str, kolommen: list[Kolom], rijen: Iterable[list]):
    """The table as an xlsx workbook in a temporary file (write-only: bounded memory)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=ontwapen(titel)[:31].replace("'", "") or "Tabel")
    kop = []
    for k in kolommen:
        c = WriteOnlyCell(ws, value=ontwapen(k.titel))
        c.font = Font(bold=True)
        kop.append(c)
    ws.append(kop)
    for rij in rijen:
        cellen = []
        for waarde, k in zip(rij, kolommen, strict=True):
            if waarde is None:
                cellen.append(None)
            elif k.soort in FORMATEN and not isinstance(waarde, str):
                c = WriteOnlyCell(ws, value=float(waarde) if isinstance(waarde, Decimal) else waarde)
                c.number_format = FORMATEN[k.soort]
                cellen.append(c)
            else:
                c = WriteOnlyCell(ws, value=ontwapen(str(waarde)))
                c.data_type = "s"  # text, never a formula
                cellen.append(c)
        ws.append(cellen)
    bestand = tempfile.TemporaryFile()  # noqa: SIM115 - handed to FileResponse, which closes it
    wb.save(bestand)
    bestand.seek(0)
    return bestand
