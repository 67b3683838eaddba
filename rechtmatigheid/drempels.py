"""The limits the signals compare against, read from the configured policy.

The procedure bands are policy (adviesregels.md §1.2 [BELEID], Twente 2018): more than a single
quote from 30.000 for leveringen/diensten and 50.000 for werken; nationaal for works from
1.500.000; Europees from the EU threshold (§1.1 [WET], 221.000 / 5.538.000 in 2024-2025).

`drempels_voor()` reads every limit from the policy of the adviezen app (Beleid) in force:
bands, EU thresholds, the 15.000 limit and the advice term. `STANDAARD` only fills a band that a
policy version does not define (and serves a date before any policy version).
"""

from dataclasses import dataclass, replace
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
    eu_levering_dienst: Decimal | None
    eu_werk: Decimal | None
    # Spend from which a crediteur must have an inkooppakket (product.md §4).
    leverancier_zonder_pakket: Decimal
    # Working days within which a submitted melding should have an advice.
    werkdagen_tot_advies: int
    bron: str
    # Months within which purchases of one pakket count together (adviesregels.md L-26).
    splitsing_venster_maanden: int = 12

    def meervoudig(self, soort: str) -> Decimal:
        """The band for a pakket's soort; unknown soort counts as leveringen/diensten (§5)."""
        return self.meervoudig_werk if soort == "werk" else self.meervoudig_levering_dienst

    def eu(self, soort: str) -> Decimal | None:
        """The EU threshold for the soort (Aw 2012 art. 2.1-2.2; adviesregels.md L-01)."""
        return self.eu_werk if soort == "werk" else self.eu_levering_dienst

    def vereist(self, soort: str, waarde: Decimal) -> tuple[int, str, Decimal | None, str]:
        """The procedure a value requires: (weight, name, band reached, kader).

        Weights as contracten.models.ZWAARTE: 4 European (law: Aw 2012 deel 2 from the EU
        threshold), 3 nationaal openbaar (works, policy P-11), 2 meervoudig onderhands (policy
        P-10), 1 a single quote. `kader` is "europees" or "eigen_beleid" (the rule broken when a
        lighter procedure was used).
        """
        eu = self.eu(soort)
        if eu is not None and waarde >= eu:
            return 4, "Europese aanbesteding", eu, "europees"
        if soort == "werk" and waarde >= self.nationaal_werk:
            return 3, "nationaal openbare aanbesteding", self.nationaal_werk, "eigen_beleid"
        band = self.meervoudig(soort)
        if waarde >= band:
            return 2, "meervoudig onderhandse procedure", band, "eigen_beleid"
        return 1, "enkelvoudig onderhandse opdracht", None, ""

    def banden(self, soort: str) -> list[Decimal]:
        """Every procedure band for the soort, ascending (for the splitting signal)."""
        if soort == "werk":
            banden = [self.meervoudig_werk, self.nationaal_werk, self.eu_werk]
        else:
            banden = [self.meervoudig_levering_dienst, self.eu_levering_dienst]
        return [b for b in banden if b is not None]


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


def _uit_beleid(beleid, peildatum: date) -> Drempels:
    """The limits of one policy version on `peildatum` (its bands; its EU period for that date)."""
    banden = list(beleid.banden.all())

    def band(soorten, procedure):
        waarden = [b.vanaf for b in banden
                   if b.soort in soorten and not b.werk_categorie and b.procedure == procedure]
        return min(waarden) if waarden else None

    perioden = sorted(beleid.eu_drempels.all(), key=lambda p: p.geldig_vanaf)
    periode = next((p for p in perioden
                    if p.geldig_vanaf <= peildatum and (p.geldig_tot is None or peildatum <= p.geldig_tot)),
                   None)
    if periode is None and perioden and peildatum < perioden[0].geldig_vanaf:
        # A contract awarded before the oldest configured period is judged by that period: the
        # thresholds only rose since 2014, so this never finds a fault the older ones would not.
        periode = perioden[0]
    waarden = {
        "meervoudig_levering_dienst": band(("levering", "dienst"), "meervoudig_onderhands"),
        "meervoudig_werk": band(("werk",), "meervoudig_onderhands"),
        "nationaal_werk": band(("werk",), "nationaal_openbaar"),
        # No EU period for the date (e.g. from 2028, adviesregels L-07): no EU band, no guess.
        "eu_levering_dienst": periode.leveringen_diensten if periode else None,
        "eu_werk": periode.werken if periode else None,
        "werkdagen_tot_advies": beleid.advies_termijn_werkdagen,
        "leverancier_zonder_pakket": beleid.beoordelen_vanaf,
        "splitsing_venster_maanden": beleid.splitsing_venster_maanden,
    }
    return replace(STANDAARD, **{k: v for k, v in waarden.items() if v is not None or k.startswith("eu_")},
                   bron=f"beleid ‘{beleid.naam}’ (geldig vanaf {beleid.geldig_vanaf:%d-%m-%Y})")


def drempels_voor(organisatie, peildatum: date) -> Drempels:
    """The limits in force at `peildatum` for `organisatie`.

    Reads the policy version in force on that date (its procedure bands and EU threshold
    period); a value the policy does not hold comes from `STANDAARD`. A runtime import:
    rechtmatigheid only reads (ADR 0002).
    """
    from beleid.selectors import beleid_voor

    beleid = beleid_voor(organisatie, op=peildatum)
    if beleid is None:
        return STANDAARD
    return _uit_beleid(beleid, peildatum)


class DrempelReeks:
    """The limits on any date, for many dates at once (award dates of thousands of contracts).

    Loads every policy version of the organisation and the default once (with bands and EU
    periods) and answers per date from memory, the same choice as `beleid_voor`: the
    organisation's latest version in force, else the default's.
    """

    def __init__(self, organisatie):
        from django.db.models import Q

        from beleid.models import Beleid

        versies = list(Beleid.objects.filter(Q(organisatie=organisatie) | Q(organisatie__isnull=True))
                       .prefetch_related("banden", "eu_drempels").order_by("geldig_vanaf", "id"))
        if not versies:  # the default seed may be lost in a flushed database
            drempels_voor(organisatie, date.today())
            versies = list(Beleid.objects.filter(Q(organisatie=organisatie) | Q(organisatie__isnull=True))
                           .prefetch_related("banden", "eu_drempels").order_by("geldig_vanaf", "id"))
        self.eigen = [b for b in versies if b.organisatie_id is not None]
        self.standaard = [b for b in versies if b.organisatie_id is None]
        self._cache: dict = {}

    def op(self, peildatum: date) -> Drempels:
        beleid = next((b for b in reversed(self.eigen) if b.geldig_vanaf <= peildatum), None) or \
            next((b for b in reversed(self.standaard) if b.geldig_vanaf <= peildatum), None)
        if beleid is None:
            return STANDAARD
        perioden = sorted(beleid.eu_drempels.all(), key=lambda p: p.geldig_vanaf)
        periode = next((p.pk for p in perioden
                        if p.geldig_vanaf <= peildatum and (p.geldig_tot is None or peildatum <= p.geldig_tot)),
                       perioden[0].pk if perioden and peildatum < perioden[0].geldig_vanaf else None)
        sleutel = (beleid.pk, periode)
        if sleutel not in self._cache:
            self._cache[sleutel] = _uit_beleid(beleid, peildatum)
        return self._cache[sleutel]


def verantwoordingsgrens_voor(organisatie, jaar: int) -> Decimal | None:
    """The verantwoordingsgrens the council set for `jaar` (policy in force on 31 December), or
    None when the policy holds none (BBV art. 28: the council sets it, at most 3 % of the lasten)."""
    from beleid.selectors import beleid_voor

    beleid = beleid_voor(organisatie, op=date(jaar, 12, 31))
    return beleid.verantwoordingsgrens if beleid is not None else None
