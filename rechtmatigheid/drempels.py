"""The limits the signals compare against, read from the configured policy.

The procedure bands are policy (adviesregels.md §1.2 [BELEID], Twente 2018): more than a single
quote from 30.000 for leveringen/diensten and 50.000 for werken; nationaal for works from
1.500.000; Europees from the EU threshold (§1.1 [WET], 221.000 / 5.538.000 in 2024-2025).

THE ONE PLACE WITH DEFAULTS: `STANDAARD` below is used only when the organisation has no policy
configured in the adviezen app (Beleid). Everything else in this app asks `drempels_voor()`.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Drempels:
    # From this value the policy requires more than a single quote (meervoudig onderhands).
    meervoudig_levering_dienst: Decimal
    meervoudig_werk: Decimal
    # Nationaal openbaar for works (adviesregels.md P-11).
    nationaal_werk: Decimal
    # EU thresholds (Aw 2012 deel 2; adviesregels.md L-01).
    eu_levering_dienst: Decimal
    eu_werk: Decimal
    # Spend from which a crediteur must have an inkooppakket (product.md §4).
    leverancier_zonder_pakket: Decimal
    # Working days within which a submitted melding should have an advice.
    werkdagen_tot_advies: int
    bron: str

    def meervoudig(self, soort: str) -> Decimal:
        """The band for a pakket's soort; unknown soort counts as leveringen/diensten (§5)."""
        return self.meervoudig_werk if soort == "werk" else self.meervoudig_levering_dienst

    def banden(self, soort: str) -> list[Decimal]:
        """Every procedure band for the soort, ascending (for the splitting signal)."""
        if soort == "werk":
            return [self.meervoudig_werk, self.nationaal_werk, self.eu_werk]
        return [self.meervoudig_levering_dienst, self.eu_levering_dienst]


STANDAARD = Drempels(
    meervoudig_levering_dienst=Decimal("30000.00"),
    meervoudig_werk=Decimal("50000.00"),
    nationaal_werk=Decimal("1500000.00"),
    eu_levering_dienst=Decimal("221000.00"),
    eu_werk=Decimal("5538000.00"),
    leverancier_zonder_pakket=Decimal("15000.00"),
    # Not given by the seed; ten working days (two weeks) is the service level assumed here.
    werkdagen_tot_advies=10,
    bron="standaardwaarden (geen beleid geconfigureerd)",
)


def drempels_voor(organisatie, peildatum: date) -> Drempels:
    """The limits in force at `peildatum` for `organisatie`.

    Reads the adviezen policy when that app offers `adviezen.selectors.rechtmatigheidsdrempels`
    (a runtime import: rechtmatigheid only reads, ADR 0002); otherwise the defaults above.
    """
    try:
        from adviezen import selectors as beleid_selectors
    except ImportError:
        return STANDAARD
    lezer = getattr(beleid_selectors, "rechtmatigheidsdrempels", None)
    if lezer is None:
        return STANDAARD
    gelezen = lezer(organisatie=organisatie, peildatum=peildatum)
    if not gelezen:
        return STANDAARD
    waarden = {k: gelezen.get(k, getattr(STANDAARD, k)) for k in Drempels.__dataclass_fields__}
    for k, v in waarden.items():
        if k not in ("werkdagen_tot_advies", "bron"):
            waarden[k] = Decimal(str(v)).quantize(Decimal("0.01"))
    waarden["bron"] = gelezen.get("bron", "beleid")
    return Drempels(**waarden)
