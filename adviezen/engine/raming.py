"""Estimating the contract value (raming opdrachtwaarde), Aanbestedingswet 2012 art. 2.13-2.22.

Shared by the advice engine and the melding form (the live value a budget holder sees), so
there is one calculation only.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from .motivering import Motivering

MAX_MAANDEN = 48  # Aw 2.17 / Dir. 2014/24 art. 5(14): indefinite or > 48 months -> 48 x monthly
SOORTEN_MET_CAP = {"dienst", "sociale_dienst"}
CENT = Decimal("0.01")


class OngeldigeRaming(ValueError):
    """Facts that cannot give a value; `velden` maps input key -> Dutch reasons."""

    def __init__(self, velden: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {', '.join(v)}" for k, v in velden.items()))
        self.velden = velden


@dataclass(frozen=True)
class Raming:
    waarde: Decimal
    gerekende_maanden: int | None
    motivering: tuple[Motivering, ...]


@lru_cache(maxsize=8192)
def _euro(d: Decimal) -> str:
    """`€ 1.234.567` or `€ 1.234,56`: Dutch money for the motivering (cached: policy amounts repeat)."""
    from_ = f"{d.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"
    tekst = from_.replace(",", "_").replace(".", ",").replace("_", ".")
    return "€ " + (tekst[:-3] if tekst.endswith(",00") else tekst)


def raming(*, soort: str, prijsvorm: str = "totaal", waarde_totaal: Decimal | None = None,
           waarde_opties: Decimal | None = None, waarde_per_jaar: Decimal | None = None,
           looptijd_maanden: int | None = None, opties_verlenging_maanden: int | None = None,
           onbepaalde_looptijd: bool = False, percelen: tuple[Decimal, ...] = ()) -> Raming:
    """The estimated value V and the months counted, with the rules used."""
    opties_mnd = opties_verlenging_maanden or 0
    if percelen:
        # L-24 (Aw 2.18/2.19): the value of all lots counts.
        totaal = sum((Decimal(p) for p in percelen), Decimal(0))
        return Raming(totaal.quantize(CENT, rounding=ROUND_HALF_UP), None, (Motivering(
            "L-24", f"De waarde van alle {len(percelen)} percelen telt op tot {_euro(totaal)} (Aw art. 2.18)."),))

    if prijsvorm == "totaal":
        if waarde_totaal is None:
            raise OngeldigeRaming({"waarde_totaal": ["Vul de totale waarde in."]})
        opties = Decimal(waarde_opties or 0)
        waarde = Decimal(waarde_totaal) + opties
        if onbepaalde_looptijd:
            maanden = MAX_MAANDEN
        elif looptijd_maanden is not None:
            maanden = looptijd_maanden + opties_mnd
        else:
            maanden = None
        if opties:
            tekst = (f"Totale waarde {_euro(Decimal(waarde_totaal))} plus opties {_euro(opties)} = {_euro(waarde)} "
                     "exclusief btw (Aw art. 2.13-2.15).")
        else:
            tekst = (f"Totale waarde {_euro(waarde)} exclusief btw, inclusief alle opties en verlengingen "
                     "(Aw art. 2.13-2.15).")
        return Raming(waarde.quantize(CENT, rounding=ROUND_HALF_UP), maanden, (Motivering("L-20", tekst),))

    if prijsvorm != "periodiek":
        raise OngeldigeRaming({"prijsvorm": ["Kies ‘totaal’ of ‘periodiek’."]})
    if waarde_per_jaar is None:
        raise OngeldigeRaming({"waarde_per_jaar": ["Vul de waarde per jaar in."]})
    regels = []
    if onbepaalde_looptijd:
        maanden = MAX_MAANDEN
        regels.append(Motivering("L-22", "Onbepaalde looptijd: 48 maanden gerekend (Aw art. 2.17; "
                                         "Richtlijn 2014/24 art. 5 lid 14)."))
    else:
        if looptijd_maanden is None:
            raise OngeldigeRaming({"looptijd_maanden": ["Vul de looptijd in maanden in, of kies onbepaalde looptijd."]})
        maanden = looptijd_maanden + opties_mnd
        uitleg = f"{looptijd_maanden} maanden looptijd"
        if opties_mnd:
            uitleg += f" inclusief {opties_mnd} maanden verlenging"
        if soort in SOORTEN_MET_CAP and maanden > MAX_MAANDEN:
            regels.append(Motivering("L-22", f"{uitleg} is langer dan 48 maanden: voor diensten zonder totaalprijs "
                                             "telt 48 maal de maandwaarde (Aw art. 2.17)."))
            maanden = MAX_MAANDEN
        elif soort == "levering" and maanden > 12:
            regels.append(Motivering("L-23", f"{uitleg}: bij leveringen (huur, lease) met een vaste looptijd van meer "
                                             "dan 12 maanden telt de hele looptijd (Aw art. 2.20)."))
        else:
            regels.append(Motivering("L-20", f"{uitleg} gerekend, inclusief opties en verlengingen (Aw art. 2.13)."))
    per_jaar = Decimal(waarde_per_jaar)
    waarde = (per_jaar * maanden / 12).quantize(CENT, rounding=ROUND_HALF_UP)
    regels.append(Motivering("L-20", f"{_euro(per_jaar)} per jaar / 12 × {maanden} maanden = {_euro(waarde)}."))
    return Raming(waarde, maanden, tuple(regels))
