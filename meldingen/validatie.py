"""What a melding may say: one rule set for the form, the services and the API.

Two checks, both returning {field name: [Dutch sentences]} (empty: nothing wrong):

- `controleer_gegevens(gegevens, peildatum=...)`: values that parse but cannot be right (a start
  date in 1901, a term of 600 months, an existing contract ending in 2999, an amount of a
  billion). Applied on every save, concept or not: nothing implausible is ever stored.
- `controleer_indienbaar(melding)`: everything above, plus what a melding needs before it can be
  submitted (the facts the advice is computed from) and the melding threshold of the policy in
  force (P-01).

The plausibility limits are not procurement policy (that lives in the dated Beleid): they catch
typing errors, so they are fixed here, each with the reason the user reads.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from django.utils import timezone

from inkoop.formatting import datum, euro

from .models import SoortOpdracht

# A melding precedes the purchase (inkoopbeleid: melden vóór de inkoop). A start more than a year
# ago is a typing error, or a purchase that already happened and needs no advice any more.
STARTDATUM_TERUG_DAGEN = 366
# Ten years ahead is beyond any budget cycle: a later year is a typing error.
STARTDATUM_VOORUIT_JAREN = 10
# The contract being replaced may have ended recently (the purchase is overdue), not long ago.
BESTAAND_EINDE_TERUG_JAREN = 2
BESTAAND_EINDE_VOORUIT_JAREN = 10
# Terms: a framework agreement runs at most 4 years unless justified (Aw 2012 art. 2.140); other
# contracts of a municipality rarely run longer than 10 years. Longer is "onbepaalde looptijd",
# which the estimate counts as 48 months (Aw 2012 art. 2.16-2.17).
LOOPTIJD_MAX_MAANDEN = 120
VERLENGINGEN_MAX = 10
VERLENGING_MAX_MAANDEN = 60
TOTAAL_MAX_MAANDEN = 240
# One purchase of a billion euro exceeds the yearly spend of the largest municipality: a typing
# error (cents typed as euros, a digit too many).
BEDRAG_MAX = Decimal("1000000000")

BEDRAG_VELDEN = {
    "waarde_totaal": "De totale waarde",
    "waarde_opties": "De waarde van opties en verlengingen",
    "waarde_per_jaar": "De waarde per jaar",
}


class MeldingOngeldig(ValueError):
    """The melding cannot be stored or submitted as it is; `velden` maps field -> sentences."""

    def __init__(self, velden: dict[str, list[str]]):
        self.velden = velden
        super().__init__(" ".join(t for ts in velden.values() for t in ts))


def _jaren_later(d: date, jaren: int) -> date:
    try:
        return d.replace(year=d.year + jaren)
    except ValueError:  # 29 February
        return d.replace(year=d.year + jaren, day=28)


def controleer_gegevens(gegevens: Mapping, *, peildatum: date | None = None) -> dict[str, list[str]]:
    """Plausibility of the values in `gegevens` (field name -> parsed value; missing keys are skipped)."""
    peildatum = peildatum or timezone.localdate()
    fouten: dict[str, list[str]] = {}

    def fout(veld, tekst):
        fouten.setdefault(veld, []).append(tekst)

    start = gegevens.get("gewenste_startdatum")
    if start:
        vroegst = peildatum.fromordinal(peildatum.toordinal() - STARTDATUM_TERUG_DAGEN)
        laatst = _jaren_later(peildatum, STARTDATUM_VOORUIT_JAREN)
        if start < vroegst:
            fout("gewenste_startdatum",
                 f"De gewenste startdatum {datum(start)} ligt meer dan een jaar in het verleden. Een melding "
                 f"doet u vóór de inkoop: controleer het jaar (vroegst mogelijk: {datum(vroegst)}).")
        elif start > laatst:
            fout("gewenste_startdatum",
                 f"De gewenste startdatum {datum(start)} ligt meer dan {STARTDATUM_VOORUIT_JAREN} jaar vooruit: "
                 f"controleer het jaar (uiterlijk {datum(laatst)}).")

    einde = gegevens.get("bestaand_contract_einddatum")
    if einde:
        vroegst = _jaren_later(peildatum, -BESTAAND_EINDE_TERUG_JAREN)
        laatst = _jaren_later(peildatum, BESTAAND_EINDE_VOORUIT_JAREN)
        if einde < vroegst:
            fout("bestaand_contract_einddatum",
                 f"Het bestaande contract zou op {datum(einde)} zijn afgelopen, meer dan "
                 f"{BESTAAND_EINDE_TERUG_JAREN} jaar geleden: controleer de datum, of laat het veld leeg als "
                 "er geen lopend contract is.")
        elif einde > laatst:
            fout("bestaand_contract_einddatum",
                 f"Een contract dat pas op {datum(einde)} afloopt, loopt nog meer dan {BESTAAND_EINDE_VOORUIT_JAREN} "
                 f"jaar: controleer het jaar (uiterlijk {datum(laatst)}).")
        if "bestaand_contract" in gegevens and not (gegevens.get("bestaand_contract") or "").strip():
            fout("bestaand_contract", "U noemt een einddatum van een bestaand contract: vul ook in welk contract "
                                      "het is (naam of nummer en leverancier).")

    looptijd = gegevens.get("looptijd_maanden")
    onbepaald = bool(gegevens.get("onbepaalde_looptijd"))
    if looptijd is not None and not onbepaald:
        if looptijd < 1:
            fout("looptijd_maanden", "Vul een looptijd van ten minste 1 maand in, of kies ‘onbepaalde looptijd’.")
        elif looptijd > LOOPTIJD_MAX_MAANDEN:
            fout("looptijd_maanden",
                 f"Een looptijd van {looptijd} maanden (ruim {looptijd // 12} jaar) is niet aannemelijk: hoogstens "
                 f"{LOOPTIJD_MAX_MAANDEN} maanden ({LOOPTIJD_MAX_MAANDEN // 12} jaar). Heeft de opdracht geen vaste "
                 "einddatum, kies dan ‘onbepaalde looptijd’.")
    aantal = gegevens.get("verlengingen_aantal") or 0
    per = gegevens.get("verlenging_maanden") or 0
    if aantal > VERLENGINGEN_MAX:
        fout("verlengingen_aantal", f"{aantal} verlengingen is niet aannemelijk: hoogstens {VERLENGINGEN_MAX}.")
    if per > VERLENGING_MAX_MAANDEN:
        fout("verlenging_maanden",
             f"Een verlenging van {per} maanden is niet aannemelijk: hoogstens {VERLENGING_MAX_MAANDEN} maanden "
             f"({VERLENGING_MAX_MAANDEN // 12} jaar) per verlenging.")
    if (looptijd and not onbepaald and looptijd <= LOOPTIJD_MAX_MAANDEN and aantal <= VERLENGINGEN_MAX
            and per <= VERLENGING_MAX_MAANDEN and looptijd + aantal * per > TOTAAL_MAX_MAANDEN):
        fout("verlenging_maanden",
             f"Looptijd en verlengingen samen zijn {looptijd + aantal * per} maanden: hoogstens "
             f"{TOTAAL_MAX_MAANDEN} maanden ({TOTAAL_MAX_MAANDEN // 12} jaar).")

    for veld, naam in BEDRAG_VELDEN.items():
        bedrag = gegevens.get(veld)
        if bedrag is None:
            continue
        if bedrag <= 0 and veld != "waarde_opties":
            fout(veld, f"{naam} moet groter zijn dan € 0.")
        elif bedrag > BEDRAG_MAX:
            fout(veld, f"{naam} van {euro(bedrag)} is niet aannemelijk voor één inkoop (hoogstens "
                       f"{euro(BEDRAG_MAX)}): controleer het aantal cijfers.")
    for i, perceel in enumerate(gegevens.get("percelen") or [], start=1):
        bedrag = Decimal(str(perceel))
        if bedrag <= 0:
            fout("percelen", f"Perceel {i} moet een waarde groter dan € 0 hebben.")
        elif bedrag > BEDRAG_MAX:
            fout("percelen", f"Perceel {i} met {euro(bedrag)} is niet aannemelijk voor één inkoop (hoogstens "
                             f"{euro(BEDRAG_MAX)}): controleer het aantal cijfers.")
    return fouten


def melding_gegevens(melding) -> dict:
    """The values of a (saved or unsaved) melding that `controleer_gegevens` reads."""
    namen = ("gewenste_startdatum", "bestaand_contract", "bestaand_contract_einddatum", "looptijd_maanden",
             "onbepaalde_looptijd", "verlengingen_aantal", "verlenging_maanden", "percelen", *BEDRAG_VELDEN)
    return {naam: getattr(melding, naam) for naam in namen}


def controleer_indienbaar(melding, *, peildatum: date | None = None) -> dict[str, list[str]]:
    """Everything that stops this melding from being submitted (empty: nothing), all at once."""
    from .waarde import meldingsdrempel, uitleg

    fouten = controleer_gegevens(melding_gegevens(melding), peildatum=peildatum)

    def fout(veld, tekst):
        fouten.setdefault(veld, []).append(tekst)

    if not (melding.omschrijving or "").strip():
        fout("omschrijving", "Beschrijf kort wat u wilt inkopen.")
    if not melding.soort:
        fout("soort", "Kies de soort opdracht.")
    if not melding.kostenplaats_id:
        fout("kostenplaats", "Kies de kostenplaats waarop de uitgaven worden geboekt.")
    if not melding.gewenste_startdatum:
        fout("gewenste_startdatum", "Vul de gewenste startdatum in.")
    if not melding.onbepaalde_looptijd and not melding.looptijd_maanden and "looptijd_maanden" not in fouten:
        fout("looptijd_maanden", "Vul de looptijd in maanden in, of kies ‘onbepaalde looptijd’.")
    if bool(melding.verlengingen_aantal) != bool(melding.verlenging_maanden):
        fout("verlenging_maanden", "Vul bij verlengingen zowel het aantal als het aantal maanden per "
                                   "verlenging in (of laat beide op 0).")
    if melding.soort == SoortOpdracht.WERK and not melding.werk_categorie:
        fout("werk_categorie", "Kies bij een werk de categorie (bouw, grond-, weg- en waterbouw of cultuurtechnisch).")
    if melding.soort == SoortOpdracht.VERKOOP_GROND and not melding.serieuze_gegadigden:
        fout("serieuze_gegadigden", "Geef bij verkoop van grond aan of er één of meer serieuze gegadigden zijn.")
    if not melding.branche:
        fout("branche", "Kies de branche van de leveranciers (of ‘overig’).")
    if melding.spoed and not (melding.spoed_reden or "").strip():
        fout("spoed_reden", "Leg uit waarom de inkoop spoed heeft.")
    if melding.prijsvorm == "totaal" and melding.waarde_totaal is None and not melding.percelen:
        fout("waarde_totaal", "Vul de totale waarde in (exclusief btw).")
    if melding.prijsvorm == "periodiek" and melding.waarde_per_jaar is None and not melding.percelen:
        fout("waarde_per_jaar", "Vul de waarde per jaar in (exclusief btw).")
    waardevelden = {"looptijd_maanden", "verlengingen_aantal", "verlenging_maanden", "percelen", *BEDRAG_VELDEN}
    if waardevelden & set(fouten):
        return fouten  # the estimate of implausible or missing values would only add noise
    u = uitleg(melding, meldingsdrempel(melding.organisatie))
    if u.waarde is None and not fouten:
        fout("geraamde_waarde", " ".join(u.ontbreekt) or "De opdrachtwaarde kan nog niet worden berekend.")
    elif not u.melding_nodig and melding.soort != SoortOpdracht.VERKOOP_GROND:
        # P-01: no melding below the threshold. Didam (verkoop grond) has none (adviesregels §5).
        fout("geraamde_waarde", onder_drempel_tekst(u.waarde, u.drempel))
    return fouten


def onder_drempel_tekst(waarde: Decimal, drempel: Decimal) -> str:
    """What to do instead when a purchase stays below the melding threshold (P-01)."""
    return (f"De geraamde opdrachtwaarde is {euro(waarde)}, lager dan {euro(drempel)}. Voor deze inkoop is geen "
            "inkoopmelding nodig: vraag zelf een of meer offertes op volgens het inkoopbeleid, bij voorkeur ook "
            "bij lokale ondernemers, en bestel via uw gewone route. Deze melding kan daarom niet worden ingediend.")
