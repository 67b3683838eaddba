"""Write operations of the meldingen app (services write, selectors read).

- `melding_opslaan`: create or save a concept, with optimistic locking on `versie` and an
  idempotency key (`sleutel`) so that a double submit of the form creates one melding.
- `melding_status_wijzigen`: the ONE function for every transition of the workflow
  (meldingen/workflow.py); `melding_indienen` is the transition to ingediend.
- What a melding may say (plausible values, complete before submitting) is checked in
  meldingen/validatie.py, the one rule set for the form, these services and the API.
- `concept_verwijderen`: its owner throws a concept away.
- `tijdlijn_vastleggen`: the apps to the right record their events in the melding's timeline.
- `melding_toewijzen`, `vraag_stellen`, `vraag_beantwoorden`, attachments, notifications read.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Length
from django.urls import reverse
from django.utils import timezone

from inkoop.models import Lidmaatschap, Notificatie, Rol
from inkoop.services import notificeren
from inkoop.wachtrij import na_commit

from .bijlagen import MAX_AANTAL, OngeldigeBijlage, controleer_bijlage
from .models import (
    Bijlage,
    Inkoopmelding,
    Status,
    Statuswijziging,
    Tijdlijnregel,
    Toewijzing,
    Vraag,
)
from .validatie import MeldingOngeldig, controleer_gegevens, controleer_indienbaar, melding_gegevens
from .workflow import (
    OPEN_STATUSSEN,
    TOELICHTING_VERPLICHT,
    OngeldigeOvergang,
    mag_overgaan,
)

# The fields a budget holder fills in on the form; everything else is the workflow's.
BEWERKBARE_VELDEN = [
    "omschrijving", "toelichting", "soort", "inkooppakket", "kostenplaats", "afdeling", "budgethouder",
    "gewenste_startdatum", "looptijd_maanden", "verlengingen_aantal", "verlenging_maanden",
    "onbepaalde_looptijd", "prijsvorm", "waarde_totaal", "waarde_opties", "waarde_per_jaar", "percelen",
    "werk_categorie", "branche", "regionale_markt_beschikbaar", "serieuze_gegadigden",
    "bestaand_contract", "bestaand_contract_einddatum", "mvoi_ambities", "mvoi_themas", "spoed",
    "spoed_reden",
]


class MeldingConflict(Exception):
    """Someone else saved the melding since it was opened; `huidige` is what is stored now."""

    def __init__(self, huidige: Inkoopmelding):
        self.huidige = huidige
        wie = huidige.gewijzigd_door or "iemand anders"
        wanneer = timezone.localtime(huidige.gewijzigd_op).strftime("%d-%m-%Y om %H:%M")
        super().__init__(f"{wie} heeft deze melding op {wanneer} gewijzigd, nadat u haar opende. "
                         "Uw wijzigingen zijn niet opgeslagen.")


class MeldingOnvolledig(MeldingOngeldig):
    """The melding cannot be submitted; `velden` maps field name -> Dutch sentences."""


def _detail_url(melding) -> str:
    return reverse("meldingen:detail", kwargs={"pk": melding.pk})


def _zet_gegevens(melding, gegevens: dict) -> list[str]:
    velden = []
    for veld, waarde in gegevens.items():
        if veld not in BEWERKBARE_VELDEN:
            raise ValueError(f"Veld {veld} wordt niet via het formulier opgeslagen.")
        if veld == "percelen":
            waarde = [str(p) for p in (waarde or [])]
        setattr(melding, veld, waarde)
        velden.append(veld)
    return velden


def _bewaar_met_versie(melding, *, door, velden: list[str], verwachte_versie: int, **extra):
    """UPDATE ... WHERE versie = <the versie the user read>: 0 rows means someone else saved."""
    melding.raming_bijwerken()
    opts = Inkoopmelding._meta
    waarden = {opts.get_field(v).attname: getattr(melding, opts.get_field(v).attname) for v in velden}
    waarden.update(geraamde_waarde=melding.geraamde_waarde, gerekende_maanden=melding.gerekende_maanden,
                   gewijzigd_op=timezone.now(), gewijzigd_door_id=door.pk if door else None, **extra)
    n = (Inkoopmelding.objects.filter(pk=melding.pk, versie=verwachte_versie)
         .update(versie=F("versie") + 1, **waarden))
    if n == 0:
        raise MeldingConflict(Inkoopmelding.objects.select_related("gewijzigd_door").get(pk=melding.pk))
    melding.versie = verwachte_versie + 1
    melding.gewijzigd_op = waarden["gewijzigd_op"]
    melding.gewijzigd_door = door


@transaction.atomic
def melding_opslaan(*, organisatie, door, gegevens: dict, melding: Inkoopmelding | None = None,
                    versie: int | None = None, sleutel=None, bijlagen=()) -> Inkoopmelding:
    """Create a concept, or save the concept `melding` that the user opened at `versie`.

    A new melding with a `sleutel` (the form's idempotency key) that already exists is not
    created again: the existing one is returned with `herhaald = True`. Saving a melding whose
    versie moved on raises MeldingConflict (nothing is stored). Implausible values (a start date
    in 1901, a term of 600 months: meldingen.validatie) raise MeldingOngeldig, and attachments
    are checked first, so neither stores anything.
    """
    te_controleren = melding_gegevens(melding) if melding is not None else {}
    te_controleren.update(gegevens)
    fouten = controleer_gegevens(te_controleren)
    if fouten:
        raise MeldingOngeldig(fouten)
    gecontroleerd = [(b, controleer_bijlage(b)) for b in bijlagen]
    if melding is None:
        if sleutel is not None:
            bestaand = Inkoopmelding.objects.filter(organisatie=organisatie, sleutel=sleutel).first()
            if bestaand is not None:
                bestaand.herhaald = True
                return bestaand
        melding = Inkoopmelding(organisatie=organisatie, aangemaakt_door=door, gewijzigd_door=door,
                                budgethouder=door)
        if sleutel is not None:
            melding.sleutel = sleutel
        _zet_gegevens(melding, gegevens)
        if not (melding.afdeling or "").strip():
            # Filed on behalf: the budget holder's afdeling, so that their colleagues see it too.
            melding.afdeling = (Lidmaatschap.objects.filter(gebruiker_id=melding.budgethouder_id, organisatie=organisatie)
                                .values_list("afdeling", flat=True).first() or "")
        try:
            with transaction.atomic():
                melding.save()
        except IntegrityError:
            # The same form was sent twice at the same moment: the other request created it.
            bestaand = Inkoopmelding.objects.filter(organisatie=organisatie, sleutel=sleutel).first()
            if bestaand is None:
                raise
            bestaand.herhaald = True
            return bestaand
        Statuswijziging.objects.create(melding=melding, van="", naar=Status.CONCEPT, door=door,
                                       op=melding.aangemaakt_op)
    else:
        if melding.status != Status.CONCEPT:
            raise OngeldigeOvergang(melding.status, melding.status,
                                    "Deze melding is al ingediend en kan niet meer worden gewijzigd. "
                                    "Stel uw vraag of wijziging via Inkoop.")
        velden = _zet_gegevens(melding, gegevens)
        _bewaar_met_versie(melding, door=door, velden=velden,
                           verwachte_versie=melding.versie if versie is None else versie)
    melding.herhaald = False
    _bijlagen_opslaan(melding, door, gecontroleerd)
    return melding


def concept_verwijderen(*, melding: Inkoopmelding, door) -> None:
    """Delete a concept with its attachments. A concept was never submitted: nobody else was
    notified, it has no number and no advice, so nothing refers to it. A submitted melding is
    withdrawn instead (ingetrokken, with a reason), which keeps its history."""
    with transaction.atomic():
        bestanden = [b.bestand for b in melding.bijlagen.all()]
        # Conditional on the status: a concept submitted meanwhile is not deleted.
        n, _per_model = Inkoopmelding.objects.filter(pk=melding.pk, status=Status.CONCEPT).delete()
        if n == 0:
            raise OngeldigeOvergang(melding.status, melding.status,
                                    "Deze melding is intussen ingediend en kan niet meer worden verwijderd; "
                                    "u kunt haar intrekken.")
        for bestand in bestanden:
            transaction.on_commit(lambda b=bestand: b.storage.delete(b.name))


def _bijlagen_opslaan(melding, door, gecontroleerd):
    if not gecontroleerd:
        return
    if melding.bijlagen.count() + len(gecontroleerd) > MAX_AANTAL:
        raise OngeldigeBijlage(f"Een melding kan hoogstens {MAX_AANTAL} bijlagen hebben.")
    for bestand, info in gecontroleerd:
        naam = bestand.name.replace("\\", "/").rsplit("/", 1)[-1][:255]
        Bijlage.objects.create(organisatie_id=melding.organisatie_id, melding=melding, bestand=bestand,
                               naam=naam, inhoudstype=info.inhoudstype, grootte=info.grootte,
                               geupload_door=door)


def bijlagen_toevoegen(*, melding, door, bestanden) -> list[Bijlage]:
    gecontroleerd = [(b, controleer_bijlage(b)) for b in bestanden]
    with transaction.atomic():
        voor = set(melding.bijlagen.values_list("pk", flat=True))
        _bijlagen_opslaan(melding, door, gecontroleerd)
        return list(melding.bijlagen.exclude(pk__in=voor))


def bijlage_verwijderen(*, bijlage, door) -> None:
    bestand = bijlage.bestand
    bijlage.delete()
    # Remove the file only once the row is gone for good.
    transaction.on_commit(lambda: bestand.storage.delete(bestand.name))


def _volgend_nummer(organisatie, jaar: int) -> str:
    laatste = (Inkoopmelding.objects.filter(organisatie=organisatie, nummer__startswith=f"{jaar}-")
               .order_by(Length("nummer").desc(), "-nummer").values_list("nummer", flat=True).first())
    volgnummer = int(laatste.split("-", 1)[1]) + 1 if laatste else 1
    return f"{jaar}-{volgnummer:04d}"


def melding_status_wijzigen(*, melding: Inkoopmelding, naar: str, door, toelichting: str = "") -> Inkoopmelding:
    """Move `melding` to status `naar`, if the workflow allows it, and record the transition.

    Raises OngeldigeOvergang for a transition that does not exist, for a missing reason where one
    is required, and when the melding's status changed in the meantime (the UPDATE is
    conditional on the status read, so two people cannot both make a transition from it).
    To ingediend it also validates (MeldingOnvolledig), numbers the melding, notifies Inkoop
    and queues the draft advice.
    """
    van = melding.status
    if not mag_overgaan(van, naar):
        raise OngeldigeOvergang(van, naar)
    toelichting = (toelichting or "").strip()
    if naar in TOELICHTING_VERPLICHT and not toelichting:
        raise OngeldigeOvergang(van, naar, f"Geef een toelichting: waarom wordt de melding "
                                           f"‘{Status(naar).label.lower()}’?")
    nu = timezone.now()
    extra = {}
    if naar == Status.INGEDIEND:
        fouten = controleer_indienbaar(melding)
        if fouten:
            raise MeldingOnvolledig(fouten)
        extra["ingediend_op"] = nu
    with transaction.atomic():
        for _poging in range(5):
            if naar == Status.INGEDIEND:
                extra["nummer"] = melding.nummer or _volgend_nummer(melding.organisatie, timezone.localtime(nu).year)
            try:
                with transaction.atomic():
                    n = (Inkoopmelding.objects.filter(pk=melding.pk, status=van)
                         .update(status=naar, versie=F("versie") + 1, gewijzigd_op=nu,
                                 gewijzigd_door_id=door.pk if door else None, **extra))
                    if n == 0:
                        actueel = Inkoopmelding.objects.only("status").get(pk=melding.pk).status
                        raise OngeldigeOvergang(van, naar, "Deze melding is intussen al "
                                                f"‘{Status(actueel).label.lower()}’; vernieuw de pagina.")
                    Statuswijziging.objects.create(melding=melding, van=van, naar=naar, door=door, op=nu,
                                                   toelichting=toelichting)
                break
            except IntegrityError:
                continue  # two meldingen got the same nummer at the same moment: take the next one
        else:  # pragma: no cover - five collisions in a row
            raise OngeldigeOvergang(van, naar, "Het meldingnummer kon niet worden toegekend; probeer het opnieuw.")
        melding.status, melding.versie, melding.gewijzigd_op, melding.gewijzigd_door = naar, melding.versie + 1, nu, door
        for veld, waarde in extra.items():
            setattr(melding, veld, waarde)
        _na_overgang(melding, van, naar, door, toelichting)
    return melding


def melding_indienen(*, melding: Inkoopmelding, door) -> Inkoopmelding:
    """Submit a concept: validate, status ingediend, record, notify Inkoop, queue the draft advice."""
    with transaction.atomic():
        return melding_status_wijzigen(melding=melding, naar=Status.INGEDIEND, door=door)


def _na_overgang(melding, van, naar, door, toelichting):
    url = _detail_url(melding)
    if naar == Status.INGEDIEND:
        for inkoper in _inkopers(melding.organisatie):
            if inkoper.pk == getattr(door, "pk", None):
                continue
            notificeren(organisatie=melding.organisatie, ontvanger=inkoper,
                        onderwerp=f"Nieuwe inkoopmelding {melding.nummer}: {melding.omschrijving}"[:200],
                        tekst=_samenvatting(melding), url=url)
        # ADR 0002: the draft advice is computed by the adviezen app, after the commit.
        from adviezen.tasks import concept_advies_maken

        # A broker that is away does not fail the submit: adviezen's sweep queues it later.
        na_commit(concept_advies_maken, melding.id)
        return
    if naar in (Status.IN_BEHANDELING, Status.ADVIES_UITGEBRACHT):
        # Assignment notifies the inkoper; issuing the advice notifies in adviezen (with the letter).
        return
    ontvangers = {melding.budgethouder}
    if naar in (Status.INGETROKKEN, Status.VERVALLEN) and melding.inkoper_id:
        ontvangers.add(melding.inkoper)
    if naar == Status.INGETROKKEN and van == Status.CONCEPT:
        return  # a draft nobody else has seen
    for ontvanger in ontvangers:
        if ontvanger is None or ontvanger.pk == getattr(door, "pk", None):
            continue
        tekst = f"De status van melding {melding.nummer or ''} is nu ‘{Status(naar).label.lower()}’."
        if toelichting:
            tekst += f"\n\nToelichting: {toelichting}"
        notificeren(organisatie=melding.organisatie, ontvanger=ontvanger,
                    onderwerp=f"Melding {melding.nummer}: {Status(naar).label.lower()}"[:200], tekst=tekst, url=url)


def _inkopers(organisatie):
    return [lid.gebruiker for lid in Lidmaatschap.objects.filter(organisatie=organisatie, rol=Rol.INKOPER)
            .select_related("gebruiker").order_by("gebruiker__username") if lid.gebruiker.is_active]


def _samenvatting(melding) -> str:
    from inkoop.formatting import datum, euro

    regels = [
        f"Omschrijving: {melding.omschrijving}",
        f"Soort: {melding.get_soort_display()}",
        f"Budgethouder: {melding.budgethouder} ({melding.afdeling or '-'})",
        f"Geraamde opdrachtwaarde: {euro(melding.geraamde_waarde)}",
        f"Gewenste startdatum: {datum(melding.gewenste_startdatum)}",
    ]
    if melding.spoed:
        regels.append(f"SPOED: {melding.spoed_reden}")
    return "\n".join(regels)


def melding_toewijzen(*, melding: Inkoopmelding, inkoper, door) -> Inkoopmelding:
    """Assign a submitted melding to an inkoper; ingediend moves to in_behandeling."""
    if not Lidmaatschap.objects.filter(gebruiker=inkoper, organisatie_id=melding.organisatie_id,
                                       rol=Rol.INKOPER).exists():
        raise ValueError(f"{inkoper} is geen inkoper van deze organisatie.")
    if melding.status not in OPEN_STATUSSEN[1:]:
        raise OngeldigeOvergang(melding.status, melding.status,
                                f"Een melding met status ‘{melding.get_status_display().lower()}’ kan niet "
                                "worden toegewezen.")
    with transaction.atomic():
        Inkoopmelding.objects.filter(pk=melding.pk).update(inkoper=inkoper, versie=F("versie") + 1,
                                                            gewijzigd_op=timezone.now())
        melding.inkoper, melding.versie = inkoper, melding.versie + 1
        Toewijzing.objects.create(melding=melding, inkoper=inkoper, door=door)
        if melding.status == Status.INGEDIEND:
            melding_status_wijzigen(melding=melding, naar=Status.IN_BEHANDELING, door=door,
                                    toelichting=f"Toegewezen aan {inkoper}.")
        if inkoper.pk != getattr(door, "pk", None):
            notificeren(organisatie=melding.organisatie, ontvanger=inkoper,
                        onderwerp=f"Melding {melding.nummer} is aan u toegewezen"[:200],
                        tekst=f"{door} heeft melding {melding.nummer} aan u toegewezen.\n\n" + _samenvatting(melding),
                        url=_detail_url(melding))
    return melding


def vraag_stellen(*, melding: Inkoopmelding, door, tekst: str) -> Vraag:
    """Inkoop asks the budget holder something; the melding waits on them until answered."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValueError("Schrijf uw vraag.")
    if melding.status not in OPEN_STATUSSEN[1:]:
        raise ValueError("Bij een afgesloten melding of een concept kunt u geen vraag stellen.")
    with transaction.atomic():
        vraag = Vraag.objects.create(melding=melding, tekst=tekst, gesteld_door=door)
        notificeren(organisatie=melding.organisatie, ontvanger=melding.budgethouder,
                    onderwerp=f"Vraag van Inkoop over melding {melding.nummer}"[:200],
                    tekst=f"{door} vraagt:\n\n{tekst}\n\nBeantwoord de vraag op de pagina van de melding.",
                    url=_detail_url(melding) + "#vragen")
    return vraag


def vraag_beantwoorden(*, vraag: Vraag, door, antwoord: str) -> Vraag:
    antwoord = (antwoord or "").strip()
    if not antwoord:
        raise ValueError("Schrijf uw antwoord.")
    nu = timezone.now()
    with transaction.atomic():
        n = Vraag.objects.filter(pk=vraag.pk, beantwoord_op__isnull=True).update(
            antwoord=antwoord, beantwoord_door=door, beantwoord_op=nu)
        if n == 0:
            raise ValueError("Deze vraag is al beantwoord.")
        vraag.antwoord, vraag.beantwoord_door, vraag.beantwoord_op = antwoord, door, nu
        melding = vraag.melding
        ontvangers = {u for u in (vraag.gesteld_door, melding.inkoper) if u is not None and u.pk != door.pk}
        for ontvanger in ontvangers:
            notificeren(organisatie=melding.organisatie, ontvanger=ontvanger,
                        onderwerp=f"Antwoord op uw vraag over melding {melding.nummer}"[:200],
                        tekst=f"Vraag: {vraag.tekst}\n\nAntwoord van {door}: {antwoord}",
                        url=_detail_url(melding) + "#vragen")
    return vraag


def tijdlijn_vastleggen(*, melding_id: int, soort: str, door, tekst: str, toelichting: str = "",
                        url: str = "") -> Tijdlijnregel:
    """Record an event of another app (advice, traject) in the melding's timeline."""
    return Tijdlijnregel.objects.create(melding_id=melding_id, soort=Tijdlijnregel.Soort(soort), door=door,
                                        tekst=tekst[:300], toelichting=toelichting, url=url[:300])


def notificatie_openen(*, notificatie: Notificatie) -> Notificatie:
    if notificatie.gelezen_op is None:
        notificatie.gelezen_op = timezone.now()
        notificatie.save(update_fields=["gelezen_op"])
    return notificatie


def notificaties_gelezen(*, gebruiker, organisatie) -> int:
    return Notificatie.objects.filter(ontvanger=gebruiker, organisatie=organisatie,
                                      gelezen_op__isnull=True).update(gelezen_op=timezone.now())
