"""All tables of the report as one XLSX workbook: typed cells, formula-injection-safe text.

Amounts are numbers with a euro format (exact to the cent, so a controller can re-add them),
percentages are fractions with a percent format, counts are integers. Text that a spreadsheet
would read as a formula (starting with = + - @, tab or carriage return; OWASP "CSV injection")
gets a leading apostrophe, so a crediteur or category name can never run as a formula.
"""

from __future__ import annotations

import io
from decimal import Decimal

from inkoop.export import ontwapen

from .selectors import Jaarverslaggegevens, als_json

EURO = '"€" #,##0.00;"€" -#,##0.00'
PROCENT = "0%"
GETAL = "#,##0"
veilige_tekst = ontwapen


class _Blad:
    def __init__(self, wb, titel: str, koppen: list[str]):
        from openpyxl.styles import Font, PatternFill

        self.ws = wb.create_sheet(title=titel[:31])
        self.ws.append([veilige_tekst(k) for k in koppen])
        for cel in self.ws[1]:
            cel.font = Font(bold=True, color="FFFFFF")
            cel.fill = PatternFill("solid", fgColor="1F4E79")
        self.ws.freeze_panes = "A2"
        self.breedtes = [len(k) for k in koppen]

    def rij(self, *cellen):
        """Each cell: a str, an int, or a tuple (value, kind) with kind euro/pct/getal."""
        waarden, formaten = [], []
        for cel in cellen:
            soort = None
            if isinstance(cel, tuple):
                cel, soort = cel
            if isinstance(cel, str):
                cel = veilige_tekst(cel)
            elif soort == "pct" and cel is not None:
                cel = float(Decimal(cel) / 100)  # a fraction shown as 17%
            elif soort == "euro" and cel is not None:
                cel = Decimal(cel)
            waarden.append(cel)
            formaten.append({"euro": EURO, "pct": PROCENT, "getal": GETAL}.get(soort))
        self.ws.append(waarden)
        r = self.ws.max_row
        for i, (waarde, formaat) in enumerate(zip(waarden, formaten, strict=True), start=1):
            if formaat and waarde is not None:
                self.ws.cell(row=r, column=i).number_format = formaat
            self.breedtes[i - 1] = max(self.breedtes[i - 1] if i - 1 < len(self.breedtes) else 0,
                                       min(60, len(str(waarde)) + 2 if waarde is not None else 0))

    def klaar(self):
        from openpyxl.utils import get_column_letter

        for i, breedte in enumerate(self.breedtes, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = max(10, breedte + 2)


def als_xlsx(g: Jaarverslaggegevens) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title = f"Inkoopjaarverslag {g.jaar} – {g.organisatie}"
    wb.properties.creator = "inkoop"

    b = _Blad(wb, "Inkoopvolume", ["Jaar", "Inkoopvolume", "Ontwikkeling in €", "Ontwikkeling in %"])
    for v in g.inkoopvolume:
        b.rij(v.jaar, (v.bedrag, "euro"), (v.ontwikkeling_euro, "euro"), (v.ontwikkeling_pct, "pct"))
    b.klaar()

    b = _Blad(wb, "Domeinen", ["Domein", f"Inkoopvolume {g.jaar}", f"Aandeel {g.jaar}",
                               f"Inkoopvolume {g.jaar - 1}", f"Aandeel {g.jaar - 1}"])
    for d in g.domeinen:
        b.rij(d.domein, (d.bedrag, "euro"), (d.pct, "pct"), (d.bedrag_vorig_jaar, "euro"), (d.pct_vorig_jaar, "pct"))
    b.klaar()

    b = _Blad(wb, "Inkoopcategorieën", ["Code", "Inkoopcategorie", str(g.jaar - 1), str(g.jaar),
                                        "Ontwikkeling in €", "Ontwikkeling in %"])
    for c in g.categorieen:
        b.rij(c.code or "", c.naam, (c.vorig_jaar, "euro"), (c.bedrag, "euro"), (c.ontwikkeling_euro, "euro"),
              (c.ontwikkeling_pct, "pct"))
    b.klaar()

    b = _Blad(wb, "Regio", ["Regio", "Inkoopvolume", "als %", "Aantal leveranciers", "als %"])
    for r in g.regio:
        b.rij(r.regio, (r.bedrag, "euro"), (r.pct, "pct"), (r.leveranciers, "getal"), (r.leveranciers_pct, "pct"))
    b.klaar()

    lr = g.lokaal_en_regionaal
    b = _Blad(wb, "Lokaal en regionaal", ["Maatstaf", str(g.jaar - 1), str(g.jaar)])
    b.rij("Inkoopvolume lokaal en regionaal", (lr.bedrag_vorig_jaar, "euro"), (lr.bedrag, "euro"))
    b.rij("Aandeel in het totale inkoopvolume", (lr.pct_vorig_jaar, "pct"), (lr.pct, "pct"))
    b.rij("Toename t.o.v. voorgaand jaar", None, (lr.toename, "euro"))
    b.klaar()

    j = als_json(g)
    a = j["afdeling_inkoop"]
    b = _Blad(wb, "Afdeling Inkoop", ["Kengetal", "Waarde"])
    for sleutel, label in [("inkoopmeldingen", f"Inkoopmeldingen ({g.afdeling_inkoop.meldgrens})"),
                           ("inkoopmeldingen_vorig_jaar", f"Inkoopmeldingen {g.jaar - 1}"),
                           ("inkoopmeldingen_groei_pct", "Groei inkoopmeldingen (%)"),
                           ("procedures_begeleid", "Procedures begeleid"),
                           ("afgerond_meervoudig_onderhands", "Afgerond: meervoudig onderhands"),
                           ("afgerond_europees", "Afgerond: Europees")]:
        b.rij(label, (a.get(sleutel), "getal"))
    if g.prestaties is not None:
        p = g.prestaties
        b.rij("Doorlooptijd melding tot advies, mediaan (dagen)", (p.doorlooptijd_mediaan_dagen, None))
        b.rij("Doorlooptijd melding tot advies, 90e percentiel (dagen)", (p.doorlooptijd_p90_dagen, None))
        b.rij(f"Tijdig gemeld (≥ {p.tijdig_weken} weken vóór start)", (p.tijdig_pct, "pct"))
        b.rij("Uitgebracht advies wijkt af van berekend advies", (p.afwijkend_pct, "pct"))
    b.klaar()
    if g.prestaties is not None and g.prestaties.afwijkingen:
        b = _Blad(wb, "Afwijkende adviezen", ["Melding", "Berekend", "Uitgebracht", "Motivering"])
        for af in g.prestaties.afwijkingen:
            b.rij(af.melding, af.berekend, af.uitgebracht, af.reden)
        b.klaar()

    mvoi = j.get("mvoi") or {}
    b = _Blad(wb, "MVOI", ["Thema", "Aantal", "% aantal", "% volume", "Minimumeis", "Gunningscriterium",
                           "Contractvoorwaarde"])
    if mvoi:
        b.rij("Alle afgeronde aanbestedingen", (mvoi.get("afgeronde_aanbestedingen"), "getal"),
              (_exact(g.mvoi, "pct_met_thema_aantal"), "pct"), (_exact(g.mvoi, "pct_met_thema_volume"), "pct"))
        for t in g.mvoi.get("per_thema", []):
            b.rij(str(t.get("thema")), (t.get("aantal"), "getal"), (t.get("pct_aantal"), "pct"),
                  (t.get("pct_volume"), "pct"), (t.get("als_minimumeis"), "getal"),
                  (t.get("als_gunningscriterium"), "getal"), (t.get("als_contractvoorwaarde"), "getal"))
    b.klaar()

    b = _Blad(wb, "SROI", ["Maatstaf", str(g.jaar - 1), str(g.jaar)])
    if g.sroi.get("jaar"):
        nu, toen = g.sroi["jaar"], g.sroi.get("vorig_jaar", {})
        for sleutel, label, soort in [("inkoopwaarde_met_sroi", "Inkoopwaarde totaal met SROI-verplichting", "euro"),
                                      ("gemiddeld_pct", "Gemiddeld SROI-percentage", "pct"),
                                      ("te_realiseren", "Te realiseren SROI-waarde", "euro"),
                                      ("gerealiseerd", "Gerealiseerde SROI-waarde", "euro"),
                                      ("nog_te_realiseren", "Nog te realiseren SROI-waarde", "euro"),
                                      ("sociale_ondernemingen", "Inkoop bij sociale ondernemingen", "euro")]:
            b.rij(label, (toen.get(sleutel), soort), (nu.get(sleutel), soort))
        k = g.sroi.get("kandidaten") or {}
        b.rij("Geplaatste kandidaten", (k.get("geplaatst_vorig_jaar"), "getal"), (k.get("geplaatst"), "getal"))
        b.rij("Waarvan uit de eigen gemeente", (k.get("uit_gemeente_vorig_jaar"), "getal"),
              (k.get("uit_gemeente"), "getal"))
    b.klaar()

    b = _Blad(wb, "Integriteit", ["Maatstaf", str(g.jaar)])
    b.rij("Werkpakt keurmerkhouders", (g.werkpakt_keurmerkhouders, "getal"))
    for sleutel, label in [("klachten", "Klachten over integriteit"), ("bibob_onderzoeken", "Bibob-onderzoeken"),
                           ("bibob_adviezen_lbb", "Adviezen Landelijk Bureau Bibob")]:
        b.rij(label, (g.integriteit.get(sleutel), "getal"))
    b.klaar()

    if g.signalen and g.signalen.get("per_soort"):
        b = _Blad(wb, "Signalen", ["Soort", "Aantal", "Bedrag", "Terecht", "Onterecht", "Open"])
        for s in g.signalen["per_soort"]:
            b.rij(str(s.get("label") or s.get("soort")), (s.get("aantal"), "getal"), (s.get("bedrag"), "euro"),
                  (s.get("terecht"), "getal"), (s.get("onterecht"), "getal"), (s.get("open"), "getal"))
        b.klaar()

    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _exact(sectie: dict, sleutel: str):
    return sectie.get(sleutel) if sectie else None
