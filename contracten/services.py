"""Write operations of the contracten app (services write, selectors read).

Every function validates what the forms cannot see (status order, dates against each other, a
reason for a theme that was not applied) and raises django ValidationError with a Dutch sentence
per field; nothing is stored half.
"""

import hashlib
import logging
import secrets
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from inkoop import cijfercache
from inkoop.formatting import datum as datum_nl
from inkoop.models import Lidmaatschap, Rol
from inkoop.services import notificeren
from meldingen.models import Tijdlijnregel
from meldingen.services import (
    MeldingConflict,
    MeldingOnvolledig,
    melding_status_wijzigen,
    tijdlijn_vastleggen,
)
from meldingen.workflow import OngeldigeOvergang, mag_overgaan

from .datums import plus_maanden
from .models import (
    BibobToets,
    Contract,
    ContractDocument,
    Herinnering,
    HerinneringSoort,
    Inschrijving,
    KalenderToken,
    Klacht,
    MvoiThema,
    MvoiToepassing,
    Perceel,
    SroiKandidaat,
    SroiRealisatie,
    SroiVerplichting,
    Traject,
    TrajectStatus,
    Uitnodiging,
    WerkpaktKeurmerkhouder,
)
from .selectors import traject_van_melding

log = logging.getLogger(__name__)
CENT = Decimal("0.01")


def _volgnummer(model, *, organisatie, prefix: str) -> str:
    """The next number `T2024-007` / `C2024-007` for this organisation and year."""
    nummers = model.objects.filter(organisatie=organisatie, nummer__startswith=prefix).values_list("nummer", flat=True)
    hoogste = max((int(n[len(prefix):]) for n in nummers if n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{hoogste + 1:03d}"


def _met_nummer(model, obj, prefix):
    """Save a new record with the next free number; retry when another request took it."""
    for _poging in range(5):
        obj.nummer = _volgnummer(model, organisatie=obj.organisatie, prefix=prefix)
        try:
            with transaction.atomic():
                obj.save()
            return obj
        except IntegrityError:
            # The same form posted twice at once: the other request stored it (same key).
            if getattr(obj, "sleutel", None) is not None:
                bestaand = model.objects.filter(organisatie=obj.organisatie, sleutel=obj.sleutel).first()
                if bestaand is not None:
                    return bestaand
            continue
    raise IntegrityError("Geen vrij volgnummer gevonden.")


# --------------------------------------------------------------------------------------------
# Trajecten


def _controleer_traject(traject: Traject):
    fouten = {}
    t = traject
    if t.publicatiedatum and t.publicatiedatum < t.startdatum:
        fouten["publicatiedatum"] = ["De publicatiedatum ligt vóór de start van de voorbereiding."]
    if t.afgerond_op and t.afgerond_op < (t.publicatiedatum or t.startdatum):
        fouten["afgerond_op"] = ["De datum van afronding ligt vóór de publicatie of de start."]
    if t.ingetrokken_op and t.ingetrokken_op < t.startdatum:
        fouten["ingetrokken_op"] = ["De datum van intrekking ligt vóór de start van de voorbereiding."]
    verwacht = {
        TrajectStatus.LOPEND: ("publicatiedatum", "Vul de datum van publicatie of uitnodiging in."),
        TrajectStatus.AFGEROND: ("afgerond_op", "Vul de datum van afronding in."),
        TrajectStatus.INGETROKKEN: ("ingetrokken_op", "Vul de datum van intrekking in."),
    }
    if t.status in verwacht:
        veld, tekst = verwacht[t.status]
        if getattr(t, veld) is None:
            fouten.setdefault(veld, []).append(tekst)
    if t.status == TrajectStatus.INGETROKKEN and not t.reden_intrekking.strip():
        fouten["reden_intrekking"] = ["Geef de reden van intrekking."]
    if t.status != TrajectStatus.AFGEROND and t.afgerond_op:
        fouten.setdefault("afgerond_op", []).append("Alleen een afgerond traject heeft een datum van afronding.")
    if t.status != TrajectStatus.INGETROKKEN and t.ingetrokken_op:
        fouten.setdefault("ingetrokken_op", []).append("Alleen een ingetrokken traject heeft een datum van intrekking.")
    if fouten:
        raise ValidationError(fouten)


def _melding_naar(melding, naar: str, door, toelichting: str):
    """Move the melding along its workflow (meldingen/workflow.py) when the procedure moves:
    traject started -> traject_gestart, traject completed -> gegund, contract registered ->
    afgerond. Only when the workflow allows it from the melding's current status; the traject
    and contract stand on their own, so a melding that moved on meanwhile never stops them.

    meldingen sits left of contracten (ADR 0002, 0005).
    """
    if melding is None or not mag_overgaan(melding.status, naar):
        return
    try:
        with transaction.atomic():
            melding_status_wijzigen(melding=melding, naar=naar, door=door, toelichting=toelichting)
    except (OngeldigeOvergang, MeldingConflict, MeldingOnvolledig) as fout:
        # Someone moved the melding meanwhile, or it lacks what the step needs: the traject or
        # contract stands on its own and the melding can follow by hand; the log says why.
        log.warning("Melding %s niet naar %s gezet: %s", melding.pk, naar, fout)


def _herhaald(model, organisatie, sleutel):
    """The record an earlier post of the same form created (`herhaald` set), or None."""
    bestaand = model.objects.filter(organisatie=organisatie, sleutel=sleutel).first() if sleutel else None
    if bestaand is not None:
        bestaand.herhaald = True
    return bestaand


@transaction.atomic
def traject_registreren(*, organisatie, door, sleutel=None, **velden) -> Traject:
    """Register a traject; a `sleutel` (the form's idempotency key) seen before returns that traject."""
    if bestaand := _herhaald(Traject, organisatie, sleutel):
        return bestaand
    traject = Traject(organisatie=organisatie, sleutel=sleutel, **velden)
    if traject.melding_id and traject.melding.organisatie_id != organisatie.id:
        raise ValidationError({"melding": ["Die melding hoort niet bij deze organisatie."]})
    _controleer_traject(traject)
    traject._history_user = door
    if (opgeslagen := _met_nummer(Traject, traject, f"T{traject.startdatum.year}-")) is not traject:
        opgeslagen.herhaald = True
        return opgeslagen
    cijfercache.versie_ophogen(organisatie_id=organisatie.pk)
    if traject.melding_id:
        tijdlijn_vastleggen(melding_id=traject.melding_id, soort=Tijdlijnregel.Soort.TRAJECT_GESTART, door=door,
                            tekst=f"Traject {traject.nummer} gestart: {traject.get_procedure_display().lower()}",
                            url=reverse("contracten:traject", kwargs={"pk": traject.pk}))
    _melding_naar(traject.melding, "traject_gestart", door, f"Traject {traject.nummer} is gestart.")
    return traject


@transaction.atomic
def traject_starten_uit_advies(*, advies, door, **velden) -> Traject:
    """Start the traject that carries out an accepted advice (the next step of the melding).

    One traject per melding: the melding row is locked, so two people starting at the same
    moment get one traject and a clear message. When the budget holder starts it (the policy
    lets them run this procedure), the inkoper of the melding is told.
    """
    from meldingen.models import Inkoopmelding

    melding = Inkoopmelding.objects.select_for_update(of=("self",)).select_related("inkoper").get(pk=advies.melding_id)
    if advies.status != "uitgebracht" or advies.geaccepteerd_op is None:
        raise ValidationError("Een traject start na een uitgebracht advies dat de budgethouder heeft geaccepteerd.")
    bestaand = traject_van_melding(melding.pk)
    if bestaand is not None:
        raise ValidationError(f"Voor melding {melding.nummer} is traject {bestaand.nummer} al gestart.")
    traject = traject_registreren(organisatie=advies.organisatie, door=door, melding=melding, **velden)
    ontvanger = melding.inkoper or advies.uitgebracht_door
    if ontvanger is not None and ontvanger.pk != door.pk and ontvanger.pk != melding.budgethouder_id:
        notificeren(organisatie=advies.organisatie, ontvanger=ontvanger,
                    onderwerp=f"Traject {traject.nummer} gestart voor melding {melding.nummer}"[:200],
                    tekst=f"{door} heeft het traject gestart ({traject.get_procedure_display().lower()}).",
                    url=reverse("contracten:traject", kwargs={"pk": traject.pk}))
    return traject


@transaction.atomic
def traject_wijzigen(*, traject: Traject, door, **velden) -> Traject:
    for k, v in velden.items():
        setattr(traject, k, v)
    _controleer_traject(traject)
    traject._history_user = door
    traject.save()
    cijfercache.versie_ophogen(organisatie_id=traject.organisatie_id)
    return traject


@transaction.atomic
def traject_status_wijzigen(*, traject: Traject, status: str, datum: date, door, reden: str = "") -> Traject:
    """in voorbereiding -> lopend -> afgerond; ingetrokken from any open status."""
    huidig = traject.status
    if huidig in (TrajectStatus.AFGEROND, TrajectStatus.INGETROKKEN):
        raise ValidationError({"status": [f"Een {traject.get_status_display().lower()} traject kan niet meer van status veranderen."]})
    if status == TrajectStatus.INGETROKKEN:
        traject.ingetrokken_op = datum
        traject.reden_intrekking = reden
    elif status == TrajectStatus.LOPEND and huidig == TrajectStatus.IN_VOORBEREIDING:
        traject.publicatiedatum = datum
    elif status == TrajectStatus.AFGEROND:
        # Straight from preparation (a single quote asked and accepted): it ran on that day.
        traject.publicatiedatum = traject.publicatiedatum or datum
        traject.afgerond_op = datum
    else:
        raise ValidationError({"status": ["Deze statuswijziging is niet mogelijk."]})
    traject.status = status
    traject = traject_wijzigen(traject=traject, door=door)
    if status == TrajectStatus.AFGEROND:
        _melding_naar(traject.melding, "gegund", door, f"Traject {traject.nummer} is afgerond en gegund.")
    return traject


def perceel_toevoegen(*, traject: Traject, naam: str, geraamde_waarde=None, nummer: int | None = None) -> Perceel:
    if nummer is None:
        nummer = (traject.percelen.order_by("-nummer").values_list("nummer", flat=True).first() or 0) + 1
    elif traject.percelen.filter(nummer=nummer).exists():
        raise ValidationError({"nummer": [f"Perceel {nummer} bestaat al in dit traject."]})
    perceel = Perceel.objects.create(organisatie=traject.organisatie, traject=traject, nummer=nummer, naam=naam,
                                     geraamde_waarde=geraamde_waarde)
    cijfercache.versie_ophogen(organisatie_id=traject.organisatie_id)
    return perceel


def _in_traject(traject, perceel):
    if perceel is not None and perceel.traject_id != traject.id:
        raise ValidationError({"perceel": ["Dat perceel hoort niet bij dit traject."]})


def uitnodiging_toevoegen(*, traject: Traject, naam: str, perceel=None, crediteur=None, regionaal=False,
                          werkpakt_keurmerk=False, uitgenodigd_op=None) -> Uitnodiging:
    _in_traject(traject, perceel)
    return Uitnodiging.objects.create(organisatie=traject.organisatie, traject=traject, perceel=perceel, naam=naam,
                                      crediteur=crediteur, regionaal=regionaal, werkpakt_keurmerk=werkpakt_keurmerk,
                                      uitgenodigd_op=uitgenodigd_op)


def inschrijving_toevoegen(*, traject: Traject, naam: str, perceel=None, crediteur=None, bedrag=None,
                           ingediend_op=None) -> Inschrijving:
    _in_traject(traject, perceel)
    if traject.percelen.exists() and perceel is None:
        raise ValidationError({"perceel": ["Dit traject heeft percelen: kies het perceel van de inschrijving."]})
    return Inschrijving.objects.create(organisatie=traject.organisatie, traject=traject, perceel=perceel, naam=naam,
                                       crediteur=crediteur, bedrag=bedrag, ingediend_op=ingediend_op)


def _gegunde_waarde_bijwerken(traject: Traject):
    """The traject's awarded value is the sum of its awarded bids (all lots together)."""
    totaal = traject.inschrijvingen.filter(gegund=True).aggregate(s=Sum("bedrag"))["s"]
    traject.gegunde_waarde = totaal
    traject.save(update_fields=["gegunde_waarde", "gewijzigd_op"])
    cijfercache.versie_ophogen(organisatie_id=traject.organisatie_id)


@transaction.atomic
def gunnen(*, inschrijving: Inschrijving, door) -> Inschrijving:
    """Award the bid: the one awarded bid of its lot (or of the traject without lots)."""
    if inschrijving.bedrag is None:
        raise ValidationError({"bedrag": ["Vul eerst de inschrijfsom in; zonder bedrag kan niet worden gegund."]})
    traject = Traject.objects.select_for_update().get(pk=inschrijving.traject_id)
    if traject.status in (TrajectStatus.INGETROKKEN,):
        raise ValidationError({"status": ["Een ingetrokken traject kan niet worden gegund."]})
    traject.inschrijvingen.filter(perceel_id=inschrijving.perceel_id).exclude(pk=inschrijving.pk).update(gegund=False)
    inschrijving.gegund = True
    inschrijving.save(update_fields=["gegund"])
    if inschrijving.perceel_id:
        Perceel.objects.filter(pk=inschrijving.perceel_id).update(gegunde_waarde=inschrijving.bedrag)
    traject._history_user = door
    _gegunde_waarde_bijwerken(traject)
    return inschrijving


@transaction.atomic
def gunning_intrekken(*, inschrijving: Inschrijving, door) -> Inschrijving:
    inschrijving.gegund = False
    inschrijving.save(update_fields=["gegund"])
    if inschrijving.perceel_id:
        Perceel.objects.filter(pk=inschrijving.perceel_id).update(gegunde_waarde=None)
    traject = inschrijving.traject
    traject._history_user = door
    _gegunde_waarde_bijwerken(traject)
    return inschrijving


@transaction.atomic
def mvoi_vastleggen(*, traject: Traject, perceel: Perceel | None, toepassingen: dict) -> list[MvoiToepassing]:
    """Store how each of the six themes was applied in `traject` (or one of its lots).

    `toepassingen`: thema -> {"als_minimumeis", "als_gunningscriterium", "als_contractvoorwaarde",
    "reden_niet_toegepast"}. Every theme needs an answer: applied in at least one way, or a reason
    why not (Manifest MVOI: comply or explain).
    """
    _in_traject(traject, perceel)
    fouten = {}
    for thema in MvoiThema:
        t = toepassingen.get(thema.value)
        if t is None:
            fouten[thema.value] = [f"Geef voor ‘{thema.label}’ aan hoe het is toegepast, of waarom niet."]
            continue
        toegepast = t.get("als_minimumeis") or t.get("als_gunningscriterium") or t.get("als_contractvoorwaarde")
        if not toegepast and not (t.get("reden_niet_toegepast") or "").strip():
            fouten[thema.value] = [f"‘{thema.label}’ is niet toegepast: geef de reden."]
    if fouten:
        raise ValidationError(fouten)
    opgeslagen = []
    for thema in MvoiThema:
        t = toepassingen[thema.value]
        toegepast = bool(t.get("als_minimumeis") or t.get("als_gunningscriterium") or t.get("als_contractvoorwaarde"))
        obj, _ = MvoiToepassing.objects.update_or_create(
            organisatie=traject.organisatie, traject=traject, perceel=perceel, thema=thema.value,
            defaults={"als_minimumeis": bool(t.get("als_minimumeis")),
                      "als_gunningscriterium": bool(t.get("als_gunningscriterium")),
                      "als_contractvoorwaarde": bool(t.get("als_contractvoorwaarde")),
                      "reden_niet_toegepast": "" if toegepast else t["reden_niet_toegepast"].strip()})
        opgeslagen.append(obj)
    cijfercache.versie_ophogen(organisatie_id=traject.organisatie_id)
    return opgeslagen


def bibob_toets_vastleggen(*, traject: Traject, **velden) -> BibobToets:
    toets = BibobToets(organisatie=traject.organisatie, traject=traject, **velden)
    if toets.uitgevoerd_op < traject.startdatum - timedelta(days=365):
        raise ValidationError({"uitgevoerd_op": ["Deze datum ligt ruim vóór de start van het traject; controleer het jaar."]})
    toets.save()
    return toets


def klacht_vastleggen(*, traject: Traject, **velden) -> Klacht:
    klacht = Klacht(organisatie=traject.organisatie, traject=traject, **velden)
    if klacht.afgehandeld_op and klacht.afgehandeld_op < klacht.ontvangen_op:
        raise ValidationError({"afgehandeld_op": ["De klacht kan niet zijn afgehandeld vóór de ontvangst."]})
    if klacht.afgehandeld_op and klacht.uitkomst == "in_behandeling":
        raise ValidationError({"uitkomst": ["Een afgehandelde klacht heeft een uitkomst."]})
    klacht.save()
    return klacht


def klacht_bijwerken(*, klacht: Klacht, **velden) -> Klacht:
    for k, v in velden.items():
        setattr(klacht, k, v)
    if klacht.afgehandeld_op and klacht.afgehandeld_op < klacht.ontvangen_op:
        raise ValidationError({"afgehandeld_op": ["De klacht kan niet zijn afgehandeld vóór de ontvangst."]})
    if klacht.afgehandeld_op and klacht.uitkomst == "in_behandeling":
        raise ValidationError({"uitkomst": ["Een afgehandelde klacht heeft een uitkomst."]})
    klacht.save()
    return klacht


def bibob_toets_bijwerken(*, toets: BibobToets, **velden) -> BibobToets:
    for k, v in velden.items():
        setattr(toets, k, v)
    toets.save()
    return toets


# --------------------------------------------------------------------------------------------
# Contracten


def afgeleide_termijnen(contract: Contract) -> None:
    """Derive `beslisdatum` and `einddatum_uiterlijk` from the term and the options left."""
    over = contract.verlengingen_over
    if contract.einddatum is None:
        contract.beslisdatum = None
        contract.einddatum_uiterlijk = None
        return
    contract.einddatum_uiterlijk = plus_maanden(contract.einddatum, over * contract.verlenging_maanden)
    if over > 0 and contract.verlenging_maanden > 0:
        contract.beslisdatum = plus_maanden(contract.einddatum, -contract.beslistermijn_maanden)
    else:
        contract.beslisdatum = None


def _controleer_contract(contract: Contract):
    fouten = {}
    c = contract
    if c.einddatum and c.einddatum < c.startdatum:
        fouten["einddatum"] = ["De einddatum ligt vóór de startdatum."]
    if c.verlengingen_aantal and not c.verlenging_maanden:
        fouten["verlenging_maanden"] = ["Geef aan hoeveel maanden een verlenging duurt."]
    if c.verlengingen_aantal and c.einddatum is None:
        fouten["einddatum"] = ["Een contract met verlengingsopties heeft een einddatum."]
    if c.verlengingen_benut > c.verlengingen_aantal:
        fouten["verlengingen_benut"] = ["Er zijn meer verlengingen benut dan er opties zijn."]
    if c.waarde_totaal is not None and c.waarde_totaal < 0:
        fouten["waarde_totaal"] = ["De contractwaarde kan niet negatief zijn."]
    if not c.crediteur_id and not c.leverancier_naam.strip():
        fouten["crediteur"] = ["Kies de crediteur of vul de naam van de leverancier in."]
    for veld in ("crediteur", "inkooppakket", "traject", "perceel", "melding"):
        rel = getattr(c, veld) if getattr(c, f"{veld}_id") else None
        if rel is not None and rel.organisatie_id != c.organisatie_id:
            fouten[veld] = ["Dit hoort niet bij deze organisatie."]
    if c.perceel_id and c.traject_id and c.perceel.traject_id != c.traject_id:
        fouten["perceel"] = ["Dat perceel hoort niet bij het gekozen traject."]
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def contract_registreren(*, organisatie, door, sroi_percentage=None, sleutel=None, **velden) -> Contract:
    """Register a contract; with `sroi_percentage` also its SROI obligation (percentage of the value).
    A `sleutel` (the form's idempotency key) seen before returns that contract."""
    if bestaand := _herhaald(Contract, organisatie, sleutel):
        return bestaand
    contract = Contract(organisatie=organisatie, sleutel=sleutel, **velden)
    if contract.perceel_id and not contract.traject_id:
        contract.traject_id = contract.perceel.traject_id
    if contract.traject_id and not contract.melding_id:
        contract.melding_id = contract.traject.melding_id
    _controleer_contract(contract)
    afgeleide_termijnen(contract)
    contract._history_user = door
    if (opgeslagen := _met_nummer(Contract, contract, f"C{contract.startdatum.year}-")) is not contract:
        opgeslagen.herhaald = True
        return opgeslagen
    if sroi_percentage:
        sroi_vastleggen(contract=contract, percentage=sroi_percentage)
    _melding_naar(contract.melding, "afgerond", door, f"Contract {contract.nummer} is geregistreerd.")
    return contract


@transaction.atomic
def contract_wijzigen(*, contract: Contract, door, **velden) -> Contract:
    for k, v in velden.items():
        setattr(contract, k, v)
    _controleer_contract(contract)
    afgeleide_termijnen(contract)
    contract._history_user = door
    contract.save()
    return contract


@transaction.atomic
def verlenging_benutten(*, contract: Contract, door) -> Contract:
    """Use the next extension option: the term moves on by `verlenging_maanden`."""
    if contract.verlengingen_over < 1:
        raise ValidationError({"verlenging": ["Dit contract heeft geen verlengingsoptie meer."]})
    contract.einddatum = plus_maanden(contract.einddatum, contract.verlenging_maanden)
    contract.verlengingen_benut += 1
    return contract_wijzigen(contract=contract, door=door)


@transaction.atomic
def niet_verlengen(*, contract: Contract, door) -> Contract:
    """Decide not to use the remaining options: the contract ends at `einddatum`."""
    if contract.verlengingen_over < 1:
        raise ValidationError({"verlenging": ["Dit contract heeft geen verlengingsoptie meer."]})
    contract.niet_verlengen = True
    return contract_wijzigen(contract=contract, door=door)


def _bedrag_van_percentage(grondslag: Decimal, percentage: Decimal) -> Decimal:
    return (grondslag * percentage / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


@transaction.atomic
def sroi_vastleggen(*, contract: Contract, percentage, grondslag=None, bedrag=None, toelichting="") -> SroiVerplichting:
    """The SROI obligation: `bedrag` = percentage × grondslag (the contract value incl. options
    when no other base is given), unless agreed otherwise."""
    percentage = Decimal(percentage)
    if not (Decimal(0) < percentage <= Decimal(100)):
        raise ValidationError({"percentage": ["Het SROI-percentage ligt tussen 0 en 100."]})
    grondslag = Decimal(grondslag) if grondslag is not None else contract.waarde_incl_opties
    bedrag = Decimal(bedrag) if bedrag is not None else _bedrag_van_percentage(grondslag, percentage)
    verplichting, _ = SroiVerplichting.objects.update_or_create(
        contract=contract, defaults={"organisatie": contract.organisatie, "percentage": percentage,
                                     "grondslag": grondslag, "bedrag": bedrag, "toelichting": toelichting})
    return verplichting


def sroi_realisatie_vastleggen(*, contract: Contract, datum: date, bedrag: Decimal, wijze: str,
                               omschrijving: str = "", door=None) -> SroiRealisatie:
    verplichting = getattr(contract, "sroi", None)
    if verplichting is None:
        raise ValidationError({"bedrag": ["Dit contract heeft geen SROI-verplichting; leg die eerst vast."]})
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": ["Het gerealiseerde bedrag is groter dan nul."]})
    if datum < contract.startdatum:
        raise ValidationError({"datum": [f"De datum ligt vóór de start van het contract ({datum_nl(contract.startdatum)})."]})
    if datum > timezone.localdate():
        raise ValidationError({"datum": ["Een realisatie ligt niet in de toekomst."]})
    return SroiRealisatie.objects.create(organisatie=contract.organisatie, verplichting=verplichting, datum=datum,
                                         bedrag=bedrag, wijze=wijze, omschrijving=omschrijving, vastgelegd_door=door)


def sroi_kandidaat_vastleggen(*, contract: Contract, geplaatst_op: date, doelgroep: str,
                              uit_gemeente: bool, aantal: int = 1) -> list[SroiKandidaat]:
    verplichting = getattr(contract, "sroi", None)
    if verplichting is None:
        raise ValidationError({"geplaatst_op": ["Dit contract heeft geen SROI-verplichting; leg die eerst vast."]})
    if geplaatst_op > timezone.localdate():
        raise ValidationError({"geplaatst_op": ["Een plaatsing ligt niet in de toekomst."]})
    if not 1 <= aantal <= 100:
        raise ValidationError({"aantal": ["Geef een aantal van 1 tot en met 100."]})
    return SroiKandidaat.objects.bulk_create([
        SroiKandidaat(organisatie=contract.organisatie, verplichting=verplichting, geplaatst_op=geplaatst_op,
                      doelgroep=doelgroep, uit_gemeente=uit_gemeente) for _ in range(aantal)])


TOEGESTANE_DOCUMENTEN = {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".odt", ".ods", ".txt", ".msg", ".eml", ".zip"}


def document_toevoegen(*, contract: Contract, bestand, omschrijving: str, door) -> ContractDocument:
    import os

    naam = os.path.basename(bestand.name)
    ext = os.path.splitext(naam)[1].lower()
    if ext not in TOEGESTANE_DOCUMENTEN:
        raise ValidationError({"bestand": [f"Bestanden van het type ‘{ext or 'onbekend'}’ worden niet aangenomen. "
                                           f"Toegestaan: {', '.join(sorted(TOEGESTANE_DOCUMENTEN))}."]})
    if bestand.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError({"bestand": ["Het bestand is te groot."]})
    return ContractDocument.objects.create(organisatie=contract.organisatie, contract=contract, bestand=bestand,
                                           naam=naam[:255], omschrijving=omschrijving, grootte=bestand.size,
                                           geupload_door=door)


def werkpakt_opslaan(*, organisatie, houder: WerkpaktKeurmerkhouder | None = None, **velden) -> WerkpaktKeurmerkhouder:
    houder = houder or WerkpaktKeurmerkhouder(organisatie=organisatie)
    for k, v in velden.items():
        setattr(houder, k, v)
    if houder.ingetrokken_op and houder.ingetrokken_op < houder.verleend_op:
        raise ValidationError({"ingetrokken_op": ["Het keurmerk kan niet vervallen vóór het is verleend."]})
    dubbel = WerkpaktKeurmerkhouder.objects.filter(organisatie=organisatie, naam__iexact=houder.naam)
    if houder.pk:
        dubbel = dubbel.exclude(pk=houder.pk)
    if dubbel.exists():
        raise ValidationError({"naam": ["Deze onderneming staat al in het register."]})
    houder.save()
    return houder


# --------------------------------------------------------------------------------------------
# Inkoopkalender


def kalender_sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


@transaction.atomic
def kalender_token_maken(*, organisatie, gebruiker) -> str:
    """A new secret for the user's iCal feed; the previous URL stops working. Returns the secret
    (shown once; only its hash is stored)."""
    sleutel = secrets.token_urlsafe(32)
    KalenderToken.objects.update_or_create(organisatie=organisatie, gebruiker=gebruiker,
                                           defaults={"sleutel_hash": kalender_sleutel_hash(sleutel),
                                                     "laatst_gebruikt_op": None})
    return sleutel


def herinnering_dagen() -> int:
    return int(getattr(settings, "CONTRACTEN_HERINNERING_DAGEN", 60))


def herinneringen_versturen(*, organisatie, vandaag: date | None = None) -> int:
    """Notify the contract owner and the inkopers of deadlines within the lead time.

    Two deadlines per contract: the date to decide on an extension (while options remain) and the
    end of the contract (when no option remains). Each contract + deadline is reminded exactly
    once: the Herinnering row is created in the same transaction as the notifications, and its
    unique constraint stops a second run (or a second worker) from sending again. A deadline that
    moves (an option used) is a new deadline and gets its own reminder.
    """
    vandaag = vandaag or timezone.localdate()
    tot = vandaag + timedelta(days=herinnering_dagen())
    inkopers = [lid.gebruiker for lid in Lidmaatschap.objects.filter(organisatie=organisatie, rol=Rol.INKOPER)
                .select_related("gebruiker").order_by("gebruiker_id") if lid.gebruiker.is_active]
    al_verstuurd = set(Herinnering.objects.filter(organisatie=organisatie, deadline__gte=vandaag)
                       .values_list("contract_id", "soort", "deadline"))
    kandidaten = []
    for c in Contract.objects.filter(organisatie=organisatie, beslisdatum__range=(vandaag, tot)).select_related("eigenaar"):
        kandidaten.append((c, HerinneringSoort.BESLISSING, c.beslisdatum))
    for c in (Contract.objects.filter(organisatie=organisatie, einddatum__range=(vandaag, tot))
              .select_related("eigenaar")):
        if c.verlengingen_over == 0:
            kandidaten.append((c, HerinneringSoort.EINDE, c.einddatum))
    verstuurd = 0
    for contract, soort, deadline in kandidaten:
        if (contract.id, soort, deadline) in al_verstuurd:
            continue
        ontvangers = {u.pk: u for u in inkopers}
        if contract.eigenaar_id and contract.eigenaar.is_active:
            ontvangers[contract.eigenaar_id] = contract.eigenaar
        if soort == HerinneringSoort.BESLISSING:
            onderwerp = f"Beslis vóór {datum_nl(deadline)} over verlenging van {contract.nummer}"
            tekst = (f"Het contract ‘{contract.omschrijving}’ met {contract.leverancier} loopt af op "
                     f"{datum_nl(contract.einddatum)}. Er {'is' if contract.verlengingen_over == 1 else 'zijn'} nog "
                     f"{contract.verlengingen_over} verlengingsoptie(s) van {contract.verlenging_maanden} maanden. "
                     f"Beslis uiterlijk {datum_nl(deadline)} of het contract wordt verlengd.")
        else:
            onderwerp = f"Contract {contract.nummer} eindigt op {datum_nl(deadline)}"
            tekst = (f"Het contract ‘{contract.omschrijving}’ met {contract.leverancier} eindigt op "
                     f"{datum_nl(deadline)} zonder verlengingsoptie. Is er een opvolger nodig? Doe dan tijdig een "
                     f"inkoopmelding.")
        url = reverse("contracten:contract", kwargs={"pk": contract.pk})
        try:
            with transaction.atomic():
                Herinnering.objects.create(organisatie=organisatie, contract=contract, soort=soort, deadline=deadline,
                                           ontvangers=len(ontvangers))
                for ontvanger in ontvangers.values():
                    notificeren(organisatie=organisatie, ontvanger=ontvanger, onderwerp=onderwerp, tekst=tekst, url=url)
        except IntegrityError:
            # Another run got there first: that run sent it.
            continue
        verstuurd += 1
    return verstuurd
