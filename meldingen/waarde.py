"""The estimated contract value of a melding: the engine's ONE calculation, fed from our fields.

`adviezen.engine.raming.raming` (Aw 2.13-2.22) is the calculation; this module only maps the
melding's fields onto its arguments and words the choices the budget holder made, so that the
form can say which rule it used. No second copy of the arithmetic lives here.
"""

from dataclasses import dataclass
from decimal import Decimal

from adviezen.engine.raming import OngeldigeRaming, Raming, raming
from adviezen.engine.standaard import STANDAARDBELEID
from beleid.selectors import beleid_voor

# P-01 (adviesregels.md §1.2, inkoopjaarverslag 2024): a melding is required from € 25.000,
# over the whole term incl. options (48 months when indefinite or longer).
# The configured policy (beleid.Beleid.melding_vanaf) wins; this is the default when none is.
MELDINGSDREMPEL = Decimal(STANDAARDBELEID["melding_vanaf"])


def meldingsdrempel(organisatie, op=None) -> Decimal:
    """The value from which a melding is required under the policy in force (P-01)."""
    beleid = beleid_voor(organisatie, op=op, details=False) if organisatie is not None else None
    vanaf = getattr(beleid, "melding_vanaf", None)
    return vanaf if vanaf is not None else MELDINGSDREMPEL


def raming_argumenten(melding) -> dict:
    """The engine's keyword arguments for a melding (saved or not)."""
    return {
        "soort": melding.soort or "",
        "prijsvorm": melding.prijsvorm or "totaal",
        "waarde_totaal": melding.waarde_totaal,
        "waarde_opties": melding.waarde_opties,
        "waarde_per_jaar": melding.waarde_per_jaar,
        "looptijd_maanden": melding.looptijd_maanden,
        # The engine takes the months of all extension options together.
        "opties_verlenging_maanden": (melding.verlengingen_aantal or 0) * (melding.verlenging_maanden or 0),
        "onbepaalde_looptijd": bool(melding.onbepaalde_looptijd),
        "percelen": tuple(Decimal(str(p)) for p in (melding.percelen or [])),
    }


def melding_raming(melding) -> Raming:
    """Raises OngeldigeRaming (with `velden`) when the facts do not give a value yet."""
    return raming(**raming_argumenten(melding))


@dataclass(frozen=True)
class Uitleg:
    """What the live panel shows: the value, the months counted and the rules in words."""

    waarde: Decimal | None
    gerekende_maanden: int | None
    regels: tuple[str, ...]
    ontbreekt: tuple[str, ...]  # what the budget holder still has to fill in
    waarschuwingen: tuple[str, ...]
    melding_nodig: bool | None  # None: cannot tell yet
    drempel: Decimal = MELDINGSDREMPEL


def uitleg(melding, drempel: Decimal = MELDINGSDREMPEL) -> Uitleg:
    regels, waarschuwingen = [], []
    aantal, per = melding.verlengingen_aantal or 0, melding.verlenging_maanden or 0
    # The engine words the lots and the indefinite term itself ("Onbepaalde looptijd: 48 maanden
    # gerekend"); we add how the extension options were counted, in the budget holder's terms.
    if not melding.percelen and not melding.onbepaalde_looptijd and melding.looptijd_maanden and aantal and per:
        regels.append(f"{melding.looptijd_maanden} maanden looptijd, inclusief {aantal} × {per} maanden "
                      f"verlenging: {melding.looptijd_maanden + aantal * per} maanden.")
    if (melding.prijsvorm == "totaal" and not melding.percelen and aantal and per
            and not melding.waarde_opties):
        waarschuwingen.append("U noemt verlengingen maar geen waarde voor de opties. Tel de waarde van de "
                              "verlengingen mee bij ‘waarde van opties en verlengingen’: de drempel geldt "
                              "voor de hele looptijd inclusief opties.")
    if bool(aantal) != bool(per):
        waarschuwingen.append("Vul bij verlengingen zowel het aantal als het aantal maanden per verlenging in.")
    try:
        r = melding_raming(melding)
    except OngeldigeRaming as fout:
        return Uitleg(None, None, tuple(regels), tuple(t for ts in fout.velden.values() for t in ts),
                      tuple(waarschuwingen), None, drempel)
    regels.extend(m.tekst for m in r.motivering)
    return Uitleg(r.waarde, r.gerekende_maanden, tuple(regels), (), tuple(waarschuwingen),
                  r.waarde >= drempel, drempel)
