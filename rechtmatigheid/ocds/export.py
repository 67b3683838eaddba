"""The trajecten and contracten of a year as an OCDS 1.1 release package (interfaces.md §7).

Open Contracting Data Standard 1.1.5 (schemas shipped in ./schema, validated in the tests), with
the lots extension (./schema/lots): a traject's percelen are `tender.lots`, an award for a perceel
names it in `relatedLots`, and the tender's items carry the traject's CPV code where it is known
(one item per lot, `relatedLot`). One
release per traject, with the traject's awards and contracts; a contract without a traject (not
guided by Inkoop, or registered by a budgethouder) gets a release of its own. Procedures below
the EU thresholds are included on purpose: that is what TenderNed does not show.

Mapping of the Dutch procedure types to the closed OCDS `method` codelist:
openbaar -> open, niet-openbaar / mededinging / dialoog -> selective, meervoudig onderhands
(invited firms) -> limited, enkelvoudig onderhands and Didam with one serious candidate -> direct.
"""

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from beleid.begrippen import Procedure, SoortOpdracht

from .. import bronnen

OCDS_VERSIE = "1.1"
# OCDS procurementMethod per procedure of the vocabulary (a test checks every procedure is here).
METHODE = {
    Procedure.ENKELVOUDIG: "direct",
    Procedure.MEERVOUDIG_ONDERHANDS: "limited",
    Procedure.NATIONAAL_OPENBAAR: "open",
    Procedure.NATIONAAL_NIET_OPENBAAR: "selective",
    Procedure.EUROPEES_OPENBAAR: "open",
    Procedure.EUROPEES_NIET_OPENBAAR: "selective",
    Procedure.EUROPEES_MEDEDINGINGSPROCEDURE: "selective",
    Procedure.EUROPEES_CONCURRENTIEGERICHTE_DIALOOG: "selective",
    Procedure.EUROPEES_INNOVATIEPARTNERSCHAP: "selective",
    Procedure.ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING: "limited",
    Procedure.SOCIAAL_EN_SPECIFIEK: None,  # the light regime leaves the procedure free (Aw 2012 art. 2.39)
    Procedure.DIDAM_OPENBARE_SELECTIE: "open",
    Procedure.DIDAM_ENIGE_SERIEUZE_GEGADIGDE: "direct",
    Procedure.BIEDINGSPROCEDURE: "open",
}
TENDERSTATUS = {"in_voorbereiding": "planning", "lopend": "active", "afgerond": "complete",
                "ingetrokken": "cancelled"}
CATEGORIE = {SoortOpdracht.LEVERING: "goods", SoortOpdracht.DIENST: "services", SoortOpdracht.WERK: "works",
             SoortOpdracht.SOCIALE_DIENST: "services"}
# The extensions the package uses (OCDS 1.1: listed by the URL of their extension.json).
EXTENSIES = ["https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json"]


class GeenGegevens(ValueError):
    """Raised with a Dutch sentence when a year has nothing to publish."""


def _tijd(waarde) -> str | None:
    """An OCDS date-time (RFC 3339) in the organisation's time zone."""
    if waarde is None:
        return None
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).isoformat(timespec="seconds")
    return datetime.combine(waarde, time(0), tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()


def _waarde(bedrag) -> dict | None:
    if bedrag is None:
        return None
    return {"amount": float(Decimal(bedrag).quantize(Decimal("0.01"))), "currency": "EUR"}


def _schoon(d: dict) -> dict:
    """Leave out empty fields (OCDS: omit what is unknown rather than publish nulls)."""
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


class _Partijen:
    """The parties of one release, each once (the schema wants unique items)."""

    def __init__(self):
        self.lijst: dict[str, dict] = {}

    def voeg_toe(self, partij_id: str, naam: str, rol: str, **extra) -> dict:
        partij = self.lijst.get(partij_id)
        if partij is None:
            partij = self.lijst[partij_id] = _schoon({"id": partij_id, "name": naam, **extra})
            partij["roles"] = []
        if rol not in partij["roles"]:
            partij["roles"].append(rol)
        return {"id": partij_id, "name": naam}

    def crediteur(self, crediteur, naam: str, rol: str) -> dict:
        if crediteur is None:
            return self.voeg_toe(f"leverancier-{naam}", naam, rol)
        extra = {}
        if crediteur.kvk_nummer:
            extra["identifier"] = {"scheme": "NL-KVK", "id": crediteur.kvk_nummer, "legalName": crediteur.naam}
        adres = _schoon({"postalCode": crediteur.postcode, "locality": crediteur.plaats,
                         "countryName": crediteur.land})
        if adres:
            extra["address"] = adres
        return self.voeg_toe(f"crediteur-{crediteur.nummer}", crediteur.naam, rol, **extra)


def _ocid(organisatie, soort: str, nummer: str) -> str:
    prefix = getattr(settings, "OCDS_PREFIX", "ocds-inkoop")
    return f"{prefix}-{organisatie.slug}-{soort}-{nummer}"


def _koper(organisatie, partijen: _Partijen, verbonden_partij: str = ""):
    """The buyer; a verbonden partij buys with the organisation as procuring entity."""
    eigen = partijen.voeg_toe(f"organisatie-{organisatie.slug}", organisatie.naam,
                              "procuringEntity" if verbonden_partij else "buyer")
    if verbonden_partij:
        return partijen.voeg_toe(f"verbonden-partij-{verbonden_partij}", verbonden_partij, "buyer"), eigen
    return eigen, None


def _contract(c, award_id: str) -> dict:
    if c.einddatum and c.einddatum < timezone.localdate():
        status = "terminated"
    elif c.startdatum > timezone.localdate():
        status = "pending"
    else:
        status = "active"
    return _schoon({
        "id": c.nummer,
        "awardID": award_id,
        "title": c.omschrijving,
        "description": c.toelichting,
        "status": status,
        "period": _schoon({"startDate": _tijd(c.startdatum), "endDate": _tijd(c.einddatum),
                           "maxExtentDate": _tijd(c.einddatum_uiterlijk)}),
        "value": _waarde(c.waarde_incl_opties),
    })


def _items(t, percelen) -> list[dict]:
    """What is bought, classified by CPV (the 8-digit code, without its check digit): one item per
    lot, or one for the whole tender. Without a known CPV code there is nothing to classify."""
    if not t.cpv_code:
        return []
    cpv = {"scheme": "CPV", "id": t.cpv_code.split("-", 1)[0]}
    if not percelen:
        return [{"id": "1", "description": t.omschrijving, "classification": cpv}]
    return [{"id": str(p.nummer), "description": p.naam, "classification": cpv, "relatedLot": str(p.nummer)}
            for p in sorted(percelen, key=lambda p: p.nummer)]


def _traject_release(organisatie, t, contracten) -> dict:
    partijen = _Partijen()
    koper, inkoop = _koper(organisatie, partijen, t.verbonden_partij)
    inschrijvingen = list(t.inschrijvingen.all())
    percelen = {p.pk: p for p in t.percelen.all()}
    tenderers = [partijen.crediteur(i.crediteur, i.naam if not i.crediteur_id else i.crediteur.naam, "tenderer")
                 for i in inschrijvingen]
    tenderers = list({p["id"]: p for p in tenderers}.values())
    lots = [_schoon({"id": str(p.nummer), "title": p.naam, "value": _waarde(p.geraamde_waarde),
                     "status": TENDERSTATUS.get(t.status)}) for p in percelen.values()]
    awards, award_per_crediteur = [], {}
    for i in inschrijvingen:
        if not i.gegund:
            continue
        leverancier = partijen.crediteur(i.crediteur, i.naam if not i.crediteur_id else i.crediteur.naam,
                                         "supplier")
        perceel = percelen.get(i.perceel_id)
        award_id = f"{t.nummer}-gunning-{i.pk}"
        awards.append(_schoon({
            "id": award_id,
            "title": f"Perceel {perceel.nummer}: {perceel.naam}" if perceel else t.omschrijving,
            "status": "active",
            "date": _tijd(t.afgerond_op),
            "value": _waarde(i.bedrag),
            "suppliers": [leverancier],
            "relatedLots": [str(perceel.nummer)] if perceel else None,
        }))
        award_per_crediteur.setdefault((i.crediteur_id, i.perceel_id), award_id)
        award_per_crediteur.setdefault((i.crediteur_id, None), award_id)
    contract_blokken = []
    for c in contracten:
        award_id = award_per_crediteur.get((c.crediteur_id, c.perceel_id)) or \
            award_per_crediteur.get((c.crediteur_id, None))
        if award_id is None:  # the award itself was not registered: derive it from the contract
            award_id = f"{t.nummer}-gunning-contract-{c.nummer}"
            leverancier = partijen.crediteur(c.crediteur, c.leverancier, "supplier")
            awards.append(_schoon({"id": award_id, "title": c.omschrijving, "status": "active",
                                   "date": _tijd(t.afgerond_op or c.startdatum),
                                   "value": _waarde(c.waarde_incl_opties), "suppliers": [leverancier]}))
        contract_blokken.append(_contract(c, award_id))
    if contract_blokken:
        tag = ["contract"]
    elif t.status == "ingetrokken":
        tag = ["tenderCancellation"]
    elif awards:
        tag = ["award"]
    elif t.status == "in_voorbereiding":
        tag = ["planning"]
    else:
        tag = ["tender"]
    laatst = max([t.gewijzigd_op, *[c.gewijzigd_op for c in contracten]])
    ocid = _ocid(organisatie, "traject", t.nummer)
    tender = _schoon({
        "id": t.nummer,
        "title": t.omschrijving,
        "description": t.toelichting,
        "status": TENDERSTATUS.get(t.status),
        "procuringEntity": inkoop,
        "value": _waarde(t.geraamde_waarde),
        "procurementMethod": METHODE.get(t.procedure),
        "procurementMethodDetails": t.get_procedure_display(),
        "mainProcurementCategory": CATEGORIE.get(t.soort),
        "tenderPeriod": _schoon({"startDate": _tijd(t.publicatiedatum)}),
        "numberOfTenderers": len(tenderers) if inschrijvingen else None,
        "tenderers": tenderers,
        "lots": lots,
        "items": _items(t, percelen.values()),
    })
    return _schoon({
        "ocid": ocid,
        "id": f"{ocid}-{laatst:%Y%m%dT%H%M%S}",
        "date": _tijd(laatst),
        "tag": tag,
        "initiationType": "tender",
        "language": "nl",
        "parties": list(partijen.lijst.values()),
        "buyer": koper,
        "tender": tender,
        "awards": awards,
        "contracts": contract_blokken,
    })


def _contract_release(organisatie, c) -> dict:
    partijen = _Partijen()
    koper, _inkoop = _koper(organisatie, partijen)
    leverancier = partijen.crediteur(c.crediteur, c.leverancier, "supplier")
    award_id = f"gunning-{c.nummer}"
    ocid = _ocid(organisatie, "contract", c.nummer)
    return _schoon({
        "ocid": ocid,
        "id": f"{ocid}-{c.gewijzigd_op:%Y%m%dT%H%M%S}",
        "date": _tijd(c.gewijzigd_op),
        "tag": ["contract"],
        "initiationType": "tender",
        "language": "nl",
        "parties": list(partijen.lijst.values()),
        "buyer": koper,
        "tender": _schoon({"id": f"contract-{c.nummer}", "title": c.omschrijving,
                           "mainProcurementCategory": CATEGORIE.get(c.soort),
                           "procurementMethodDetails": "Zonder geregistreerd inkooptraject"}),
        "awards": [_schoon({"id": award_id, "title": c.omschrijving, "status": "active",
                            "date": _tijd(c.startdatum), "value": _waarde(c.waarde_incl_opties),
                            "suppliers": [leverancier]})],
        "contracts": [_contract(c, award_id)],
    })


def ocds_pakket(*, organisatie, jaar: int, gepubliceerd_op: datetime | None = None) -> dict:
    """The release package of `jaar`: trajecten active in the year and contracts starting in it."""
    Traject, Contract = bronnen.traject_model(), bronnen.contract_model()
    if Traject is None or Contract is None:
        raise GeenGegevens("Er zijn nog geen trajecten of contracten geregistreerd.")
    begin, eind = date(jaar, 1, 1), date(jaar, 12, 31)
    van_het_jaar = Contract.objects.filter(organisatie=organisatie, startdatum__gte=begin, startdatum__lte=eind)
    trajecten = list(
        Traject.objects.filter(organisatie=organisatie)
        .filter(Q(startdatum__lte=eind)
                & (Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=begin))
                & (Q(ingetrokken_op__isnull=True) | Q(ingetrokken_op__gte=begin))
                | Q(pk__in=van_het_jaar.filter(traject__isnull=False).values("traject_id")))
        .prefetch_related("percelen", "inschrijvingen__crediteur")
        .order_by("nummer")
    )
    traject_ids = {t.pk for t in trajecten}
    contracten = list(
        Contract.objects.filter(organisatie=organisatie)
        .filter(Q(startdatum__gte=begin, startdatum__lte=eind) | Q(traject_id__in=traject_ids))
        .select_related("crediteur").order_by("nummer")
    )
    if not trajecten and not contracten:
        raise GeenGegevens(f"Er zijn geen trajecten of contracten in {jaar} om te publiceren.")
    per_traject: dict[int, list] = {}
    los = []
    for c in contracten:
        if c.traject_id in traject_ids:
            per_traject.setdefault(c.traject_id, []).append(c)
        else:
            los.append(c)
    releases = [_traject_release(organisatie, t, per_traject.get(t.pk, [])) for t in trajecten]
    releases += [_contract_release(organisatie, c) for c in los]
    site = settings.SITE_URL.rstrip("/")
    return {
        "uri": f"{site}/rechtmatigheid/ocds/?jaar={jaar}",
        "version": OCDS_VERSIE,
        "publishedDate": _tijd(gepubliceerd_op or timezone.now()),
        "publisher": {"name": organisatie.naam, "uri": site},
        "extensions": EXTENSIES,
        "releases": releases,
    }
