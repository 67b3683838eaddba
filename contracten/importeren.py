"""Importing an existing contract register (interfaces.md §8).

A municipality that starts with the application brings its register as an Excel or CSV export.
The files are read with the ledger import's reader (uitgaven.bestanden: same separators,
encodings, number and date formats, xlsx), every row is checked first, and only when no row has a
problem is anything written, in one transaction. The contractnummer is the identity: importing
the same file again changes nothing; a row with an existing contractnummer and other values
updates that contract (its history records the change).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from beleid.begrippen import SOORTEN_AW, Procedure
from uitgaven.bestanden import Bestand, Fout, datum_uit_kolom, herken, rijen, verplicht_bedrag
from uitgaven.models import Crediteur, Inkooppakket

from .models import Contract

KOLOMMEN = {"contracten": (
    "contractnummer", "omschrijving", "crediteurnummer", "pakketcode", "soort", "procedure", "gunningsdatum",
    "startdatum", "einddatum", "einddatum_met_opties", "waarde_incl_opties", "opvolger_van")}
SOORTEN = SOORTEN_AW
# The procedure names a register may use (interfaces.md §8); the vocabulary uses the same values.
REGISTERPROCEDURES = {p.value: p for p in (
    Procedure.ENKELVOUDIG, Procedure.MEERVOUDIG_ONDERHANDS, Procedure.NATIONAAL_OPENBAAR,
    Procedure.EUROPEES_OPENBAAR, Procedure.EUROPEES_NIET_OPENBAAR, Procedure.EUROPEES_MEDEDINGINGSPROCEDURE,
    Procedure.EUROPEES_CONCURRENTIEGERICHTE_DIALOOG, Procedure.ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING,
    Procedure.SOCIAAL_EN_SPECIFIEK)}
MAX_LENGTE = {"contractnummer": Contract._meta.get_field("nummer").max_length,
              "omschrijving": Contract._meta.get_field("omschrijving").max_length}
VELDEN = ["omschrijving", "crediteur_id", "inkooppakket_id", "soort", "procedure", "gunningsdatum", "startdatum",
          "einddatum", "einddatum_uiterlijk", "waarde_totaal", "waarde_opties"]


@dataclass
class Regel:
    bestand: Bestand
    lijn: int
    nummer: str
    waarden: dict
    opvolger_van: str


@dataclass
class Resultaat:
    proefrun: bool
    bestanden: list[Bestand]
    regels: int = 0
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0
    fouten: list[Fout] = field(default_factory=list)
    seconden: float = 0.0

    @property
    def geslaagd(self) -> bool:
        return not self.fouten

    def samenvatting(self) -> str:
        kop = "Proefrun, niets opgeslagen" if self.proefrun else "Geïmporteerd"
        return (f"{kop}: {len(self.bestanden)} bestand(en), {self.regels} contracten; {self.nieuw} nieuw, "
                f"{self.gewijzigd} gewijzigd, {self.ongewijzigd} ongewijzigd; {self.seconden:.1f} s")

    def foutregels(self, maximum: int = 50) -> list[str]:
        regels = [str(f) for f in self.fouten[:maximum]]
        if len(self.fouten) > maximum:
            regels.append(f"... en nog {len(self.fouten) - maximum} fouten ({len(self.fouten)} in totaal)")
        return regels


class _Terugdraaien(Exception):
    pass


def _controleer(w: list[str], crediteuren: dict, pakketten: dict):
    """One row: (values for the Contract, problems as (column, reason))."""
    (nummer, omschrijving, crediteurnummer, pakketcode, soort, procedure, gunning_t, start_t, eind_t,
     opties_t, waarde_t, opvolger_van) = w
    problemen = []
    for kolom, waarde in (("contractnummer", nummer), ("omschrijving", omschrijving)):
        if not waarde:
            problemen.append((kolom, "ontbreekt"))
        elif len(waarde) > MAX_LENGTE[kolom]:
            problemen.append((kolom, f"te lang ({len(waarde)} tekens, hoogstens {MAX_LENGTE[kolom]})"))
    crediteur_id = None
    if not crediteurnummer:
        problemen.append(("crediteurnummer", "ontbreekt"))
    else:
        crediteur_id = crediteuren.get(crediteurnummer)
        if crediteur_id is None:
            problemen.append(("crediteurnummer", f"onbekende crediteur ‘{crediteurnummer}’ (importeer eerst de "
                                                 "crediteuren met import_uitgaven)"))
    pakket_id = None
    if pakketcode:
        pakket_id = pakketten.get(pakketcode)
        if pakket_id is None:
            problemen.append(("pakketcode", f"onbekend inkooppakket ‘{pakketcode}’"))
    soort = soort.lower()
    if soort not in SOORTEN:
        problemen.append(("soort", f"‘{soort}’ is geen soort; kies levering, dienst of werk" if soort else "ontbreekt"))
    proc = REGISTERPROCEDURES.get(procedure.lower())
    if proc is None:
        problemen.append(("procedure", (f"onbekende procedure ‘{procedure}’; kies uit {', '.join(REGISTERPROCEDURES)}"
                                        if procedure else "ontbreekt")))
    gunning = datum_uit_kolom("gunningsdatum", gunning_t, problemen)
    start = datum_uit_kolom("startdatum", start_t, problemen)
    eind = datum_uit_kolom("einddatum", eind_t, problemen, verplicht=False)
    met_opties = datum_uit_kolom("einddatum_met_opties", opties_t, problemen, verplicht=False)
    if start and eind and eind < start:
        problemen.append(("einddatum", f"{eind_t} ligt vóór de startdatum {start_t}"))
    if met_opties and eind is None and eind_t == "":
        problemen.append(("einddatum_met_opties", "een contract zonder einddatum heeft geen einddatum met opties"))
    if met_opties and eind and met_opties < eind:
        problemen.append(("einddatum_met_opties", f"{opties_t} ligt vóór de einddatum {eind_t}"))
    if gunning and start and gunning > start and (gunning - start).days > 366:
        problemen.append(("gunningsdatum", f"{gunning_t} ligt meer dan een jaar na de startdatum {start_t}"))
    waarde = verplicht_bedrag("waarde_incl_opties", waarde_t, problemen, voorbeeld="125000,00 of 125.000,00")
    if waarde is not None and waarde <= 0:
        problemen.append(("waarde_incl_opties", f"de contractwaarde moet groter zijn dan nul, niet {waarde_t}"))
    if opvolger_van and opvolger_van == nummer:
        problemen.append(("opvolger_van", "een contract kan zichzelf niet opvolgen"))
    waarden = {"omschrijving": omschrijving, "crediteur_id": crediteur_id, "inkooppakket_id": pakket_id,
               "soort": soort, "procedure": proc, "gunningsdatum": gunning, "startdatum": start, "einddatum": eind,
               "einddatum_uiterlijk": met_opties or eind, "waarde_totaal": waarde, "waarde_opties": Decimal("0.00")}
    return waarden, problemen


def contracten_importeren(*, organisatie, paden, proefrun: bool = False, door=None) -> Resultaat:
    """Check every row of every file, then store all of them in one transaction, or nothing.

    `paden`: paths, or (path, name shown in messages) pairs (the web upload). Never raises on bad
    input: the problems are in the result.
    """
    begin = time.monotonic()
    bestanden, fouten = [], []
    for item in paden:
        pad, naam = item if isinstance(item, tuple) else (Path(item), str(item))
        b, fout = herken(Path(pad), naam, soorten=KOLOMMEN)
        bestanden.append(b)
        if fout:
            fouten.append(fout)
    resultaat = Resultaat(proefrun=proefrun, bestanden=bestanden, fouten=fouten)
    crediteuren = dict(Crediteur.objects.filter(organisatie=organisatie).values_list("nummer", "pk"))
    pakketten = dict(Inkooppakket.objects.filter(organisatie=organisatie).values_list("code", "pk"))
    regels: dict[str, Regel] = {}
    for b in bestanden:
        if b.soort != "contracten":
            continue
        for lijn, w in rijen(b, fouten):
            resultaat.regels += 1
            waarden, problemen = _controleer(w, crediteuren, pakketten)
            for kolom, reden in problemen:
                fouten.append(b.fout(lijn, kolom, reden))
            if problemen:
                continue
            eerder = regels.get(w[0])
            if eerder is not None:
                if (eerder.waarden, eerder.opvolger_van) != (waarden, w[11]):
                    fouten.append(b.fout(lijn, "contractnummer", f"‘{w[0]}’ staat al met andere gegevens op "
                                                                 f"{eerder.bestand.naam}:{eerder.lijn}"))
                continue
            regels[w[0]] = Regel(b, lijn, w[0], waarden, w[11])
    bestaand = {c.nummer: c for c in Contract.objects.filter(organisatie=organisatie)}
    _controleer_opvolging(regels, bestaand, fouten)
    fouten.sort(key=lambda f: (f.bestand, f.lijn))
    try:
        with transaction.atomic():
            if fouten:
                raise _Terugdraaien
            _opslaan(organisatie, regels, bestaand, resultaat, door)
            if proefrun:
                raise _Terugdraaien
    except _Terugdraaien:
        pass
    resultaat.seconden = time.monotonic() - begin
    return resultaat


def _controleer_opvolging(regels: dict[str, Regel], bestaand: dict, fouten: list[Fout]) -> None:
    """A successor points at a contract in the files or the database, starts after its
    predecessor ends (the two terms do not overlap), and no chain of successors runs in a circle."""
    for r in regels.values():
        if not r.opvolger_van:
            continue
        voorganger = regels.get(r.opvolger_van)
        if voorganger is not None:
            eind = voorganger.waarden["einddatum_uiterlijk"]
        elif r.opvolger_van in bestaand:
            c = bestaand[r.opvolger_van]
            eind = c.einddatum_uiterlijk or c.einddatum
        else:
            fouten.append(r.bestand.fout(r.lijn, "opvolger_van", f"contract ‘{r.opvolger_van}’ bestaat niet (niet in "
                                                                 "de database en niet in deze import)"))
            continue
        start = r.waarden["startdatum"]
        if eind is None or start <= eind:
            tot = "zonder einddatum" if eind is None else f"tot en met {eind:%d-%m-%Y}"
            fouten.append(r.bestand.fout(r.lijn, "startdatum", f"overlapt met het contract dat het opvolgt: "
                                                               f"‘{r.opvolger_van}’ loopt {tot}"))
    for r in regels.values():
        gezien, nummer = {r.nummer}, r.opvolger_van
        while nummer:
            if nummer in gezien:
                fouten.append(r.bestand.fout(r.lijn, "opvolger_van", f"de opvolging van ‘{r.nummer}’ loopt in een "
                                                                     "kring terug naar zichzelf"))
                break
            gezien.add(nummer)
            volgende = regels.get(nummer)
            nummer = volgende.opvolger_van if volgende else (
                bestaand[nummer].opvolger_van.nummer if nummer in bestaand and bestaand[nummer].opvolger_van_id
                else "")


def _opslaan(organisatie, regels: dict[str, Regel], bestaand: dict, resultaat: Resultaat, door) -> None:
    nieuw, gewijzigd = [], []
    for nummer, r in regels.items():
        c = bestaand.get(nummer)
        if c is None:
            c = Contract(organisatie=organisatie, nummer=nummer, **r.waarden)
            nieuw.append(c)
            continue
        oud = [getattr(c, v) for v in VELDEN]
        for veld, waarde in r.waarden.items():
            setattr(c, veld, waarde)
        if [getattr(c, v) for v in VELDEN] != oud:
            gewijzigd.append(c)
    if nieuw:
        bulk_create_with_history(nieuw, Contract, batch_size=1000, default_user=door)
    if gewijzigd:
        bulk_update_with_history(gewijzigd, Contract, VELDEN, batch_size=1000, default_user=door)
    # Successors second: they point at contracts that may be new in this run.
    ids = dict(Contract.objects.filter(organisatie=organisatie).values_list("nummer", "pk"))
    opvolging = []
    for nummer, r in regels.items():
        voorganger = ids.get(r.opvolger_van) if r.opvolger_van else None
        c = bestaand.get(nummer)
        if c is not None and c.opvolger_van_id != voorganger:
            opvolging.append((ids[nummer], voorganger))
            if c not in gewijzigd:
                gewijzigd.append(c)
        elif c is None and voorganger:
            opvolging.append((ids[nummer], voorganger))
    for pk, voorganger in opvolging:
        Contract.objects.filter(pk=pk).update(opvolger_van_id=voorganger)
    resultaat.nieuw, resultaat.gewijzigd = len(nieuw), len(gewijzigd)
    resultaat.ongewijzigd = len(regels) - len(nieuw) - len(gewijzigd)
