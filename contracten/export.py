"""XLSX export of the contract register: typed cells (numbers, dates) and text that can never
become a formula (CWE-1236, "CSV/formula injection")."""

from datetime import date
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from inkoop.export import FORMULE_TEKENS, zonder_stuurtekens

EURO = '"€" #,##0.00'
DATUM = "dd-mm-yyyy"


def _schrijf(cel, waarde):
    if waarde is None:
        return
    if isinstance(waarde, bool):
        cel.value = "ja" if waarde else "nee"
        cel.data_type = "s"
    elif isinstance(waarde, Decimal | int | float):
        cel.value = waarde
        if isinstance(waarde, Decimal):
            cel.number_format = EURO
    elif isinstance(waarde, date):
        cel.value = waarde
        cel.number_format = DATUM
    else:
        tekst = zonder_stuurtekens(str(waarde))
        cel.value = tekst
        # openpyxl turns every string that starts with "=" into a formula; force a plain string and
        # mark it quote-prefixed so a spreadsheet never evaluates it (OWASP CSV injection).
        cel.data_type = "s"
        if tekst.startswith(FORMULE_TEKENS):
            cel.quotePrefix = True


def werkboek(titel: str, kolommen: list[str], rijen) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = titel[:31]
    for i, kop in enumerate(kolommen, start=1):
        cel = ws.cell(row=1, column=i, value=kop)
        cel.font = Font(bold=True)
    for r, rij in enumerate(rijen, start=2):
        for k, waarde in enumerate(rij, start=1):
            _schrijf(ws.cell(row=r, column=k), waarde)
    for i, kop in enumerate(kolommen, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(50, len(kop) + 4))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    uit = BytesIO()
    wb.save(uit)
    return uit.getvalue()


REGISTER_KOLOMMEN = ["Contractnummer", "Omschrijving", "Crediteurnummer", "Leverancier", "Inkooppakket",
                     "Soort", "Afdeling", "Contracteigenaar", "Waarde (initiële looptijd)", "Waarde opties",
                     "Waarde incl. opties", "Waarde per jaar", "Startdatum", "Einddatum", "Verlengingsopties",
                     "Benut", "Maanden per verlenging", "Uiterste beslisdatum", "Einddatum met alle opties",
                     "Traject", "SROI te realiseren", "SROI gerealiseerd", "SROI nog te realiseren"]


def register_rijen(contracten):
    for c in contracten:
        te = c.sroi_te_realiseren
        yield [c.nummer, c.omschrijving, c.crediteur.nummer if c.crediteur_id else None, c.leverancier,
               str(c.inkooppakket) if c.inkooppakket_id else None, c.get_soort_display(), c.afdeling or None,
               str(c.eigenaar) if c.eigenaar_id else None, c.waarde_totaal, c.waarde_opties, c.waarde_incl_opties,
               c.waarde_per_jaar, c.startdatum, c.einddatum, c.verlengingen_aantal, c.verlengingen_benut,
               c.verlenging_maanden, c.beslisdatum, c.einddatum_uiterlijk,
               c.traject.nummer if c.traject_id else None, te, c.sroi_gerealiseerd if te is not None else None,
               (te - c.sroi_gerealiseerd) if te is not None else None]
