"""CSV and XLSX downloads of the signaleringslijst and the steekproef.

Text cells that a spreadsheet would read as a formula (starting with = + - @ or a tab/CR) get a
leading apostrophe (OWASP "CSV injection"): a crediteur name or a note typed by someone else must
never run as a formula on the accountant's machine. Amounts and dates are written by us, as
numbers and dates, and are not touched.
"""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse

from inkoop.export import bijlage_kop
from inkoop.export import ontwapen as veilig


def _csv_cel(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        return f"{waarde:.2f}".replace(".", ",")  # Dutch Excel reads a decimal comma
    if isinstance(waarde, datetime):
        return waarde.strftime("%d-%m-%Y %H:%M")
    if isinstance(waarde, date):
        return waarde.strftime("%d-%m-%Y")
    return str(veilig(waarde) if isinstance(waarde, str) else waarde)


def csv_antwoord(bestandsnaam: str, koppen: list[str], rijen) -> HttpResponse:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([veilig(k) for k in koppen])
    for rij in rijen:
        schrijver.writerow([_csv_cel(w) for w in rij])
    # UTF-8 with BOM: Excel then reads the accents right.
    antwoord = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = bijlage_kop(f"{bestandsnaam}.csv")
    return antwoord


def xlsx_antwoord(bestandsnaam: str, titel: str, koppen: list[str], rijen, toelichting: list[str] = ()) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = titel[:31]
    for regel in toelichting:
        ws.append([veilig(regel)])
    if toelichting:
        ws.append([])
    ws.append([veilig(k) for k in koppen])
    for cel in ws[ws.max_row]:
        cel.font = Font(bold=True)
    kopregel = ws.max_row
    for rij in rijen:
        cellen = []
        for w in rij:
            if isinstance(w, datetime):
                w = w.replace(tzinfo=None)
            cellen.append(veilig(w) if isinstance(w, str) else w)
        ws.append(cellen)
        for cel, w in zip(ws[ws.max_row], rij, strict=False):
            if isinstance(w, Decimal):
                cel.number_format = "#,##0.00"
            elif isinstance(w, datetime):
                cel.number_format = "dd-mm-yyyy hh:mm"
            elif isinstance(w, date):
                cel.number_format = "dd-mm-yyyy"
    ws.freeze_panes = ws.cell(row=kopregel + 1, column=1)
    for kolom in ws.columns:
        breedte = max((len(str(c.value)) for c in kolom[kopregel - 1:] if c.value is not None), default=8)
        ws.column_dimensions[kolom[0].column_letter].width = min(max(10, breedte + 2), 60)
    buffer = io.BytesIO()
    wb.save(buffer)
    antwoord = HttpResponse(buffer.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    antwoord["Content-Disposition"] = bijlage_kop(f"{bestandsnaam}.xlsx")
    return antwoord
