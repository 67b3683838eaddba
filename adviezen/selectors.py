"""Read operations of the adviezen app (selectors read, services write)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import timezone

from beleid.begrippen import Procedure
from beleid.models import Beleid
from beleid.selectors import beleidsregels, met_details

from .hooks import samenhang_bronnen
from .models import Advies


def adviezen_van_melding(melding):
    return melding.adviezen.select_related("uitgebracht_door", "bewerkt_door", "geaccepteerd_door").order_by("-versie")


def huidig_advies(melding) -> Advies | None:
    """The version that counts: the issued one if any, else the newest draft."""
    versies = list(adviezen_van_melding(melding))
    for a in versies:
        if a.status == Advies.Status.UITGEBRACHT:
            return a
    return versies[0] if versies else None


def samenhangende_inkopen(melding, *, maanden: int = 12, op: date | None = None) -> list[dict]:
    """Purchases in the same inkooppakket within `maanden` months of today (L-26 splitting check).

    Other meldingen (submitted, not withdrawn), contracts that start in the window, and the spend
    (factuurregels) with crediteuren of the pakket in the past window. Contracts come from the
    contracten app, which sits to the right of adviezen (ADR 0002): it is read through a runtime
    import, and when that app or its fields are not there the contracts are left out.
    Three aggregate queries at most, whatever the data.
    """
    from datetime import timedelta

    from django.db.models import Sum

    from uitgaven.models import Factuurregel

    if not melding.inkooppakket_id:
        return []
    vandaag = op or timezone.localdate()
    van, tot = vandaag - timedelta(days=round(maanden * 30.44)), vandaag + timedelta(days=round(maanden * 30.44))
    uit: list[dict] = []
    andere = (melding.__class__.objects.filter(organisatie_id=melding.organisatie_id,
                                               inkooppakket_id=melding.inkooppakket_id,
                                               ingediend_op__date__gte=van, ingediend_op__date__lte=tot,
                                               geraamde_waarde__isnull=False)
              .exclude(pk=melding.pk).exclude(status__in=["concept", "ingetrokken", "vervallen"])
              .order_by("-ingediend_op").values_list("nummer", "omschrijving", "geraamde_waarde")[:50])
    for nummer, omschrijving, waarde in andere:
        uit.append({"bron": "melding", "omschrijving": f"melding {nummer} ‘{omschrijving}’", "bedrag": waarde})
    for bron in samenhang_bronnen():
        uit.extend(bron(melding, van, tot))
    uitgaven = (Factuurregel.objects.filter(organisatie_id=melding.organisatie_id,
                                            crediteur__inkooppakket_id=melding.inkooppakket_id,
                                            boekdatum__gte=van, boekdatum__lte=vandaag)
                .aggregate(som=Sum("bedrag"))["som"])
    if uitgaven and uitgaven > 0:
        uit.append({"bron": "uitgaven", "omschrijving": f"uitgaven in dit inkooppakket sinds {van:%d-%m-%Y}",
                    "bedrag": uitgaven})
    return uit


# -------------------------------------------------------------------------------------------------
# Pages


def adviezen_overzicht(organisatie, *, status: str = "concept"):
    """The advice list of Inkoop: one query for the page (joins, no per-row lookups)."""
    qs = (Advies.objects.filter(organisatie=organisatie)
          .select_related("melding", "melding__budgethouder", "uitgebracht_door", "bewerkt_door")
          .order_by("-gewijzigd_op", "-id"))
    if status in ("concept", "uitgebracht"):
        qs = qs.filter(status=status)
    return qs


def adviezen_aantallen(organisatie) -> dict:
    from django.db.models import Count

    rijen = Advies.objects.filter(organisatie=organisatie).values("status").annotate(n=Count("id"))
    aantallen = {r["status"]: r["n"] for r in rijen}
    aantallen["alle"] = sum(aantallen.values())
    return aantallen


def _geld(w):
    from decimal import Decimal

    return None if w is None else Decimal(str(w))


def advies_kern(advies: Advies) -> dict[str, str]:
    """The advice in sentences, written once: the page, the melding page and the letter all print
    these (tests/adviezen/test_advies_spreekt_zich_niet_tegen.py holds them to the motivering)."""
    from inkoop.formatting import datum, euro, euro_exact, procent

    b = advies.berekend or {}
    if advies.uit_te_nodigen_min:
        aantal = (str(advies.uit_te_nodigen_min) if advies.uit_te_nodigen_min == advies.uit_te_nodigen_max
                  else f"{advies.uit_te_nodigen_min} tot {advies.uit_te_nodigen_max}")
        uitnodigen = f"{aantal} ondernemers"
        if advies.min_regionaal:
            uitnodigen += f", waarvan minstens {advies.min_regionaal} lokaal of regionaal"
    else:
        uitnodigen = "niemand: openbare aankondiging"
    if advies.sroi_verplicht:
        sroi = f"{procent(advies.sroi_percentage)} van de opdrachtwaarde"
        if b.get("sroi_bedrag"):
            sroi += f" (indicatief {euro_exact(_geld(b['sroi_bedrag']))})"
    else:
        sroi = "niet verplicht"
    drempel = _geld(b.get("eu_drempel"))
    return {
        "procedure": str(advies.get_procedure_display()) if advies.procedure else "-",
        "uitnodigen": uitnodigen,
        "sroi": sroi,
        # P-40: the engine's motivering says "Bibob-toets, vooraf aankondigen in de stukken" or
        # "geen (standaard) Bibob-toets"; these are the same two answers.
        "bibob": ("ja: Bibob-toets, vooraf aankondigen in de aanbestedingsstukken" if advies.bibob
                  else "nee: geen Bibob-toets"),
        "eu_drempel": (f"{euro(drempel)} (peildatum {datum(advies.peildatum, lang=True)})" if drempel
                       else "niet van toepassing"),
    }


def advies_weergave(advies: Advies) -> dict:
    """What the page and the letter show of one version: labels resolved, money as Decimal."""
    from .engine import PROCEDURE_NAMEN
    from .engine.toelichting import AANNAME, REGELS
    from .models import Procedure

    b = advies.berekend or {}
    labels = dict(Procedure.choices)
    themas = {t["code"]: t for t in (advies.beleid.mvoi_themas if advies.beleid_id else [])}

    def bron(regel: str) -> str:
        _titel, tekst, soort = REGELS.get(regel, ("", "", ""))
        if soort == AANNAME:
            return (f"werkwijze van de afdeling Inkoop van {advies.organisatie}, geen vastgesteld beleid "
                    f"({tekst})")
        return tekst

    def regels(lijst):
        return [{"regel": m["regel"], "tekst": m["tekst"], "titel": REGELS.get(m["regel"], (m["regel"],))[0],
                 "bron": bron(m["regel"])} for m in lijst]

    return {
        "kern": advies_kern(advies),
        "procedure": labels.get(advies.procedure, advies.procedure or "-"),
        "berekende_procedure": labels.get(b.get("procedure"), PROCEDURE_NAMEN.get(b.get("procedure"), "-")),
        "wijkt_af": advies.wijkt_af,
        "europees": advies.europees,
        "geraamde_waarde": _geld(b.get("geraamde_waarde")),
        "eu_drempel": _geld(b.get("eu_drempel")),
        "gerekende_maanden": b.get("gerekende_maanden"),
        "melding_verplicht": b.get("melding_verplicht"),
        "sroi_bedrag": _geld(b.get("sroi_bedrag")),
        "percelen": [{**p, "waarde": _geld(p["waarde"]), "label": labels.get(p["procedure"], p["procedure"])}
                     for p in (b.get("percelen") or [])],
        "motivering": regels(b.get("motivering") or []),
        "waarschuwingen": regels(b.get("waarschuwingen") or []),
        "mvoi_themas": [{"code": c, "naam": themas.get(c, {}).get("naam", c),
                         "suggestie": themas.get(c, {}).get("suggestie", ""),
                         "aangegeven": c in (advies.invoer or {}).get("mvoi_themas", [])}
                        for c in b.get("mvoi_themas") or []],
        "tenderboard": b.get("tenderboard"),
        "gouden_aanbesteding": b.get("gouden_aanbesteding"),
        "percelen_overwegen": b.get("percelen_overwegen"),
        "samenhangend": [{**s, "bedrag": _geld(s["bedrag"])} for s in b.get("samenhangend") or []],
        "drempelperiode": b.get("drempelperiode"),
    }


def beleid_weergave(beleid: Beleid) -> dict:
    """The policy version as the beheerder reads it: bands per soort, thresholds per period."""
    from .engine import PROCEDURE_NAMEN

    regels = beleidsregels(beleid)
    sets = []
    for s in regels.banden:
        rijen = []
        for i, band in enumerate(s.banden):
            tot = s.banden[i + 1].vanaf if i + 1 < len(s.banden) else None
            rijen.append({"vanaf": band.vanaf, "tot": tot, "procedure": PROCEDURE_NAMEN[band.procedure],
                          "altijd_regionaal": band.altijd_regionaal})
        sets.append({"soort": s.soort, "categorieen": sorted(s.werk_categorieen), "regel": s.regel, "bron": s.bron,
                     "rijen": rijen})
    return {"regels": regels, "banden": sets, "eu_drempels": regels.eu_drempels, "model": beleid,
            "bibob_branches": sorted(regels.bibob_branches),
            "bibob_risicocategorieen": sorted(regels.bibob_risicocategorieen),
            "percelen_aandeel_pct": regels.percelen_max_aandeel * 100,
            "zelf_uit_te_voeren": [str(Procedure(p).label) for p in beleid.traject_door_budgethouder]}


VELD_NAMEN = {
    "melding_vanaf": "Inkoopmelding vanaf", "uitnodigen_enkelvoudig": "Enkelvoudig: offertes",
    "uitnodigen_meervoudig_min": "Meervoudig: minimaal", "uitnodigen_meervoudig_max": "Meervoudig: maximaal",
    "min_regionaal_meervoudig": "Meervoudig: regionaal", "sroi_vanaf": "SROI vanaf", "sroi_percentage": "SROI-percentage",
    "sroi_percentage_verlaagd": "Verlaagd SROI-percentage",
    "sroi_verlaagd_arbeidsaandeel_onder": "Verlaagd bij arbeidsaandeel onder", "bibob_branches": "Bibob-branches",
    "bibob_vanaf": "Bibob vanaf", "bibob_risicocategorieen": "Bibob-risicocategorieën",
    "percelen_max_leveringen_diensten": "Percelenregeling leveringen/diensten",
    "percelen_max_werken": "Percelenregeling werken", "percelen_max_aandeel": "Percelenregeling aandeel",
    "percelen_selectie": "Percelenregeling volgorde", "tenderboard_vanaf": "Tenderboard vanaf",
    "gouden_aanbesteding_vanaf": "Gouden Aanbesteding vanaf", "drempel_marge_pct": "Waarschuwingsmarge",
    "splitsing_venster_maanden": "Splitsingsvenster", "eu_drempels": "EU-drempels", "banden": "Procedurebanden",
}
VELD_NAMEN_BUITEN_ENGINE = {"advies_termijn_werkdagen": "Adviestermijn", "beoordelen_vanaf": "Signaal zonder pakket vanaf",
                            "traject_door_budgethouder": "Traject door budgethouder",
                            "verantwoordingsgrens": "Verantwoordingsgrens"}


def beleid_verschillen(versie: Beleid, *, organisatie) -> tuple[Beleid | None, list[str]]:
    """The version this one follows (the previous one that applied to `organisatie`) and what changed."""
    vorige = (met_details(Beleid.objects.filter(Q(organisatie=organisatie) | Q(organisatie__isnull=True)))
              .filter(Q(geldig_vanaf__lt=versie.geldig_vanaf)
                      | Q(geldig_vanaf=versie.geldig_vanaf, aangemaakt_op__lt=versie.aangemaakt_op))
              .exclude(pk=versie.pk).first())
    if vorige is None:
        return None, []
    nu, toen = beleidsregels(versie).als_dict(), beleidsregels(vorige).als_dict()
    from .engine import Beleidsregels

    # Compare through the engine's normal form, so that 10 and 10.00 are the same value.
    nu = Beleidsregels.uit_dict(nu).als_dict()
    toen = Beleidsregels.uit_dict(toen).als_dict()
    anders = [naam for sleutel, naam in VELD_NAMEN.items() if nu.get(sleutel) != toen.get(sleutel)]
    anders += [naam for sleutel, naam in VELD_NAMEN_BUITEN_ENGINE.items()
               if getattr(versie, sleutel) != getattr(vorige, sleutel)]
    return vorige, anders
