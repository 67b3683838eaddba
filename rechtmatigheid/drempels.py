"""The limits the signals compare against: every one from the dated policy in force (Beleid).

The procedure bands, EU thresholds, the limit for a crediteur without inkooppakket and the
advice term are policy (adviesregels.md §1.2 [BELEID], beleid.models.Beleid); nothing here
repeats them. A band a policy version does not define gives no signal rather than a guess.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from beleid.models import Beleid
from beleid.selectors import beleid_voor


@dataclass(frozen=True)
class Drempels:
    # From this value the policy requires more than a single quote (meervoudig onderhands).
    meervoudig_levering_dienst: Decimal | None
    meervoudig_werk: Decimal | None
    # Nationaal openbaar for works (adviesregels.md P-11).
    nationaal_werk: Decimal | None
    # EU thresholds (Aw 2012 deel 2; adviesregels.md L-01).
    eu_levering_dienst: Decimal | None
    eu_werk: Decimal | None
    # Spend from which a crediteur must have an inkooppakket (product.md §4).
    leverancier_zonder_pakket: Decimal
    # Working days within which a submitted melding should have an advice.
    werkdagen_tot_advies: int
    bron: str

    def meervoudig(self, soort: str) -> Decimal | None:
        """The band for a pakket's soort; unknown soort counts as leveringen/diensten (§5)."""
        return self.meervoudig_werk if soort == "werk" else self.meervoudig_levering_dienst

    def banden(self, soort: str) -> list[Decimal]:
        """Every procedure band for the soort, ascending (for the splitting signal)."""
        if soort == "werk":
            banden = [self.meervoudig_werk, self.nationaal_werk, self.eu_werk]
        else:
            banden = [self.meervoudig_levering_dienst, self.eu_levering_dienst]
        return [b for b in banden if b is not None]


def drempels_voor(organisatie, peildatum: date) -> Drempels:
    """The limits in force at `peildatum` for `organisatie`: the policy version in force on that
    date (its procedure bands and EU threshold period); before the first version, the first."""
    beleid = beleid_voor(organisatie, op=peildatum) or beleid_voor(organisatie, op=_eerste_versie(organisatie))
    banden = list(beleid.banden.all())

    def band(soorten, procedure):
        waarden = [b.vanaf for b in banden
                   if b.soort in soorten and not b.werk_categorie and b.procedure == procedure]
        return min(waarden) if waarden else None

    periode = next((p for p in beleid.eu_drempels.all()
                    if p.geldig_vanaf <= peildatum and (p.geldig_tot is None or peildatum <= p.geldig_tot)),
                   None)
    waarden = {
        "meervoudig_levering_dienst": band(("levering", "dienst"), "meervoudig_onderhands"),
        "meervoudig_werk": band(("werk",), "meervoudig_onderhands"),
        "nationaal_werk": band(("werk",), "nationaal_openbaar"),
        # No EU period for the date (e.g. from 2028, adviesregels L-07): no EU band, no guess.
        "eu_levering_dienst": periode.leveringen_diensten if periode else None,
        "eu_werk": periode.werken if periode else None,
        "werkdagen_tot_advies": beleid.advies_termijn_werkdagen,
        "leverancier_zonder_pakket": beleid.beoordelen_vanaf,
    }
    return Drempels(**waarden, bron=f"beleid ‘{beleid.naam}’ (geldig vanaf {beleid.geldig_vanaf:%d-%m-%Y})")


def _eerste_versie(organisatie) -> date:
    from django.db.models import Q

    return (Beleid.objects.filter(Q(organisatie=organisatie) | Q(organisatie__isnull=True))
            .order_by("geldig_vanaf").values_list("geldig_vanaf", flat=True).first() or date.min)
