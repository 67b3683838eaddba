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
    # Months within which purchases of one pakket count together (adviesregels.md L-26).
    splitsing_venster_maanden: int = 12

    def meervoudig(self, soort: str) -> Decimal | None:
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
        if soort == "werk" and self.nationaal_werk is not None and waarde >= self.nationaal_werk:
            return 3, "nationaal openbare aanbesteding", self.nationaal_werk, "eigen_beleid"
        band = self.meervoudig(soort)
        if band is not None and waarde >= band:
            return 2, "meervoudig onderhandse procedure", band, "eigen_beleid"
        return 1, "enkelvoudig onderhandse opdracht", None, ""

    def banden(self, soort: str) -> list[Decimal]:
        """Every procedure band for the soort, ascending (for the splitting signal)."""
        if soort == "werk":
            banden = [self.meervoudig_werk, self.nationaal_werk, self.eu_werk]
        else:
            banden = [self.meervoudig_levering_dienst, self.eu_levering_dienst]
        return [b for b in banden if b is not None]


def _eu_periode(beleid, peildatum: date):
    """The policy's EU threshold period in force on `peildatum`, or None (e.g. from 2028, L-07)."""
    perioden = sorted(beleid.eu_drempels.all(), key=lambda p: p.geldig_vanaf)
    periode = next((p for p in perioden
                    if p.geldig_vanaf <= peildatum and (p.geldig_tot is None or peildatum <= p.geldig_tot)),
                   None)
    if periode is None and perioden and peildatum < perioden[0].geldig_vanaf:
        # A contract awarded before the oldest configured period is judged by that period: the
        # thresholds only rose since 2014, so this never finds a fault the older ones would not.
        periode = perioden[0]
    return periode


def _uit_beleid(beleid, peildatum: date) -> Drempels:
    """The limits of one policy version on `peildatum` (its bands; its EU period for that date)."""
    banden = list(beleid.banden.all())

    def band(soorten, procedure):
        waarden = [b.vanaf for b in banden
                   if b.soort in soorten and not b.werk_categorie and b.procedure == procedure]
        return min(waarden) if waarden else None

    periode = _eu_periode(beleid, peildatum)
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
    return Drempels(**waarden, bron=f"beleid ‘{beleid.naam}’ (geldig vanaf {beleid.geldig_vanaf:%d-%m-%Y})")


def drempels_voor(organisatie, peildatum: date) -> Drempels:
    """The limits in force at `peildatum` for `organisatie`: the policy version in force on that
    date (its procedure bands and EU threshold period); before the first version, the first."""
    beleid = beleid_voor(organisatie, op=peildatum) or beleid_voor(organisatie, op=_eerste_versie(organisatie))
    return _uit_beleid(beleid, peildatum)


def _eerste_versie(organisatie) -> date:
    from django.db.models import Q

    return (Beleid.objects.filter(Q(organisatie=organisatie) | Q(organisatie__isnull=True))
            .order_by("geldig_vanaf").values_list("geldig_vanaf", flat=True).first() or date.min)


class DrempelReeks:
    """The limits on any date, for many dates at once (award dates of thousands of contracts).

    Loads every policy version of the organisation and the default once (with bands and EU
    periods) and answers per date from memory, the same choice as `beleid_voor`: the
    organisation's latest version in force, else the default's.
    """

    def __init__(self, organisatie):
        from django.db.models import Q

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
        if beleid is None:  # before the first version: the first (as drempels_voor)
            beleid = min(self.eigen or self.standaard, key=lambda b: b.geldig_vanaf)
        periode = _eu_periode(beleid, peildatum)
        sleutel = (beleid.pk, periode.pk if periode else None)
        if sleutel not in self._cache:
            self._cache[sleutel] = _uit_beleid(beleid, peildatum)
        return self._cache[sleutel]


def verantwoordingsgrens_voor(organisatie, jaar: int) -> Decimal | None:
    """The verantwoordingsgrens the council set for `jaar` (policy in force on 31 December), or
    None when the policy holds none (BBV art. 28: the council sets it, at most 3 % of the lasten)."""
    beleid = beleid_voor(organisatie, op=date(jaar, 12, 31))
    return beleid.verantwoordingsgrens if beleid is not None else None
