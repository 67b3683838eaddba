"""Write operations of the adviezen app (HackSoft styleguide: services write, selectors read).

- `concept_advies_maken_uitvoeren`: the draft advice of a submitted melding (the Celery task).
- `advies_bijwerken`, `advies_herberekenen`: the inkoper reviews and adjusts the draft.
- `advies_uitbrengen`: issue (immutable from then on), melding to "advies uitgebracht", notify.
- `nieuwe_versie_maken`: a new draft that will replace an issued version.
- `advies_accepteren`, `advies_vraag_stellen`, `advies_vraag_beantwoorden`: the budget holder's reaction.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from beleid.begrippen import EUROPESE_PROCEDURES, GRONDEN, PROCEDURES_DIDAM, Procedure
from beleid.selectors import beleid_voor, beleidsregels
from inkoop.formatting import euro
from inkoop.services import notificeren
from meldingen.models import Tijdlijnregel
from meldingen.services import tijdlijn_vastleggen

from .engine import (
    ZWAARTE,
    DrempelsOnbekend,
    OngeldigeInvoer,
    OngeldigeRaming,
    Samenhang,
    adviseer,
    feiten_uit_dict,
)
from .engine.bijlage_xiv import OngeldigeCpv, bijlage_xiv_groep
from .models import Advies, AdviesVraag, OnveranderlijkAdvies
from .selectors import samenhangende_inkopen

__all__ = [
    "AdviesOngeldig", "OnveranderlijkAdvies", "advies_accepteren", "advies_bijwerken", "advies_herberekenen",
    "advies_uitbrengen", "advies_vraag_beantwoorden", "advies_vraag_stellen",
    "concept_advies_maken_uitvoeren", "melding_invoer", "nieuwe_versie_maken", "uitgebracht_advies_verzekeren",
]


class AdviesOngeldig(ValueError):
    """The inkoper's advice cannot be stored; `velden` maps field name -> Dutch sentences."""

    def __init__(self, velden: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in velden.items()))
        self.velden = velden


def _geld(w):
    return None if w is None or w == "" else Decimal(str(w))


# ---------------------------------------------------------------------------------------------
# Computing the advice


def melding_invoer(melding, *, peildatum: date) -> dict:
    """The facts of a melding as input of the engine (the same JSON as `manage.py advies`)."""

    def geld(w):
        return None if w is None else str(w)

    invoer = {
        "soort": melding.soort,
        "datum": peildatum.isoformat(),
        "prijsvorm": melding.prijsvorm or "totaal",
        "waarde_totaal": geld(melding.waarde_totaal),
        "waarde_opties": geld(melding.waarde_opties),
        "waarde_per_jaar": geld(melding.waarde_per_jaar),
        "looptijd_maanden": melding.looptijd_maanden,
        "opties_verlenging_maanden": (melding.verlengingen_aantal or 0) * (melding.verlenging_maanden or 0),
        "onbepaalde_looptijd": bool(melding.onbepaalde_looptijd),
        "percelen": [str(p) for p in (melding.percelen or [])] or None,
        "werk_categorie": melding.werk_categorie or None,
        "branche": melding.branche or None,
        "regionale_markt_beschikbaar": bool(melding.regionale_markt_beschikbaar),
        "serieuze_gegadigden": melding.serieuze_gegadigden or None,
        "mvoi_themas": list(melding.mvoi_themas or []),
    }
    return {k: v for k, v in invoer.items() if v is not None}


def _peildatum(melding) -> date:
    # L-06: the reference date is the start of the procedure, which follows the advice; the
    # day the advice is computed is the best estimate (the form has the desired contract start).
    return timezone.localdate()


def _bereken(melding, *, peildatum: date | None = None):
    """(beleid model, invoer, berekend dict, fout) for `melding` under the policy in force today."""
    peildatum = peildatum or _peildatum(melding)
    model = beleid_voor(melding.organisatie)
    invoer = melding_invoer(melding, peildatum=peildatum)
    if model is None:
        return None, invoer, {}, "Er is geen beleid geconfigureerd."
    regels = beleidsregels(model)
    try:
        feiten = feiten_uit_dict(invoer)
        from dataclasses import replace

        samenhang = tuple(Samenhang(s["bron"], s["omschrijving"], s["bedrag"])
                          for s in samenhangende_inkopen(melding, maanden=regels.splitsing_venster_maanden,
                                                         op=peildatum))
        uitkomst = adviseer(replace(feiten, samenhangend=samenhang), regels)
    except (OngeldigeInvoer, OngeldigeRaming) as fout:
        regels_tekst = "; ".join(f"{k}: {' '.join(v)}" for k, v in fout.velden.items())
        return model, invoer, {}, f"De melding is onvolledig voor een advies ({regels_tekst})."
    except DrempelsOnbekend as fout:
        return model, invoer, {}, fout.melding
    berekend = uitkomst.als_dict()
    berekend["samenhangend"] = [{"bron": s.bron, "omschrijving": s.omschrijving, "bedrag": str(s.bedrag)}
                                for s in samenhang]
    if melding.gewenste_startdatum:
        andere = regels.drempels_op(melding.gewenste_startdatum)
        if andere is not uitkomst.drempelperiode:
            berekend["waarschuwingen"].append({"regel": "L-06", "tekst": (
                "De gewenste startdatum valt in een andere EU-drempelperiode dan vandaag. De drempel geldt op "
                "de datum van publicatie of start van de procedure: controleer de peildatum.")})
    return model, invoer, berekend, ""


def _vul_uit_berekening(advies: Advies, berekend: dict) -> None:
    advies.procedure = berekend.get("procedure") or ""
    advies.geraamde_waarde = _geld(berekend.get("geraamde_waarde"))
    advies.eu_drempel = _geld(berekend.get("eu_drempel"))
    advies.uit_te_nodigen_min = berekend.get("uit_te_nodigen_min")
    advies.uit_te_nodigen_max = berekend.get("uit_te_nodigen_max")
    advies.min_regionaal = berekend.get("min_regionaal") or 0
    advies.sroi_verplicht = bool(berekend.get("sroi_verplicht"))
    p = berekend.get("sroi_percentage")
    advies.sroi_percentage = None if p is None else Decimal(str(p))
    advies.bibob = bool(berekend.get("bibob"))
    advies.afwijking_motivering = ""


def concept_advies_maken_uitvoeren(*, melding_id: int) -> Advies | None:
    """The draft advice of a submitted melding. Safe to run twice: an existing version is kept
    (a draft whose facts changed is recomputed; an issued version is never touched)."""
    from meldingen.models import Inkoopmelding

    melding = Inkoopmelding.objects.select_related("organisatie").filter(pk=melding_id).first()
    if melding is None or melding.status == "concept":
        return None
    with transaction.atomic():
        # Lock the melding row so that two workers do not both create version 1.
        Inkoopmelding.objects.select_for_update().filter(pk=melding_id).first()
        laatste = melding.adviezen.order_by("-versie").first()
        if laatste is not None and laatste.status != Advies.Status.CONCEPT:
            return laatste
        model, invoer, berekend, fout = _bereken(melding)
        if laatste is not None:
            if laatste.invoer == invoer and laatste.fout == fout:
                return laatste
            return _herbereken(laatste, model, invoer, berekend, fout, door=None)
        advies = Advies(organisatie=melding.organisatie, melding=melding, versie=1, beleid=model,
                        peildatum=date.fromisoformat(invoer["datum"]), invoer=invoer, berekend=berekend, fout=fout)
        _vul_uit_berekening(advies, berekend)
        advies.save()
        return advies


def concept_adviezen_nakijken(*, wachttijd_minuten: int = 2) -> int:
    """Queue the draft advice of every submitted melding that has none yet, some minutes after
    it was submitted (its task was lost with the broker); the task itself is idempotent."""
    from django.utils import timezone

    from inkoop.wachtrij import in_wachtrij
    from meldingen.models import Inkoopmelding, Status

    from .tasks import concept_advies_maken

    grens = timezone.now() - timezone.timedelta(minutes=wachttijd_minuten)
    ids = (Inkoopmelding.objects.filter(status=Status.INGEDIEND, ingediend_op__lt=grens, adviezen__isnull=True)
           .values_list("pk", flat=True))
    return sum(in_wachtrij(concept_advies_maken, pk) for pk in ids)


def _herbereken(advies: Advies, model, invoer, berekend, fout, *, door) -> Advies:
    """Refresh a draft with a new computation; the inkoper's own choices survive when they still hold."""
    oud_procedure, oud_motivering = advies.procedure, advies.afwijking_motivering
    afgeweken = advies.wijkt_af
    advies.beleid, advies.invoer, advies.berekend, advies.fout = model, invoer, berekend, fout
    advies.peildatum = date.fromisoformat(invoer["datum"])
    advies.bewerkt_door = door or advies.bewerkt_door
    _vul_uit_berekening(advies, berekend)
    # Keep the deviation only if it is still allowed (never below a mandatory EU procedure).
    if (afgeweken and berekend and oud_procedure != berekend.get("procedure")
            and not (berekend.get("europees") and ZWAARTE.get(oud_procedure, 0) < 4)):
        advies.procedure, advies.afwijking_motivering = oud_procedure, oud_motivering
    advies.save()
    return advies


def advies_herberekenen(*, advies: Advies, door) -> Advies:
    """Recompute a draft with the melding's current facts and the policy in force today."""
    if not advies.is_concept:
        raise OnveranderlijkAdvies("Een uitgebracht advies wordt niet herberekend; maak een nieuwe versie.")
    with transaction.atomic():
        model, invoer, berekend, fout = _bereken(advies.melding)
        return _herbereken(advies, model, invoer, berekend, fout, door=door)


# ---------------------------------------------------------------------------------------------
# The inkoper's review




def controleer_advies(*, berekend: dict, procedure: str, afwijking_motivering: str, uit_te_nodigen_min,
                      uit_te_nodigen_max, min_regionaal, grond: str = "", cpv_code: str = "") -> dict[str, list[str]]:
    """The rules for the inkoper's choices (adviesregels.md P-10/P-11 and L-05; the grounds of
    Aw 2012 art. 2.28-2.32a; the light regime only for Annex XIV services), as Dutch sentences."""
    fouten: dict[str, list[str]] = {}
    berekende = berekend.get("procedure") or ""
    if procedure not in Procedure.values:
        fouten.setdefault("procedure", []).append("Kies een procedure.")
        return fouten
    if procedure != berekende and not (afwijking_motivering or "").strip():
        fouten.setdefault("afwijking_motivering", []).append(
            f"U wijkt af van de berekende procedure ({Procedure(berekende).label.lower() if berekende else '-'}). "
            "Schrijf waarom: een afwijking mag alleen met motivering.")
    if berekend.get("europees") and procedure not in EUROPESE_PROCEDURES:
        fouten.setdefault("procedure", []).append(
            f"De geraamde waarde bereikt de EU-drempel van {euro(berekend.get('eu_drempel'))}: een Europese procedure is "
            "verplicht (Aanbestedingswet 2012). Een lichtere procedure is niet toegestaan, ook niet met motivering.")
    gronden = GRONDEN.get(procedure, ())
    if gronden and grond not in gronden:
        fouten.setdefault("grond", []).append(
            f"De {Procedure(procedure).label.lower()} is alleen toegestaan op een van de gronden van de "
            "Aanbestedingswet: kies de grond die geldt." if not grond else
            f"Deze grond hoort niet bij de {Procedure(procedure).label.lower()}: kies een van de genoemde gronden.")
    if procedure == Procedure.SOCIAAL_EN_SPECIFIEK:
        # Computed by the engine, the budget holder named it a social service (soort); chosen by the
        # inkoper instead of the computed procedure, the CPV code must show it.
        if not (cpv_code or "").strip() and procedure != berekende:
            fouten.setdefault("cpv_code", []).append(
                "Het verlichte regime geldt alleen voor diensten van bijlage XIV van Richtlijn 2014/24/EU "
                "(Aw 2012 art. 2.38): vul de CPV-code van de dienst in.")
        elif (cpv_code or "").strip():
            try:
                if bijlage_xiv_groep(cpv_code) is None:
                    fouten.setdefault("cpv_code", []).append(
                        f"CPV-code {cpv_code.strip()} staat niet in bijlage XIV van Richtlijn 2014/24/EU: het "
                        "verlichte regime (Aw 2012 art. 2.38) geldt niet voor deze dienst.")
            except OngeldigeCpv as fout:
                fouten.setdefault("cpv_code", []).append(str(fout))
    didam = berekend.get("soort") == "verkoop_grond"
    if didam != (procedure in PROCEDURES_DIDAM):
        fouten.setdefault("procedure", []).append(
            "Bij verkoop van grond geldt Didam: kies een Didam-procedure." if didam else
            "Een Didam-procedure is alleen voor de verkoop van grond of vastgoed.")
    if procedure in (Procedure.ENKELVOUDIG, Procedure.MEERVOUDIG_ONDERHANDS):
        if uit_te_nodigen_min is None or uit_te_nodigen_max is None:
            fouten.setdefault("uit_te_nodigen_min", []).append("Vul in hoeveel ondernemers u uitnodigt (minimum en maximum).")
        elif uit_te_nodigen_min > uit_te_nodigen_max:
            fouten.setdefault("uit_te_nodigen_max", []).append("Het maximum is kleiner dan het minimum.")
        elif procedure == Procedure.MEERVOUDIG_ONDERHANDS and uit_te_nodigen_min < 2:
            fouten.setdefault("uit_te_nodigen_min", []).append(
                "Meervoudig onderhands betekent ten minste twee ondernemers (Gids Proportionaliteit: 3 tot 5).")
        if (min_regionaal or 0) > (uit_te_nodigen_max or 0):
            fouten.setdefault("min_regionaal", []).append(
                "Het aantal regionale ondernemers is groter dan het aantal uit te nodigen ondernemers.")
    return fouten


@transaction.atomic
def advies_bijwerken(*, advies: Advies, door, procedure: str, uit_te_nodigen_min=None, uit_te_nodigen_max=None,
                     min_regionaal: int = 0, uit_te_nodigen: str = "", opmerkingen: str = "",
                     afwijking_motivering: str = "", grond: str = "", cpv_code: str = "",
                     gelezen_op: str = "") -> Advies:
    """Store the inkoper's choices on a draft. Raises AdviesOngeldig (nothing stored) or OnveranderlijkAdvies.

    `gelezen_op` is when the inkoper opened the draft (the form keeps it): if someone else saved
    it since, the save is refused rather than silently overwriting the other's choices.
    """
    vers = Advies.objects.select_for_update().get(pk=advies.pk)
    if gelezen_op and vers.gewijzigd_op and vers.gewijzigd_op.isoformat() != gelezen_op:
        wie = vers.bewerkt_door or "iemand anders"
        raise AdviesOngeldig({None: [f"{wie} heeft dit concept gewijzigd nadat u het opende; uw wijzigingen "
                                     "zijn niet opgeslagen. Open het concept opnieuw en breng ze dan aan."]})
    advies.status = vers.status
    if not advies.is_concept:
        raise OnveranderlijkAdvies("Dit advies is uitgebracht en kan niet meer worden gewijzigd; maak een nieuwe versie.")
    if not advies.berekend:
        raise AdviesOngeldig({"procedure": [f"Er is nog geen berekend advies: {advies.fout or 'herbereken eerst.'}"]})
    publiek = procedure not in (Procedure.ENKELVOUDIG, Procedure.MEERVOUDIG_ONDERHANDS)
    if publiek:
        uit_te_nodigen_min = uit_te_nodigen_max = None
        min_regionaal = 0
    fouten = controleer_advies(berekend=advies.berekend, procedure=procedure, afwijking_motivering=afwijking_motivering,
                               uit_te_nodigen_min=uit_te_nodigen_min, uit_te_nodigen_max=uit_te_nodigen_max,
                               min_regionaal=min_regionaal, grond=grond, cpv_code=cpv_code)
    if fouten:
        raise AdviesOngeldig(fouten)
    advies.procedure = procedure
    advies.grond = grond if procedure in GRONDEN else ""
    advies.cpv_code = (cpv_code or "").strip()
    advies.uit_te_nodigen_min, advies.uit_te_nodigen_max = uit_te_nodigen_min, uit_te_nodigen_max
    advies.min_regionaal = min_regionaal or 0
    advies.uit_te_nodigen = (uit_te_nodigen or "").strip()
    advies.opmerkingen = (opmerkingen or "").strip()
    advies.afwijking_motivering = (afwijking_motivering or "").strip() if procedure != advies.berekende_procedure else ""
    advies.bewerkt_door = door
    advies.save()
    return advies


# ---------------------------------------------------------------------------------------------
# Issuing and the budget holder's reaction


def _advies_url(advies: Advies) -> str:
    return reverse("adviezen:advies", kwargs={"pk": advies.pk})


def advies_uitbrengen(*, advies: Advies, door, status_bijwerken: bool = True, melden: bool = True) -> Advies:
    """Issue a draft: it becomes immutable, an earlier issued version is replaced, the melding moves
    to "advies uitgebracht" (via meldingen.services) and the budget holder is notified.

    `status_bijwerken=False` and `melden=False` serve the demo data, which sets the melding's
    status itself.
    """
    from meldingen.models import Inkoopmelding, Status

    with transaction.atomic():
        advies = Advies.objects.select_for_update().select_related("melding").get(pk=advies.pk)
        if advies.status != Advies.Status.CONCEPT:
            raise OnveranderlijkAdvies("Dit advies is al uitgebracht.")
        if not advies.berekend or not advies.procedure:
            raise AdviesOngeldig({"procedure": [advies.fout or "Er is geen berekend advies om uit te brengen."]})
        fouten = controleer_advies(berekend=advies.berekend, procedure=advies.procedure,
                                   afwijking_motivering=advies.afwijking_motivering,
                                   uit_te_nodigen_min=advies.uit_te_nodigen_min,
                                   uit_te_nodigen_max=advies.uit_te_nodigen_max, min_regionaal=advies.min_regionaal)
        if fouten:
            raise AdviesOngeldig(fouten)
        nu = timezone.now()
        Advies.objects.filter(melding_id=advies.melding_id, status=Advies.Status.UITGEBRACHT).update(
            status=Advies.Status.VERVANGEN, gewijzigd_op=nu)
        advies.status = Advies.Status.UITGEBRACHT
        advies.uitgebracht_op, advies.uitgebracht_door = nu, door
        advies.save()
        melding = Inkoopmelding.objects.get(pk=advies.melding_id)
        if status_bijwerken and melding.status in (Status.INGEDIEND, Status.IN_BEHANDELING):
            from meldingen.services import melding_status_wijzigen, melding_toewijzen

            if melding.status == Status.INGEDIEND:
                # Issuing an unassigned melding: the inkoper who issues takes it (ingediend -> in behandeling).
                melding_toewijzen(melding=melding, inkoper=door, door=door)
            tekst = f"Advies versie {advies.versie}: {Procedure(advies.procedure).label.lower()}."
            melding_status_wijzigen(melding=melding, naar=Status.ADVIES_UITGEBRACHT, door=door, toelichting=tekst)
        elif melden:
            # A later version: the status stays, the timeline still shows the new advice.
            vervangt = f", vervangt versie {advies.versie - 1}" if advies.versie > 1 else ""
            tijdlijn_vastleggen(melding_id=melding.pk, soort=Tijdlijnregel.Soort.ADVIES_UITGEBRACHT, door=door,
                                tekst=f"Advies versie {advies.versie} uitgebracht{vervangt}",
                                toelichting=Procedure(advies.procedure).label, url=_advies_url(advies))
        if melden and melding.budgethouder_id and melding.budgethouder_id != getattr(door, "pk", None):
            vervangt = " Het vervangt het eerder uitgebrachte advies." if advies.versie > 1 else ""
            notificeren(organisatie=advies.organisatie, ontvanger=melding.budgethouder,
                        onderwerp=f"Inkoopadvies bij melding {melding.nummer}: {Procedure(advies.procedure).label}"[:200],
                        tekst=(f"{door} heeft het inkoopadvies bij ‘{melding.omschrijving}’ uitgebracht "
                               f"(versie {advies.versie}).{vervangt} Lees het advies, download de brief en "
                               "accepteer het of stel een vraag."),
                        url=_advies_url(advies))
    return advies


def nieuwe_versie_maken(*, advies: Advies, door) -> Advies:
    """A new draft after an issued version, recomputed with today's facts and policy; the inkoper's
    remarks and invitees are carried over. An existing draft is returned instead of a second one."""
    with transaction.atomic():
        from meldingen.models import Inkoopmelding

        Inkoopmelding.objects.select_for_update().filter(pk=advies.melding_id).first()
        laatste = Advies.objects.filter(melding_id=advies.melding_id).order_by("-versie").first()
        if laatste.status == Advies.Status.CONCEPT:
            return laatste
        model, invoer, berekend, fout = _bereken(advies.melding)
        nieuw = Advies(organisatie=advies.organisatie, melding_id=advies.melding_id, versie=laatste.versie + 1,
                       beleid=model, peildatum=date.fromisoformat(invoer["datum"]), invoer=invoer,
                       berekend=berekend, fout=fout, bewerkt_door=door)
        _vul_uit_berekening(nieuw, berekend)
        nieuw.uit_te_nodigen, nieuw.opmerkingen = laatste.uit_te_nodigen, laatste.opmerkingen
        if (laatste.wijkt_af and berekend and laatste.procedure != berekend.get("procedure")
                and not (berekend.get("europees") and laatste.procedure not in EUROPESE_PROCEDURES)):
            nieuw.procedure, nieuw.afwijking_motivering = laatste.procedure, laatste.afwijking_motivering
        nieuw.save()
        return nieuw


def advies_accepteren(*, advies: Advies, door) -> Advies:
    if advies.status != Advies.Status.UITGEBRACHT:
        raise OnveranderlijkAdvies("Alleen een uitgebracht advies kan worden geaccepteerd.")
    with transaction.atomic():
        n = Advies.objects.filter(pk=advies.pk, geaccepteerd_op__isnull=True, status=Advies.Status.UITGEBRACHT).update(
            geaccepteerd_op=timezone.now(), geaccepteerd_door=door)
        if n == 0:
            raise OnveranderlijkAdvies("Dit advies is al geaccepteerd.")
        advies.refresh_from_db()
        tijdlijn_vastleggen(melding_id=advies.melding_id, soort=Tijdlijnregel.Soort.ADVIES_GEACCEPTEERD, door=door,
                            tekst=f"Advies versie {advies.versie} geaccepteerd",
                            toelichting=Procedure(advies.procedure).label, url=_advies_url(advies))
        if advies.uitgebracht_door_id and advies.uitgebracht_door_id != door.pk:
            notificeren(organisatie=advies.organisatie, ontvanger=advies.uitgebracht_door,
                        onderwerp=f"Advies bij melding {advies.melding.nummer} geaccepteerd"[:200],
                        tekst=f"{door} heeft het inkoopadvies (versie {advies.versie}) geaccepteerd.",
                        url=_advies_url(advies))
    return advies


def advies_vraag_stellen(*, advies: Advies, door, tekst: str) -> AdviesVraag:
    tekst = (tekst or "").strip()
    if not tekst:
        raise AdviesOngeldig({"tekst": ["Schrijf uw vraag."]})
    if advies.status == Advies.Status.CONCEPT:
        raise AdviesOngeldig({"tekst": ["Over een concept kunt u nog geen vraag stellen."]})
    with transaction.atomic():
        vraag = AdviesVraag.objects.create(organisatie=advies.organisatie, advies=advies, tekst=tekst,
                                           gesteld_door=door)
        tijdlijn_vastleggen(melding_id=advies.melding_id, soort=Tijdlijnregel.Soort.ADVIES_VRAAG, door=door,
                            tekst=f"Vraag over advies versie {advies.versie}", toelichting=tekst,
                            url=_advies_url(advies) + "#vragen")
        melding = advies.melding
        ontvanger = advies.uitgebracht_door or melding.inkoper
        if ontvanger is not None and ontvanger.pk != door.pk:
            notificeren(organisatie=advies.organisatie, ontvanger=ontvanger,
                        onderwerp=f"Vraag over het advies bij melding {melding.nummer}"[:200],
                        tekst=f"{door} vraagt:\n\n{tekst}", url=_advies_url(advies) + "#vragen")
    return vraag


def advies_vraag_beantwoorden(*, vraag: AdviesVraag, door, antwoord: str) -> AdviesVraag:
    antwoord = (antwoord or "").strip()
    if not antwoord:
        raise AdviesOngeldig({"antwoord": ["Schrijf uw antwoord."]})
    with transaction.atomic():
        n = AdviesVraag.objects.filter(pk=vraag.pk, beantwoord_op__isnull=True).update(
            antwoord=antwoord, beantwoord_door=door, beantwoord_op=timezone.now())
        if n == 0:
            raise AdviesOngeldig({"antwoord": ["Deze vraag is al beantwoord."]})
        vraag.refresh_from_db()
        tijdlijn_vastleggen(melding_id=vraag.advies.melding_id, soort=Tijdlijnregel.Soort.ADVIES_ANTWOORD, door=door,
                            tekst=f"Antwoord op de vraag over advies versie {vraag.advies.versie}",
                            toelichting=antwoord, url=_advies_url(vraag.advies) + "#vragen")
        if vraag.gesteld_door_id and vraag.gesteld_door_id != door.pk:
            notificeren(organisatie=vraag.organisatie, ontvanger=vraag.gesteld_door,
                        onderwerp=f"Antwoord op uw vraag over het advies bij melding {vraag.advies.melding.nummer}"[:200],
                        tekst=f"Vraag: {vraag.tekst}\n\nAntwoord van {door}: {antwoord}",
                        url=_advies_url(vraag.advies) + "#vragen")
    return vraag


# ---------------------------------------------------------------------------------------------
# Demo and data loading


def uitgebracht_advies_verzekeren(*, melding, door) -> Advies | None:
    """Make sure `melding` has an issued advice (idempotent), without changing its status or notifying.

    For demo data and imports of meldingen that are already past "advies uitgebracht". Returns
    None when the engine cannot advise on the melding (incomplete facts, no thresholds).
    """
    bestaand = melding.adviezen.filter(status=Advies.Status.UITGEBRACHT).first()
    if bestaand is not None:
        return bestaand
    concept = melding.adviezen.filter(status=Advies.Status.CONCEPT).order_by("-versie").first()
    if concept is None:
        with transaction.atomic():
            laatste = melding.adviezen.order_by("-versie").first()
            model, invoer, berekend, fout = _bereken(melding, peildatum=_demo_peildatum(melding))
            concept = Advies(organisatie=melding.organisatie, melding=melding,
                             versie=(laatste.versie + 1) if laatste else 1, beleid=model,
                             peildatum=date.fromisoformat(invoer["datum"]), invoer=invoer, berekend=berekend, fout=fout)
            _vul_uit_berekening(concept, berekend)
            concept.save()
    if not concept.berekend:
        return None
    return advies_uitbrengen(advies=concept, door=door, status_bijwerken=False, melden=False)


def _demo_peildatum(melding) -> date:
    # Historic meldingen (the 2024 report) are advised on the thresholds of their own time.
    if melding.ingediend_op:
        return timezone.localtime(melding.ingediend_op).date()
    return timezone.localdate()
