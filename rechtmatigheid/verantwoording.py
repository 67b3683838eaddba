"""The rechtmatigheidsverantwoording of a year: the assessed findings of purchasing.

Since the accounting year 2023 the college states in the jaarrekening itself that its spending
was lawful (Gemeentewet art. 213a/197, BBV art. 28 and the Kadernota rechtmatigheid of the
Commissie BBV); the council sets the verantwoordingsgrens above which errors are reported. For
purchasing the findings are:

- the signals of the year judged `terecht` that carry an amount (`details["fout"]`: the spend per
  crediteur that broke the rule; process signals such as a late advice carry none), and
- the steekproef lines of the year judged `onrechtmatig`.

Each euro counts once: per crediteur the largest amount among its findings (a supplier without
a contract in a pakket over the EU threshold appears in two signals, with the same spend), and a
sample line counts only when its crediteur has no signal finding. Each finding is European law or
own policy (`Kader`), and it is doorloop when it stems from an earlier year: a contract awarded
before the year with too light a procedure, or a subject already judged terecht the year before.
The figures add up: every total is the sum of the listed findings.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from .models import Beoordeling, Kader, Signaal, Soort, Steekproef, Uitkomst

NUL = Decimal("0.00")


@dataclass
class Fout:
    bron: str  # "signaal" or "steekproef"
    sleutel: str  # the crediteurnummer (or the subject of a splitting signal)
    omschrijving: str
    kader: str
    bedrag: Decimal
    doorloop: bool
    soort: str = ""
    toelichting: str = ""
    signaal_id: int | None = None

    def als_json(self) -> dict:
        return {"bron": self.bron, "sleutel": self.sleutel, "omschrijving": self.omschrijving, "kader": self.kader,
                "soort": self.soort or None, "bedrag": f"{self.bedrag:.2f}", "doorloop": self.doorloop,
                "toelichting": self.toelichting or None}


@dataclass
class Verantwoording:
    jaar: int
    verantwoordingsgrens: Decimal | None
    fouten: list[Fout] = field(default_factory=list)
    open_signalen: int = 0

    def som(self, kader: str | None = None, doorloop: bool | None = None) -> Decimal:
        return sum((f.bedrag for f in self.fouten if (kader is None or f.kader == kader)
                    and (doorloop is None or f.doorloop == doorloop)), NUL)

    @property
    def totaal(self) -> Decimal:
        return self.som()

    @property
    def boven_grens(self) -> bool | None:
        return None if self.verantwoordingsgrens is None else self.totaal >= self.verantwoordingsgrens

    def tabel(self) -> list[dict]:
        """Rows EU law, own policy and total; columns new, doorloop, total."""
        rijen = []
        for kader, label in [*Kader.choices, (None, "Totaal")]:
            rijen.append({"kader": kader, "label": str(label), "nieuw": self.som(kader, False),
                          "doorloop": self.som(kader, True), "totaal": self.som(kader)})
        return rijen

    def als_json(self) -> dict:
        def geld(x):
            return None if x is None else f"{x:.2f}"

        per_kader = {(r["kader"] or "totaal"): {"nieuw": geld(r["nieuw"]), "doorloop": geld(r["doorloop"]),
                                               "totaal": geld(r["totaal"])} for r in self.tabel()}
        return {"jaar": self.jaar, "verantwoordingsgrens": geld(self.verantwoordingsgrens),
                "fouten": per_kader, "boven_verantwoordingsgrens": self.boven_grens,
                "open_signalen": self.open_signalen,
                "bevindingen": [f.als_json() for f in self.fouten]}


def _eerder_terecht(organisatie, jaar: int) -> set[str]:
    return set(Signaal.objects.filter(organisatie=organisatie, jaar__lt=jaar, beoordeling=Beoordeling.TERECHT)
               .values_list("sleutel", flat=True))


def verantwoording(*, organisatie, jaar: int, verantwoordingsgrens: Decimal | None) -> Verantwoording:
    """The findings of `jaar` against the verantwoordingsgrens (see the module docstring)."""
    v = Verantwoording(jaar=jaar, verantwoordingsgrens=verantwoordingsgrens)
    signalen = list(Signaal.objects.filter(organisatie=organisatie, jaar=jaar, actueel=True)
                    .order_by("-risico", "sleutel"))
    v.open_signalen = sum(1 for s in signalen if s.beoordeling == Beoordeling.OPEN)
    eerder = _eerder_terecht(organisatie, jaar)
    per_sleutel: dict[str, Fout] = {}
    volgorde = {Kader.EUROPEES: 0, Kader.EIGEN_BELEID: 1, "": 2}
    for s in signalen:
        if s.beoordeling != Beoordeling.TERECHT or not s.details.get("fout"):
            continue
        doorloop = bool(s.details.get("doorloop")) or s.sleutel in eerder
        kader = s.kader or Kader.EIGEN_BELEID
        for sleutel, bedrag in sorted(s.details["fout"].items()):
            bedrag = Decimal(bedrag)
            kandidaat = Fout(bron="signaal", sleutel=sleutel, omschrijving=s.onderwerp or s.crediteurnaam,
                             kader=kader, bedrag=bedrag, doorloop=doorloop, soort=s.soort,
                             toelichting=s.beoordeling_toelichting, signaal_id=s.pk)
            huidig = per_sleutel.get(sleutel)
            if huidig is None or (bedrag, -volgorde[kader]) > (huidig.bedrag, -volgorde[huidig.kader]):
                per_sleutel[sleutel] = kandidaat
    fouten = sorted(per_sleutel.values(), key=lambda f: (-f.bedrag, f.sleutel))
    sp = Steekproef.objects.filter(organisatie=organisatie, jaar=jaar).order_by("-getrokken_op", "-id").first()
    if sp is not None:
        for r in sp.regels.filter(uitkomst=Uitkomst.ONRECHTMATIG).order_by("volgnummer"):
            if r.crediteurnummer in per_sleutel:
                continue
            fouten.append(Fout(bron="steekproef", sleutel=r.crediteurnummer,
                               omschrijving=f"{r.crediteurnaam} factuur {r.factuurnummer}".strip(),
                               kader=r.kader or Kader.EIGEN_BELEID, bedrag=r.bedrag, doorloop=False,
                               toelichting=r.uitkomst_toelichting))
    v.fouten = fouten
    return v


# The soorten whose terecht assessment is a rechtmatigheid error (the others signal a process risk).
SOORTEN_MET_FOUT = (Soort.UITGAVEN_ZONDER_CONTRACT, Soort.EU_DREMPEL_PAKKET, Soort.PROCEDURE_TE_LICHT,
                    Soort.MOGELIJKE_SPLITSING, Soort.CONTRACT_OVERSCHREDEN, Soort.CONTRACT_VERLOPEN)
