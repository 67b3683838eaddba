"""Rendering the report: HTML page, PDF (WeasyPrint) and the sentences that read the figures.

Views and the generation task call these; the figures come from `selectors.jaarverslag_gegevens`.
"""

from __future__ import annotations

import time
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone

from contracten.selectors import MVOI_TOEGEPAST_ALS
from inkoop.formatting import MAANDEN, getal, procent, rond_af

from . import grafieken
from .models import Hoofdstuk
from .selectors import EINDTOTAAL, Jaarverslaggegevens, als_json, jaarverslag_gegevens
from .teksten import teksten_voor

MILJOEN = Decimal(1_000_000)

def miljoen(bedrag, decimalen: int = 0) -> str:
    """`€ 361 miljoen` / `€ 193,6 miljoen` (the seed report's wording)."""
    if bedrag is None:
        return "-"
    return f"€\u00a0{getal(Decimal(bedrag) / MILJOEN, decimalen)} miljoen"


def _richting(verschil, stijging="een stijging", daling="een daling") -> str:
    return stijging if verschil >= 0 else daling


def kernpunten(g: Jaarverslaggegevens) -> dict[str, list[str]]:
    """Sentences that state the chapter's main figures, written from the data (Dutch)."""
    k: dict[str, list[str]] = {h: [] for h in Hoofdstuk.values}
    vorig = g.jaar - 1
    zinnen = k[Hoofdstuk.KENGETALLEN]
    zinnen.append(f"De inkopen van {g.organisatie} over {g.jaar} bedragen {miljoen(g.totaal)}.")
    laatste = g.inkoopvolume[-1] if g.inkoopvolume else None
    if laatste and laatste.ontwikkeling_euro is not None:
        zinnen.append(
            f"Dat is {_richting(laatste.ontwikkeling_euro)} van {miljoen(abs(laatste.ontwikkeling_euro))} "
            f"({procent(abs(laatste.ontwikkeling_pct)) if laatste.ontwikkeling_pct is not None else '-'}) "
            f"ten opzichte van {vorig}.")
    if g.domeinen:
        d = g.domeinen[0]
        zin = (f"{d.domein} is met een inkoopvolume van {miljoen(d.bedrag, 1)} verantwoordelijk voor "
               f"{procent(d.pct)} van de totale inkopen")
        if d.pct_vorig_jaar is not None:
            zin += f" ({procent(d.pct_vorig_jaar)} in {vorig})"
        zinnen.append(zin + ".")
    nnb = g.nog_niet_beoordeeld
    if nnb and nnb.bedrag:
        zinnen.append(f"Bij leveranciers zonder inkooppakket (nog niet beoordeeld) is {miljoen(nnb.bedrag, 1)} "
                      f"ingekocht.")
    a = g.afdeling_inkoop
    if a.inkoopmeldingen is not None:
        zin = (f"In {g.jaar} heeft afdeling Inkoop {getal(a.inkoopmeldingen)} inkoopmeldingen ontvangen "
               f"voor inkopen met een waarde {a.meldgrens}")
        if a.inkoopmeldingen_groei_pct is not None:
            zin += (f" ({_richting(a.inkoopmeldingen_groei_pct)} van "
                    f"{procent(abs(a.inkoopmeldingen_groei_pct))} ten opzichte van {vorig})")
        zinnen.append(zin + ".")
    if a.procedures_begeleid is not None:
        zin = f"In totaal zijn in {g.jaar} {getal(a.procedures_begeleid)} procedures begeleid door afdeling Inkoop"
        if a.afgerond_meervoudig_onderhands is not None and a.afgerond_europees is not None:
            zin += (f"; daarvan zijn {getal(a.afgerond_meervoudig_onderhands)} meervoudig onderhandse "
                    f"offerteaanvragen en {getal(a.afgerond_europees)} Europese aanbestedingen afgerond")
        zinnen.append(zin + ".")

    lr = g.lokaal_en_regionaal
    if g.totaal:
        zinnen = k[Hoofdstuk.ECONOMIE]
        zinnen.append(f"{procent(lr.pct)} van de inkopen vindt plaats bij lokale en regionale ondernemers.")
        if lr.pct_vorig_jaar is not None:
            verschil = rond_af(lr.pct) - rond_af(lr.pct_vorig_jaar)
            if verschil == 0:
                woord = "Procentueel is het aandeel gelijk gebleven"
            else:
                woord = f"Procentueel zien we {_richting(verschil, 'een stijging', 'een daling')}"
            zinnen.append(f"{woord} (van {procent(lr.pct_vorig_jaar)} naar {procent(lr.pct)}). Het inkoopvolume "
                          f"bij deze leveranciers is {'toegenomen' if lr.toename >= 0 else 'afgenomen'} met "
                          f"{miljoen(abs(lr.toename))} en bedraagt in totaal {miljoen(lr.bedrag)} in {g.jaar}.")
        if g.werkpakt_keurmerkhouders is not None:
            zinnen.append(f"Eind {g.jaar} beschikten {getal(g.werkpakt_keurmerkhouders)} ondernemers over een "
                          "Werkpakt keurmerk.")

    json = als_json(g)
    mvoi = json.get("mvoi") or {}
    if mvoi.get("afgeronde_aanbestedingen") is not None:
        zin = f"In {g.jaar} zijn {getal(mvoi['afgeronde_aanbestedingen'])} aanbestedingen afgerond die afdeling Inkoop heeft begeleid"
        if mvoi.get("pct_met_thema_aantal") is not None:
            zin += (f"; bij {procent(mvoi['pct_met_thema_aantal'])} daarvan is één of meer MVOI-thema’s toegepast "
                    f"{MVOI_TOEGEPAST_ALS}")
        if mvoi.get("pct_met_thema_volume") is not None:
            zin += f" ({procent(mvoi['pct_met_thema_volume'])} op basis van inkoopvolume)"
        k[Hoofdstuk.MVOI].append(zin + ".")
        a = json.get("afdeling_inkoop") or {}
        mo, eu = a.get("afgerond_meervoudig_onderhands"), a.get("afgerond_europees")
        if mo is not None and eu is not None and mo + eu != mvoi["afgeronde_aanbestedingen"]:
            # Two populations (contracten.selectors: afdeling_inkoop_cijfers and mvoi_aanbestedingen).
            k[Hoofdstuk.MVOI].append(
                f"Deze {getal(mvoi['afgeronde_aanbestedingen'])} aanbestedingen zijn alleen die van de gemeente zelf, "
                f"inclusief nationale aanbestedingen; de {getal(mo + eu)} afgeronde procedures van paragraaf 1.4 "
                f"({getal(mo)} meervoudig onderhands en {getal(eu)} Europees) tellen ook procedures voor verbonden "
                "partijen mee.")
    integriteit = json.get("integriteit") or {}
    if integriteit:
        zinnen = k[Hoofdstuk.RECHTMATIGHEID]
        if integriteit.get("klachten") is not None:
            n = integriteit["klachten"]
            zinnen.append("Er zijn geen klachten binnengekomen over integriteitskwesties in aanbestedingstrajecten."
                          if n == 0 else f"Er zijn {getal(n)} klachten binnengekomen over aanbestedingstrajecten.")
        if integriteit.get("bibob_onderzoeken") is not None:
            zin = f"De afdeling Bibob heeft {getal(integriteit['bibob_onderzoeken'])} Bibob-onderzoeken uitgevoerd"
            if integriteit.get("bibob_adviezen_lbb"):
                zin += (f"; in {getal(integriteit['bibob_adviezen_lbb'])} dossiers is advies gevraagd aan het "
                        "Landelijk Bureau Bibob")
            zinnen.append(zin + ".")
    return k


def context(*, organisatie, jaar: int, gegevens: Jaarverslaggegevens | None = None, versie: str = "",
            met_grafieken: bool = True, concept: bool = True) -> dict:
    """Everything the report templates need (HTML page and PDF alike).

    `concept`: a concept says CONCEPT on every page and shows the working state of chapter 4 (open
    signals, an unfinished sample and its seed) as such; the published report prints findings only.
    """
    g = gegevens or jaarverslag_gegevens(organisatie=organisatie, jaar=jaar)
    nu = timezone.localtime()
    j = als_json(g)
    categorieen = [c for c in g.categorieen if c.code is not None]
    return {
        "g": g,
        "j": j,
        "organisatie": organisatie,
        "jaar": jaar,
        "vorig_jaar": jaar - 1,
        "teksten": teksten_voor(organisatie=organisatie, jaar=jaar),
        "kernpunten": kernpunten(g),
        "grafieken": grafieken.alle(g) if met_grafieken and g.totaal else {},
        "categorieen": categorieen,
        "nog_niet_beoordeeld": g.nog_niet_beoordeeld,
        "eindtotaal_categorie": next((c for c in g.categorieen if c.naam == EINDTOTAAL), None),
        "regio_regels": [r for r in g.regio if r.regio != EINDTOTAAL],
        "regio_totaal": next((r for r in g.regio if r.regio == EINDTOTAAL), None),
        "mvoi": j.get("mvoi") or {},
        "sroi": j.get("sroi") or {},
        "integriteit": j.get("integriteit") or {},
        "prestaties": g.prestaties,
        "signalen": g.signalen,
        "lokaal_regionaal_miljoen": miljoen(g.lokaal_en_regionaal.bedrag),
        "datum": f"{MAANDEN[nu.month - 1]} {nu.year}",
        "versie": versie,
        "concept": concept,
        "hoofdstukken": Hoofdstuk,
    }


def render_html_pdf(ctx: dict) -> str:
    return render_to_string("jaarverslag/pdf/rapport.html", {**ctx, "pdf": True})


def render_pdf(*, organisatie, jaar: int, versie: str = "", gegevens=None) -> tuple[bytes, int]:
    """The report as PDF bytes and its page count."""
    from inkoop.pdf import html_naar_pdf_met_paginas

    html = render_html_pdf(context(organisatie=organisatie, jaar=jaar, versie=versie, gegevens=gegevens))
    return html_naar_pdf_met_paginas(html)


def meet(functie, *args, **kwargs):
    begin = time.perf_counter()
    uitkomst = functie(*args, **kwargs)
    return uitkomst, time.perf_counter() - begin
