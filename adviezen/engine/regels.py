"""The decision logic of adviesregels.md §3: facts + policy in, advice out, every step explained.

Pure Python: no Django, no database, no clock. Amounts are Decimal; the comparison with a
threshold is always `waarde >= drempel` ("vanaf", L-05).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from json.encoder import encode_basestring_ascii

from .beleid import Bandenset, Beleidsregels, EuDrempels
from .beleid import datum_nl as _datum_nl
from .bijlage_xiv import OngeldigeCpv, bijlage_xiv_groep
from .feiten import Feiten
from .motivering import Motivering
from .raming import _euro, raming

CENT = Decimal("0.01")
HONDERD = Decimal(100)

# The procedures the engine advises, by the machine values of the vocabulary
# (beleid.begrippen.Procedure, interfaces.md §8), with the name used inside a sentence;
# tests/beleid/test_begrippen.py holds both to the vocabulary (the engine cannot import Django).
PROCEDURE_NAMEN = {
    "enkelvoudig": "enkelvoudig onderhands",
    "meervoudig_onderhands": "meervoudig onderhands",
    "nationaal_openbaar": "nationaal openbaar",
    "europees_openbaar": "Europees openbaar",
    "sociaal_en_specifiek": "sociale en andere specifieke diensten (verlicht regime)",
    "didam_openbare_selectie": "openbare selectieprocedure (Didam)",
    "didam_enige_serieuze_gegadigde": "verkoop aan de enige serieuze gegadigde (Didam)",
}
# interfaces.md §1 fixes two other names in the answer of `manage.py advies`; only that answer
# (als_interface_dict, als_json) uses them. Everything stored or shown uses the vocabulary.
INTERFACE_CODES = {"enkelvoudig": "enkelvoudig_onderhands", "sociaal_en_specifiek": "europees_sociaal_verlicht"}
# How heavy a procedure is: an override or a larger value may never give a lower number.
ZWAARTE = {
    "enkelvoudig": 1,
    "meervoudig_onderhands": 2,
    "nationaal_openbaar": 3,
    "sociaal_en_specifiek": 4,
    "europees_openbaar": 4,
}
SOORT_NAMEN = {
    "levering": "leveringen", "dienst": "diensten", "werk": "werken",
    "sociale_dienst": "sociale en andere specifieke diensten", "verkoop_grond": "verkoop van grond",
}



class DrempelsOnbekend(LookupError):
    """L-07: no EU thresholds are configured for the reference date; never fall back."""

    def __init__(self, dag: date):
        begin = dag.year if dag.year % 2 == 0 else dag.year - 1  # EU periods are two even-odd years
        self.dag = dag
        self.melding = (f"Geen EU-drempels geconfigureerd voor deze datum; beheerder moet drempels "
                        f"{begin}-{begin + 1} invoeren.")
        super().__init__(self.melding)


@dataclass(frozen=True)
class PerceelAdvies:
    perceel: int
    waarde: Decimal
    procedure: str
    vrijgesteld_percelenregeling: bool


@dataclass(frozen=True)
class Uitkomst:
    soort: str
    datum: date
    melding_verplicht: bool | None
    geraamde_waarde: Decimal
    gerekende_maanden: int | None
    eu_drempel: Decimal | None
    procedure: str
    europees: bool
    uit_te_nodigen_min: int | None
    uit_te_nodigen_max: int | None
    min_regionaal: int
    sroi_verplicht: bool
    sroi_percentage: Decimal | None
    sroi_bedrag: Decimal | None
    bibob: bool
    percelen: tuple[PerceelAdvies, ...] | None
    percelen_overwegen: bool
    mvoi_themas: tuple[str, ...]
    tenderboard: bool
    gouden_aanbesteding: bool
    drempelperiode: EuDrempels | None
    motivering: tuple[Motivering, ...]
    waarschuwingen: tuple[Motivering, ...]
    beleid: str = ""

    @classmethod
    def snel(cls, **velden) -> Uitkomst:
        """Construct without the frozen __init__ (25 object.__setattr__ calls): one dict update.

        Only for the engine itself, which always passes every field; the result is the same frozen
        object (assignment still raises FrozenInstanceError).
        """
        obj = object.__new__(cls)
        obj.__dict__.update(velden)
        return obj

    @property
    def zwaarte(self) -> int:
        return ZWAARTE.get(self.procedure, 0)

    def als_interface_dict(self) -> dict:
        """The JSON answer of interfaces.md §1, with that section's procedure names."""
        d = self.als_dict()
        d["procedure"] = INTERFACE_CODES.get(d["procedure"], d["procedure"])
        for q in d["percelen"] or ():
            q["procedure"] = INTERFACE_CODES.get(q["procedure"], q["procedure"])
        return d

    def als_dict(self) -> dict:
        """The answer as stored (Advies.berekend): money as decimal strings with two decimals,
        procedures by the vocabulary's machine values."""
        p = self.drempelperiode
        return {
            "melding_verplicht": self.melding_verplicht,
            "geraamde_waarde": geld(self.geraamde_waarde),
            "gerekende_maanden": self.gerekende_maanden,
            "eu_drempel": geld(self.eu_drempel),
            "procedure": self.procedure,
            "europees": self.europees,
            "uit_te_nodigen_min": self.uit_te_nodigen_min,
            "uit_te_nodigen_max": self.uit_te_nodigen_max,
            "min_regionaal": self.min_regionaal,
            "sroi_verplicht": self.sroi_verplicht,
            "sroi_percentage": getal(self.sroi_percentage),
            "bibob": self.bibob,
            "percelen": None if self.percelen is None else [
                {"perceel": q.perceel, "waarde": geld(q.waarde), "procedure": q.procedure,
                 "vrijgesteld_percelenregeling": q.vrijgesteld_percelenregeling} for q in self.percelen],
            "motivering": [{"regel": m.regel, "tekst": m.tekst} for m in self.motivering],
            "waarschuwingen": [{"regel": m.regel, "tekst": m.tekst} for m in self.waarschuwingen],
            "sroi_bedrag": geld(self.sroi_bedrag),
            "percelen_overwegen": self.percelen_overwegen,
            "mvoi_themas": list(self.mvoi_themas),
            "tenderboard": self.tenderboard,
            "gouden_aanbesteding": self.gouden_aanbesteding,
            "soort": self.soort,
            "datum": self.datum.isoformat(),
            "drempelperiode": None if p is None else {
                "geldig_vanaf": p.geldig_vanaf.isoformat(),
                "geldig_tot": p.geldig_tot.isoformat() if p.geldig_tot else None},
        }


    def als_json(self) -> str:
        """The same answer as `json.dumps(self.als_interface_dict())`, written directly (compact, ASCII).

        The batch command serialises 20.000 answers per second; building the text here skips
        the intermediate dicts. tests/adviezen/test_uitvoer.py asserts both agree.
        """
        p = self.drempelperiode
        if self.percelen is None:
            percelen = "null"
        else:
            percelen = "[" + ",".join(
                f'{{"perceel":{q.perceel},"waarde":"{geld(q.waarde)}","procedure":{_js(INTERFACE_CODES.get(q.procedure, q.procedure))},'
                f'"vrijgesteld_percelenregeling":{_JSON[q.vrijgesteld_percelenregeling]}}}'
                for q in self.percelen) + "]"
        periode = "null" if p is None else (
            f'{{"geldig_vanaf":"{p.geldig_vanaf.isoformat()}","geldig_tot":'
            f'{_js(p.geldig_tot.isoformat()) if p.geldig_tot else "null"}}}')
        return (
            f'{{"melding_verplicht":{_JSON[self.melding_verplicht]},'
            f'"geraamde_waarde":"{_geld(self.geraamde_waarde)}",'
            f'"gerekende_maanden":{"null" if self.gerekende_maanden is None else self.gerekende_maanden},'
            f'"eu_drempel":{_geld_js(self.eu_drempel)},'
            f'"procedure":{_js(INTERFACE_CODES.get(self.procedure, self.procedure))},'
            f'"europees":{_JSON[self.europees]},'
            f'"uit_te_nodigen_min":{"null" if self.uit_te_nodigen_min is None else self.uit_te_nodigen_min},'
            f'"uit_te_nodigen_max":{"null" if self.uit_te_nodigen_max is None else self.uit_te_nodigen_max},'
            f'"min_regionaal":{self.min_regionaal},'
            f'"sroi_verplicht":{_JSON[self.sroi_verplicht]},'
            f'"sroi_percentage":{_getal_js(self.sroi_percentage)},'
            f'"bibob":{_JSON[self.bibob]},'
            f'"percelen":{percelen},'
            f'"motivering":[{",".join([_motivering_js(m) for m in self.motivering])}],'
            f'"waarschuwingen":[{",".join([_motivering_js(m) for m in self.waarschuwingen])}],'
            f'"sroi_bedrag":{_geld_js(self.sroi_bedrag)},'
            f'"percelen_overwegen":{_JSON[self.percelen_overwegen]},'
            f'"mvoi_themas":{_lijst_js(self.mvoi_themas)},'
            f'"tenderboard":{_JSON[self.tenderboard]},'
            f'"gouden_aanbesteding":{_JSON[self.gouden_aanbesteding]},'
            f'"soort":{_js(self.soort)},'
            f'"datum":"{self.datum.isoformat()}",'
            f'"drempelperiode":{periode}}}')


_JSON = {True: "true", False: "false", None: "null"}
_MOTIVERING_JS = '{"regel":%s,"tekst":%s}'
_js = encode_basestring_ascii
# JSON text of the policy-constant sentences (filled by _vast), bounded.
_MOTIVERING_JSON: dict = {}


def _motivering_js(m) -> str:
    js = _MOTIVERING_JSON.get(m)
    if js is None:
        js = _MOTIVERING_JS % (_js(m[0]), _js(m[1]))
    return js


def _geld_js(d) -> str:
    return "null" if d is None else f'"{_geld(d)}"'


def _getal_js(d) -> str:
    if d is None:
        return "null"
    return str(int(d)) if d == d.to_integral_value() else json.dumps(float(d))


@lru_cache(maxsize=64)
def _lijst_js(codes: tuple) -> str:
    return json.dumps(list(codes))


@lru_cache(maxsize=4096)
def _geld(d: Decimal) -> str:
    return f"{d.quantize(CENT, rounding=ROUND_HALF_UP):f}"


def geld(d: Decimal | None) -> str | None:
    """Money for JSON: a decimal string with two decimals (interfaces.md)."""
    return None if d is None else _geld(d)


def getal(d: Decimal | None):
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else float(d)


@lru_cache(maxsize=4096)
def datum_nl(dag: date) -> str:
    return _datum_nl(dag)


def _pct(d: Decimal) -> str:
    return f"{getal(d)}".replace(".", ",") + "%"


def nationale_band(beleid: Beleidsregels, soort: str, werk_categorie: str | None, waarde: Decimal):
    """(bandenset, band, start of the next band) of the national bands P-10 / P-11 / P-12."""
    bandenset = beleid.bandenset(soort, werk_categorie)
    if bandenset is None or not bandenset.banden:
        raise LookupError(f"Geen procedurebanden voor {soort}")
    band, volgende = bandenset.band_voor(waarde)
    return bandenset, band, volgende


def _procedure_voor(beleid: Beleidsregels, soort: str, werk_categorie, waarde: Decimal, drempel: Decimal) -> str:
    if waarde >= drempel:
        return "sociaal_en_specifiek" if soort == "sociale_dienst" else "europees_openbaar"
    return nationale_band(beleid, soort, werk_categorie, waarde)[1].procedure


def _vast(beleid: Beleidsregels, sleutel, regel: str, maak) -> Motivering:
    """A sentence that depends on the policy (and the key) only: built once per policy and reused.

    The batch command advises 20.000 cases per second; most lines of the motivering are the same
    for every case in a band, so they are made once, with their JSON text (see Uitkomst.als_json).
    """
    cache = beleid._cache
    m = cache.get(sleutel)
    if m is None:
        m = cache[sleutel] = Motivering(regel, maak())
        if len(_MOTIVERING_JSON) < 20000:
            _MOTIVERING_JSON[m] = _MOTIVERING_JS % (_js(m[0]), _js(m[1]))
    return m


def adviseer(feiten: Feiten, beleid: Beleidsregels) -> Uitkomst:
    """The procedure advice for `feiten` under `beleid` (adviesregels.md §3)."""
    waarschuwingen: list[Motivering] = []
    soort = feiten.soort

    r = raming(soort=soort, prijsvorm=feiten.prijsvorm, waarde_totaal=feiten.waarde_totaal,
               waarde_opties=feiten.waarde_opties, waarde_per_jaar=feiten.waarde_per_jaar,
               looptijd_maanden=feiten.looptijd_maanden,
               opties_verlenging_maanden=feiten.opties_verlenging_maanden,
               onbepaalde_looptijd=feiten.onbepaalde_looptijd, percelen=feiten.percelen)
    waarde = r.waarde
    motivering: list[Motivering] = list(r.motivering)
    if feiten.percelen and feiten.waarde_totaal is not None and feiten.waarde_totaal != waarde:
        waarschuwingen.append(Motivering("L-24", f"De opgegeven totale waarde ({_euro(feiten.waarde_totaal)}) "
                                                 f"wijkt af van de som van de percelen ({_euro(waarde)}); "
                                                 "de som van de percelen is aangehouden."))

    if soort == "verkoop_grond":
        return _didam(feiten, beleid, r, motivering, waarschuwingen)

    # Step 1: the EU threshold in force on the reference date (L-06, L-07).
    dag = feiten.datum
    periode = beleid.drempels_op(dag)
    if periode is None:
        raise DrempelsOnbekend(dag)
    drempel = periode.voor_soort(soort)
    motivering.append(_vast(beleid, ("drempel", soort, dag), "L-03" if soort == "sociale_dienst" else periode.regel,
                            lambda: f"EU-drempel voor {SOORT_NAMEN[soort]} op de peildatum {datum_nl(dag)}: "
                                    f"{_euro(drempel)} ({periode.omschrijving})."))

    # Step 2: melding (P-01).
    melding_verplicht = waarde >= beleid.melding_vanaf
    if melding_verplicht:
        motivering.append(_vast(beleid, "melding-ja", "P-01", lambda: (
            f"Vanaf {_euro(beleid.melding_vanaf)} is een inkoopmelding verplicht.")))
    else:
        motivering.append(_vast(beleid, "melding-nee", "P-01", lambda: (
            f"Onder de meldgrens van {_euro(beleid.melding_vanaf)}: geen inkoopmelding nodig; de budgethouder "
            "koopt zelf in.")))

    # Step 3: procedure.
    europees = waarde >= drempel
    uit_min = uit_max = None
    min_regionaal = 0
    perceel_adviezen = None
    if europees:
        if soort == "sociale_dienst":
            procedure = "sociaal_en_specifiek"
            motivering.append(_vast(beleid, ("L-30", drempel), "L-30", lambda: (
                f"De waarde bereikt de drempel van {_euro(drempel)} voor sociale en andere specifieke diensten: "
                "verlicht Europees regime (aankondiging en gunningsbekendmaking, procedure verder vrij; "
                "Aw art. 2.38-2.39).")))
        else:
            procedure = "europees_openbaar"
            motivering.append(_vast(beleid, ("L-05", drempel), "L-05", lambda: (
                f"De waarde bereikt de EU-drempel van {_euro(drempel)}: Europese aanbesteding verplicht, "
                "standaard openbaar (andere Europese procedures alleen met motivering).")))
        if feiten.percelen:
            perceel_adviezen = _percelenregeling(feiten, beleid, waarde, procedure, motivering)
    else:
        bandenset, band, volgende = nationale_band(beleid, soort, feiten.werk_categorie, waarde)
        procedure = band.procedure
        if soort == "sociale_dienst":
            motivering.append(_vast(beleid, ("L-30-onder", drempel), "L-30", lambda: (
                f"Sociale dienst onder {_euro(drempel)}: de gewone EU-drempel voor diensten geldt niet; "
                "de bandbreedtes voor diensten bepalen de procedure.")))
        motivering.append(_vast(beleid, ("band", id(bandenset), soort, band.vanaf, drempel), bandenset.regel,
                                lambda: _band_tekst(feiten, bandenset, band, volgende, drempel)))
        if procedure == "enkelvoudig":
            uit_min = uit_max = beleid.uitnodigen_enkelvoudig
            motivering.append(_vast(beleid, "enkelvoudig", "P-20", lambda: (
                f"Vraag {beleid.uitnodigen_enkelvoudig} offerte aan, bij voorkeur bij een lokale ondernemer.")))
        elif procedure == "meervoudig_onderhands":
            uit_min, uit_max = beleid.uitnodigen_meervoudig_min, beleid.uitnodigen_meervoudig_max
            motivering.append(_vast(beleid, "meervoudig", "P-20", lambda: (
                f"Nodig {uit_min} tot {uit_max} ondernemers uit (Gids Proportionaliteit 3.4B).")))
            if band.altijd_regionaal:
                min_regionaal = beleid.min_regionaal_meervoudig
                grens = volgende or drempel
                motivering.append(_vast(beleid, ("altijd-regionaal", grens), "P-12", lambda: (
                    f"Civiel- en cultuurtechnisch werk onder {_euro(grens)}: altijd minimaal "
                    f"{beleid.min_regionaal_meervoudig} regionale ondernemers uitnodigen.")))
            elif feiten.regionale_markt_beschikbaar:
                min_regionaal = beleid.min_regionaal_meervoudig
                motivering.append(_vast(beleid, "regionaal-ja", "P-21", lambda: (
                    f"Minimaal {beleid.min_regionaal_meervoudig} lokale of regionale ondernemers, bij voorkeur "
                    "met Werkpakt-keurmerk.")))
            else:
                motivering.append(_vast(beleid, "regionaal-nee", "P-21", lambda: (
                    "Geen geschikte lokale of regionale ondernemers beschikbaar: geen regionale eis.")))
        else:
            motivering.append(_vast(beleid, "openbaar", "P-20", lambda: (
                "Openbare aankondiging (ARW 2016): niemand wordt uitgenodigd.")))
        if feiten.percelen:
            perceel_adviezen = tuple(PerceelAdvies(i, w, procedure, False)
                                     for i, w in enumerate(feiten.percelen, start=1))
            motivering.append(_vast(beleid, ("percelen-samen", procedure), "L-24", lambda: (
                f"Alle percelen samen bepalen de procedure: elk perceel {PROCEDURE_NAMEN[procedure]}.")))
        if waarde >= periode_marge(beleid, drempel):
            waarschuwingen.append(_vast(beleid, ("marge", drempel), "L-26", lambda: (
                f"Dicht onder de EU-drempel van {_euro(drempel)}: raam zorgvuldig (opties, verlengingen, "
                "samenhangende opdrachten) en leg de raming vast.")))
        if feiten.grensoverschrijdend_belang:
            waarschuwingen.append(_vast(beleid, "grensoverschrijdend", "L-05", lambda: (
                "Duidelijk grensoverschrijdend belang: ook onder de drempel gelden de Europese beginselen; "
                "maak de opdracht passend bekend.")))

    # Step 5: SROI (P-30).
    sroi_verplicht = waarde >= beleid.sroi_vanaf and soort in beleid.sroi_soorten
    sroi_pct = sroi_bedrag = None
    if sroi_verplicht:
        sroi_pct = beleid.sroi_percentage
        tekst = f"SROI vanaf {_euro(beleid.sroi_vanaf)}: {_pct(sroi_pct)} van de opdrachtwaarde"
        if (beleid.sroi_percentage_verlaagd is not None and beleid.sroi_verlaagd_arbeidsaandeel_onder is not None
                and feiten.arbeidsaandeel_pct is not None
                and feiten.arbeidsaandeel_pct < beleid.sroi_verlaagd_arbeidsaandeel_onder):
            sroi_pct = beleid.sroi_percentage_verlaagd
            tekst = (f"SROI vanaf {_euro(beleid.sroi_vanaf)}: {_pct(sroi_pct)} van de opdrachtwaarde, omdat het "
                     f"arbeidsaandeel ({_pct(feiten.arbeidsaandeel_pct)}) onder "
                     f"{_pct(beleid.sroi_verlaagd_arbeidsaandeel_onder)} ligt")
        sroi_bedrag = (waarde * sroi_pct / HONDERD).quantize(CENT, rounding=ROUND_HALF_UP)
        tekst += f" (indicatief {_euro(sroi_bedrag)})."
        if soort in beleid.sroi_maatwerk_soorten:
            tekst += " Bij werken bepaalt Inkoop per opdracht de invulling."
        motivering.append(Motivering("P-30", tekst))
    else:
        motivering.append(_vast(beleid, "sroi-nee", "P-30", lambda: (
            f"Onder {_euro(beleid.sroi_vanaf)}: geen SROI-verplichting.")))

    # Step 6: Bibob (P-40).
    bibob = _bibob(feiten, beleid, waarde, melding_verplicht, motivering, waarschuwingen)

    # Step 7: MVOI, lots and SMEs, Tenderboard, Gouden Aanbesteding.
    themas = _mvoi(feiten, beleid, sroi_verplicht, motivering)
    percelen_overwegen = not feiten.percelen and procedure != "enkelvoudig"
    if feiten.percelen:
        motivering.append(_vast(beleid, ("verdeeld", len(feiten.percelen)), "L-26", lambda: (
            f"De opdracht is verdeeld in {len(feiten.percelen)} percelen (Aw art. 1.5): goed voor de toegang van "
            "het mkb.")))
    elif percelen_overwegen:
        motivering.append(_vast(beleid, "percelen-overwegen", "L-26", lambda: (
            "Overweeg percelen; motiveer het als de opdracht niet wordt verdeeld (Aw art. 1.5).")))
    tenderboard = waarde >= (beleid.tenderboard_vanaf if beleid.tenderboard_vanaf is not None else drempel)
    if tenderboard:
        motivering.append(_vast(beleid, "tenderboard", "P-60", lambda: "Betrek de tenderboard (thematische aanpak)."))
    gouden = (beleid.gouden_aanbesteding_vanaf is not None and waarde >= beleid.gouden_aanbesteding_vanaf
              and procedure != "enkelvoudig")
    if gouden:
        motivering.append(_vast(beleid, "gouden", "P-61", lambda: (
            "Kandidaat voor een Gouden Aanbesteding (MVOI-potentieel).")))

    _overige_waarschuwingen(feiten, beleid, waarde, procedure, drempel, periode, waarschuwingen)

    return Uitkomst.snel(
        soort=soort, datum=dag, melding_verplicht=melding_verplicht, geraamde_waarde=waarde,
        gerekende_maanden=r.gerekende_maanden, eu_drempel=drempel, procedure=procedure, europees=europees,
        uit_te_nodigen_min=uit_min, uit_te_nodigen_max=uit_max, min_regionaal=min_regionaal,
        sroi_verplicht=sroi_verplicht, sroi_percentage=sroi_pct, sroi_bedrag=sroi_bedrag, bibob=bibob,
        percelen=perceel_adviezen, percelen_overwegen=percelen_overwegen, mvoi_themas=themas,
        tenderboard=tenderboard, gouden_aanbesteding=gouden, drempelperiode=periode,
        motivering=tuple(motivering), waarschuwingen=tuple(waarschuwingen), beleid=beleid.naam)


def periode_marge(beleid: Beleidsregels, drempel: Decimal) -> Decimal:
    """The value from which a warning says the estimate is close below the EU threshold."""
    sleutel = ("marge-grens", drempel)
    grens = beleid._cache.get(sleutel)
    if grens is None:
        grens = beleid._cache[sleutel] = drempel * (HONDERD - beleid.drempel_marge_pct) / HONDERD
    return grens


def _band_tekst(feiten: Feiten, bandenset: Bandenset, band, volgende, drempel: Decimal) -> str:
    tot = volgende if volgende is not None else drempel
    soort = SOORT_NAMEN["dienst" if feiten.soort == "sociale_dienst" else feiten.soort]
    if feiten.soort == "werk":
        cat = sorted(bandenset.werk_categorieen)
        if cat:
            soort = f"werken ({', '.join(cat)})"
    van = f"vanaf {_euro(band.vanaf)} " if band.vanaf else ""
    return f"Bandbreedte {soort}: {van}tot {_euro(tot)} {PROCEDURE_NAMEN[band.procedure]}."


def _percelenregeling(feiten: Feiten, beleid: Beleidsregels, waarde: Decimal, procedure: str,
                      motivering: list) -> tuple[PerceelAdvies, ...]:
    """L-25: exempt small lots (greedy, in the configured order) up to the share of the total."""
    werk = feiten.soort == "werk"
    max_perceel = beleid.percelen_max_werken if werk else beleid.percelen_max_leveringen_diensten
    budget = waarde * beleid.percelen_max_aandeel
    percelen = feiten.percelen
    if beleid.percelen_selectie == "kleinste_eerst":
        volgorde = sorted(range(len(percelen)), key=lambda i: (percelen[i], i))
    else:
        volgorde = sorted(range(len(percelen)), key=lambda i: (-percelen[i], i))
    vrij: set[int] = set()
    som = Decimal(0)
    afgewezen = []
    for i in volgorde:
        w = percelen[i]
        if w >= max_perceel:
            continue
        if som + w <= budget:
            vrij.add(i)
            som += w
        else:
            afgewezen.append(i)
    adviezen = []
    delen = []
    for i, w in enumerate(percelen):
        if i in vrij:
            bandenset, band, _ = nationale_band(beleid, feiten.soort, feiten.werk_categorie, w)
            adviezen.append(PerceelAdvies(i + 1, w, band.procedure, True))
            delen.append(f"perceel {i + 1} ({_euro(w)}) is vrijgesteld en volgt op eigen waarde "
                         f"{PROCEDURE_NAMEN[band.procedure]} ({bandenset.regel})")
        else:
            adviezen.append(PerceelAdvies(i + 1, w, procedure, False))
    for i in afgewezen:
        delen.append(f"perceel {i + 1} ({_euro(percelen[i])}) past niet meer binnen het maximum en blijft Europees")
    aandeel = _pct(beleid.percelen_max_aandeel * HONDERD)
    tekst = (f"Alle percelen samen bereiken de drempel, dus elk perceel wordt Europees aanbesteed, behalve "
             f"percelen onder {_euro(max_perceel)} die samen ten hoogste {aandeel} van de totale waarde zijn "
             f"({_euro(budget)}); grootste passende percelen eerst" if beleid.percelen_selectie != "kleinste_eerst"
             else f"Alle percelen samen bereiken de drempel, dus elk perceel wordt Europees aanbesteed, behalve "
                  f"percelen onder {_euro(max_perceel)} die samen ten hoogste {aandeel} van de totale waarde zijn "
                  f"({_euro(budget)}); kleinste percelen eerst")
    tekst += (": " + "; ".join(delen) + "." if delen else ": geen perceel komt in aanmerking.")
    tekst += " Vrijgestelde percelen tellen mee in de totale waarde (Aw art. 2.19)."
    motivering.append(Motivering("L-25", tekst))
    return tuple(adviezen)


def _bibob(feiten, beleid, waarde, melding_verplicht, motivering, waarschuwingen) -> bool:
    branche = feiten.branche
    in_lijst = branche is not None and branche in beleid.bibob_branches
    bibob = bool(in_lijst and melding_verplicht and waarde >= beleid.bibob_vanaf)
    if bibob:
        motivering.append(_vast(beleid, ("bibob-ja", branche), "P-40", lambda: (
            f"Branche ‘{branche}’ is een Bibob-branche: Bibob-toets, vooraf aankondigen in de stukken.")))
    elif in_lijst:
        motivering.append(_vast(beleid, ("bibob-onder", branche), "P-40", lambda: (
            f"Branche ‘{branche}’ is een Bibob-branche, maar onder de meldgrens: geen standaard Bibob-toets.")))
    else:
        motivering.append(_vast(beleid, ("bibob-nee", branche), "P-40", lambda: (
            f"Branche ‘{branche or 'onbekend'}’: geen Bibob-toets.")))
    if branche and branche in beleid.bibob_risicocategorieen:
        waarschuwingen.append(_vast(beleid, ("bibob-risico", branche), "P-40", lambda: (
            f"‘{branche}’ is een risicocategorie van het Bibob-beleid: overweeg een Bibob-toets vanwege de "
            "gevoeligheid van de opdracht.")))
    return bibob


def _mvoi(feiten: Feiten, beleid: Beleidsregels, sroi_verplicht: bool, motivering: list) -> tuple[str, ...]:
    """P-50: the MVOI themes to weigh for every melding (codes; names and suggestions are in the policy)."""
    if not beleid.mvoi_themas:
        return ()
    aangegeven = tuple(t.naam for t in beleid.mvoi_themas if t.code in feiten.mvoi_themas) \
        if feiten.mvoi_themas else ()

    def maak():
        tekst = (f"Weeg de {len(beleid.mvoi_themas)} MVOI-thema's af als minimumeis, gunningscriterium of "
                 "contractvoorwaarde (Manifest MVOI).")
        if aangegeven:
            tekst += " Genoemd in de melding: " + ", ".join(aangegeven) + "."
        if sroi_verplicht:
            tekst += " Social return is verplicht."
        return tekst

    motivering.append(_vast(beleid, ("mvoi", aangegeven, sroi_verplicht), "P-50", maak))
    return beleid._mvoi_codes


def _overige_waarschuwingen(feiten, beleid, waarde, procedure, drempel, periode, waarschuwingen):
    if feiten.soort == "sociale_dienst":
        waarschuwingen.append(_vast(beleid, "wmo", "L-30", lambda: (
            "Wmo- en Jeugdwet-routes (subsidie, open house) vallen buiten dit advies; toets eerst of een "
            "aanbesteding de juiste route is.")))
    if feiten.cpv_code:
        try:
            xiv = bijlage_xiv_groep(feiten.cpv_code) is not None
        except OngeldigeCpv as fout:
            waarschuwingen.append(Motivering("L-30", str(fout)))
            xiv = None
        if feiten.soort == "sociale_dienst" and xiv is False:
            waarschuwingen.append(Motivering("L-30", (
                f"CPV-code {feiten.cpv_code} staat niet in bijlage XIV van Richtlijn 2014/24/EU: het verlichte "
                "regime geldt niet; de gewone drempel en procedures voor diensten gelden.")))
        elif feiten.soort == "dienst" and xiv:
            waarschuwingen.append(Motivering("L-30", (
                f"CPV-code {feiten.cpv_code} hoort bij bijlage XIV (sociale en andere specifieke diensten): "
                "mogelijk geldt het verlichte regime met de drempel van € 750.000.")))
    if (feiten.soort in ("dienst", "sociale_dienst") and feiten.prijsvorm == "periodiek"
            and not feiten.onbepaalde_looptijd and not feiten.percelen
            and (feiten.looptijd_maanden or 0) + (feiten.opties_verlenging_maanden or 0) > 48):
        waarschuwingen.append(Motivering("L-22", (
            "Looptijd van meer dan 48 maanden met een prijs per periode: gerekend is 48 maal de maandwaarde "
            "(Aw art. 2.17); sommige praktijken rekenen de volle looptijd (open punt O2).")))
    if feiten.samenhangend:
        _splitsing(feiten, beleid, waarde, procedure, drempel, waarschuwingen)


def _splitsing(feiten, beleid, waarde, procedure, drempel, waarschuwingen):
    """L-26: related purchases in the same inkooppakket that together cross a band or the threshold."""
    samen = waarde + sum((s.bedrag for s in feiten.samenhangend), Decimal(0))
    samen_procedure = _procedure_voor(beleid, feiten.soort, feiten.werk_categorie, samen, drempel)
    if ZWAARTE[samen_procedure] <= ZWAARTE[procedure]:
        return
    bronnen = "; ".join(f"{s.omschrijving} ({_euro(s.bedrag)})" for s in feiten.samenhangend[:8])
    if len(feiten.samenhangend) > 8:
        bronnen += f"; en {len(feiten.samenhangend) - 8} meer"
    waarschuwingen.append(Motivering("L-26", (
        f"Mogelijke splitsing: binnen {beleid.splitsing_venster_maanden} maanden zijn in hetzelfde inkooppakket "
        f"ook {bronnen}. Samen met deze opdracht is dat {_euro(samen)}, en dat vraagt "
        f"{PROCEDURE_NAMEN[samen_procedure]} in plaats van {PROCEDURE_NAMEN[procedure]}. Een opdracht mag niet "
        "worden gesplitst om aan de regels te ontkomen (Aw art. 2.14); beoordeel of dit één opdracht is.")))


def _didam(feiten, beleid, r, motivering, waarschuwingen) -> Uitkomst:
    """§5: the sale of municipal real estate is no public contract; Didam I/II apply (no value threshold)."""
    motivering.append(Motivering("L-40", (
        "Verkoop van gemeentelijk vastgoed is geen overheidsopdracht: geen procedure uit de Aanbestedingswet, "
        "geen SROI en geen inkoopmelding. Volgens Didam I (HR 26-11-2021) moet de gemeente gegadigden ruimte "
        "geven om mee te dingen, ongeacht de waarde.")))
    if feiten.serieuze_gegadigden == "een":
        procedure = "didam_enige_serieuze_gegadigde"
        motivering.append(Motivering("L-41", (
            "Op voorhand staat op objectieve, toetsbare en redelijke criteria vast dat er één serieuze "
            "gegadigde is: geen selectieprocedure, maar publiceer het voornemen tot verkoop tijdig en met "
            "motivering, zodat anderen het kunnen aanvechten.")))
    else:
        procedure = "didam_openbare_selectie"
        extra = "" if feiten.serieuze_gegadigden else " (het aantal serieuze gegadigden is niet opgegeven)"
        motivering.append(Motivering("L-40", (
            f"Er zijn meerdere serieuze gegadigden{extra}: organiseer een openbare selectieprocedure met "
            "objectieve, toetsbare en redelijke criteria, tijdig en passend bekendgemaakt.")))
    waarschuwingen.append(Motivering("L-40", (
        "Didam II (HR 15-11-2024): een verkoop in strijd met deze regels is niet nietig, maar de gemeente kan "
        "schadeplichtig zijn en levering kan worden tegengehouden.")))
    if feiten.branche and feiten.branche in beleid.bibob_risicocategorieen:
        waarschuwingen.append(Motivering("P-40", (
            f"‘{feiten.branche}’ is een Bibob-risicocategorie: de gemeente kan vastgoedtransacties met een "
            "Bibob-toets screenen (Beleidsregel Wet Bibob Enschede).")))
    motivering.append(Motivering("P-40", "Geen Bibob-toets uit het aanbestedingsadvies; bij vastgoedtransacties "
                                         "beslist de gemeente per geval (Beleidsregel Wet Bibob Enschede)."))
    return Uitkomst(
        soort=feiten.soort, datum=feiten.datum, melding_verplicht=None, geraamde_waarde=r.waarde,
        gerekende_maanden=r.gerekende_maanden, eu_drempel=None, procedure=procedure, europees=False,
        uit_te_nodigen_min=None, uit_te_nodigen_max=None, min_regionaal=0, sroi_verplicht=False,
        sroi_percentage=None, sroi_bedrag=None, bibob=False, percelen=None, percelen_overwegen=False,
        mvoi_themas=(), tenderboard=False, gouden_aanbesteding=False, drempelperiode=None,
        motivering=tuple(motivering), waarschuwingen=tuple(waarschuwingen), beleid=beleid.naam)
