"""Drawing a reproducible, amount-stratified sample of factuurregels (interfaces.md §6).

Method, as written on every sample for the accountant:

1. The population is every factuurregel of the boekjaar. Each line is identified by boekjaar,
   crediteurnummer, factuurnummer and its position on the invoice (the identity of the import,
   interfaces.md §2), never by a database id, so a re-import gives the same population.
2. The lines are divided into strata by the absolute amount (credit notes count by size).
3. The sample size is allocated to the strata in proportion to each stratum's total amount
   (monetary allocation), with at least one line per non-empty stratum when the size allows:
   a line in a stratum of large amounts is therefore more likely to be drawn.
4. Within a stratum the lines are ordered by SHA-256 of "jaar|zaad|identity" and the first ones
   are taken: a random permutation fixed by the seed that depends on no database order, no
   Python version and no other line. The same jaar, omvang, zaad and data give the same sample.

Pure Python (no Django), so it can be tested and explained on its own.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

# Lower bounds of the strata on |bedrag| (euro); the last one is open-ended.
STRATA = [
    ("< € 1.000", Decimal("0")),
    ("€ 1.000 – € 10.000", Decimal("1000")),
    ("€ 10.000 – € 100.000", Decimal("10000")),
    ("≥ € 100.000", Decimal("100000")),
]

METHODE = (
    "Gestratificeerde steekproef op bedrag: de factuurregels van het boekjaar zijn verdeeld in "
    "strata naar de absolute waarde van het bedrag (< € 1.000, € 1.000 – € 10.000, € 10.000 – "
    "€ 100.000, ≥ € 100.000). De omvang is over de strata verdeeld naar verhouding van het "
    "totaalbedrag per stratum, met minstens één regel per stratum; grotere bedragen hebben zo een "
    "grotere kans om getrokken te worden. Binnen een stratum zijn de regels geordend op de "
    "SHA-256-hash van ‘jaar|zaad|boekjaar|crediteurnummer|factuurnummer|regelnummer’ en zijn de "
    "eerste regels genomen. Met hetzelfde jaar, dezelfde omvang, hetzelfde zaad en dezelfde "
    "gegevens ontstaat altijd dezelfde steekproef."
)


class SteekproefFout(ValueError):
    """Raised with a Dutch sentence that says why no sample can be drawn."""


@dataclass(frozen=True, slots=True)  # slots: a year of a large city holds a million lines
class Regel:
    """One line of the population; `identiteit` is the import identity (see module docstring)."""

    boekjaar: int
    crediteurnummer: str
    factuurnummer: str
    volgnummer: int
    bedrag: Decimal
    sleutel: object = None  # the caller's handle (e.g. the database id); not used for drawing

    @property
    def identiteit(self) -> str:
        return f"{self.boekjaar}|{self.crediteurnummer}|{self.factuurnummer}|{self.volgnummer}"


@dataclass
class Stratum:
    naam: str
    van: Decimal
    tot: Decimal | None
    regels: list
    bedrag: Decimal = Decimal("0")
    getrokken: int = 0

    def als_dict(self) -> dict:
        return {"naam": self.naam, "van": str(self.van), "tot": str(self.tot) if self.tot is not None else None,
                "aantal": len(self.regels), "bedrag": f"{self.bedrag:.2f}", "getrokken": self.getrokken}


def stratum_index(bedrag: Decimal) -> int:
    grootte = abs(bedrag)
    index = 0
    for i, (_naam, ondergrens) in enumerate(STRATA):
        if grootte >= ondergrens:
            index = i
    return index


def volgorde(jaar: int, zaad: str, regel: Regel) -> str:
    return hashlib.sha256(f"{jaar}|{zaad}|{regel.identiteit}".encode()).hexdigest()


def populatie_kenmerk(regels: list[Regel]) -> str:
    """A checksum of the population (identities and amounts), order-independent."""
    h = hashlib.sha256()
    for identiteit, bedrag in sorted((r.identiteit, f"{r.bedrag:.2f}") for r in regels):
        h.update(f"{identiteit}={bedrag}\n".encode())
    return h.hexdigest()


def verdeel(omvang: int, strata: list[Stratum]) -> None:
    """Allocate `omvang` over the strata (sets `getrokken`); see step 3 of the module docstring."""
    gevuld = [s for s in strata if s.regels]
    for s in strata:
        s.getrokken = 0
    rest = omvang
    if omvang >= len(gevuld):
        for s in gevuld:
            s.getrokken = 1
        rest -= len(gevuld)
    while rest > 0:
        open_ = [s for s in gevuld if s.getrokken < len(s.regels)]
        if not open_:
            break
        gewicht = {id(s): s.bedrag for s in open_}
        totaal = sum(gewicht.values(), Decimal("0"))
        if totaal <= 0:  # only zero amounts left: by number of lines
            gewicht = {id(s): Decimal(len(s.regels) - s.getrokken) for s in open_}
            totaal = sum(gewicht.values(), Decimal("0"))
        # Largest remainder (Hamilton) on the proportional shares, capped at the stratum size.
        aandelen = [(s, Decimal(rest) * gewicht[id(s)] / totaal) for s in open_]
        toegekend = 0
        for s, aandeel in aandelen:
            extra = min(int(aandeel), len(s.regels) - s.getrokken)
            s.getrokken += extra
            toegekend += extra
        over = rest - toegekend
        restjes = sorted(aandelen, key=lambda sa: (-(sa[1] - int(sa[1])), -sa[0].bedrag, sa[0].van))
        for s, _aandeel in restjes:
            if over == 0:
                break
            if s.getrokken < len(s.regels):
                s.getrokken += 1
                over -= 1
        rest = over if over < rest else 0  # no progress possible means every stratum is full


def trek(*, jaar: int, omvang: int, zaad: str, regels: list[Regel]) -> tuple[list[tuple[Regel, str]], list[Stratum]]:
    """The sample: a list of (regel, stratumnaam) in drawing order, and the strata."""
    zaad = str(zaad).strip()
    if not zaad:
        raise SteekproefFout("Geef een zaad (seed) op; daarmee is de steekproef te herhalen.")
    if omvang < 1:
        raise SteekproefFout("De omvang van de steekproef moet minstens 1 zijn.")
    if omvang > len(regels):
        raise SteekproefFout(
            f"De steekproef kan niet {omvang} regels tellen: boekjaar {jaar} heeft maar "
            f"{len(regels)} factuurregels. Kies een omvang van hoogstens {len(regels)}."
        )
    strata = [Stratum(naam, van, STRATA[i + 1][1] if i + 1 < len(STRATA) else None, [])
              for i, (naam, van) in enumerate(STRATA)]
    for r in regels:
        s = strata[stratum_index(r.bedrag)]
        s.regels.append(r)
        s.bedrag += abs(r.bedrag)
    verdeel(omvang, strata)
    getrokken = []
    for s in reversed(strata):  # the largest amounts first, as an auditor reads them
        geordend = sorted(s.regels, key=lambda r: volgorde(jaar, zaad, r))
        getrokken += [(r, s.naam) for r in geordend[: s.getrokken]]
    return getrokken, strata
