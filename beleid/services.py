"""Write the policy: a new dated version, never an edit in place (ADR 0003)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from adviezen.engine import STANDAARDBELEID, Beleidsregels, OngeldigBeleid

from .begrippen import PROCEDURES_ZELF_UIT_TE_VOEREN
from .models import Beleid, EuDrempelperiode, Procedureband, zelf_uit_te_voeren
from .selectors import beleid_als_dict, beleid_voor


def _geld(w):
    return None if w is None or w == "" else Decimal(str(w))


def _zelf_uit_te_voeren(gegevens: dict) -> list[str]:
    """The procedures the budget holder runs themselves; absent, the model's default applies."""
    if "traject_door_budgethouder" not in gegevens:
        return zelf_uit_te_voeren()
    gekozen = [str(p) for p in gegevens["traject_door_budgethouder"] or []]
    onbekend = [p for p in gekozen if p not in PROCEDURES_ZELF_UIT_TE_VOEREN]
    if onbekend:
        raise OngeldigBeleid([f"Een budgethouder kan deze procedure niet zelf uitvoeren: {', '.join(onbekend)}. "
                              "Een openbare of Europese procedure begeleidt Inkoop altijd."])
    return gekozen


@transaction.atomic
def beleid_versie_opslaan(*, organisatie, gegevens: dict, geldig_vanaf, toelichting: str, door) -> Beleid:
    """Store `gegevens` (the format of Beleidsregels.uit_dict) as a new version for `organisatie`.

    The engine checks the policy first (OngeldigBeleid with Dutch sentences); existing versions
    and every advice computed with them stay as they are.
    """
    if isinstance(geldig_vanaf, str):
        geldig_vanaf = date.fromisoformat(geldig_vanaf)
    regels = Beleidsregels.uit_dict({**gegevens, "geldig_vanaf": geldig_vanaf.isoformat()})
    regels.controleer()
    d = regels.als_dict()
    beleid = Beleid.objects.create(
        organisatie=organisatie, naam=gegevens.get("naam") or f"Beleid {organisatie or 'standaard'}",
        geldig_vanaf=geldig_vanaf, toelichting=toelichting, aangemaakt_door=door,
        melding_vanaf=_geld(d["melding_vanaf"]), uitnodigen_enkelvoudig=d["uitnodigen_enkelvoudig"],
        uitnodigen_meervoudig_min=d["uitnodigen_meervoudig_min"],
        uitnodigen_meervoudig_max=d["uitnodigen_meervoudig_max"],
        min_regionaal_meervoudig=d["min_regionaal_meervoudig"],
        sroi_vanaf=_geld(d["sroi_vanaf"]), sroi_percentage=_geld(d["sroi_percentage"]),
        sroi_percentage_verlaagd=_geld(d["sroi_percentage_verlaagd"]),
        sroi_verlaagd_arbeidsaandeel_onder=_geld(d["sroi_verlaagd_arbeidsaandeel_onder"]),
        sroi_soorten=d["sroi_soorten"], sroi_maatwerk_soorten=d["sroi_maatwerk_soorten"],
        bibob_branches=d["bibob_branches"], bibob_vanaf=_geld(d["bibob_vanaf"]),
        bibob_risicocategorieen=d["bibob_risicocategorieen"],
        percelen_max_leveringen_diensten=_geld(d["percelen_max_leveringen_diensten"]),
        percelen_max_werken=_geld(d["percelen_max_werken"]), percelen_max_aandeel=_geld(d["percelen_max_aandeel"]),
        percelen_selectie=d["percelen_selectie"], mvoi_themas=d["mvoi_themas"],
        tenderboard_vanaf=_geld(d["tenderboard_vanaf"]), gouden_aanbesteding_vanaf=_geld(d["gouden_aanbesteding_vanaf"]),
        drempel_marge_pct=_geld(d["drempel_marge_pct"]), splitsing_venster_maanden=d["splitsing_venster_maanden"],
        # Not part of the engine's policy data: absent, the model's default (one place) applies.
        advies_termijn_werkdagen=int(gegevens.get("advies_termijn_werkdagen")
                                     or Beleid._meta.get_field("advies_termijn_werkdagen").default),
        beoordelen_vanaf=_geld(str(gegevens.get("beoordelen_vanaf")
                                   or Beleid._meta.get_field("beoordelen_vanaf").default)),
        traject_door_budgethouder=_zelf_uit_te_voeren(gegevens),
        verantwoordingsgrens=_geld(str(gegevens["verantwoordingsgrens"])) if gegevens.get("verantwoordingsgrens")
        else None,
    )
    EuDrempelperiode.objects.bulk_create([EuDrempelperiode(
        beleid=beleid, geldig_vanaf=date.fromisoformat(p["geldig_vanaf"]),
        geldig_tot=date.fromisoformat(p["geldig_tot"]) if p["geldig_tot"] else None,
        leveringen_diensten=_geld(p["leveringen_diensten"]), werken=_geld(p["werken"]),
        sociale_diensten=_geld(p["sociale_diensten"]), centraal=_geld(p["centraal"]),
        nuts_leveringen_diensten=_geld(p["nuts_leveringen_diensten"]),
        nuts_sociale_diensten=_geld(p["nuts_sociale_diensten"]), regel=p["regel"] or "", bron=p["bron"] or "")
        for p in d["eu_drempels"]])
    Procedureband.objects.bulk_create([
        Procedureband(beleid=beleid, soort=s["soort"], werk_categorie=cat, vanaf=_geld(b["vanaf"]),
                      procedure=b["procedure"], altijd_regionaal=b["altijd_regionaal"], regel=s["regel"],
                      bron=s["bron"])
        for s in d["banden"] for cat in (s["werk_categorieen"] or [""]) for b in s["banden"]])
    return beleid


def standaardbeleid_verzekeren() -> Beleid:
    """The global default policy (organisatie NULL); created from the engine's copy when missing.

    The data migration normally seeds it; this restores it after a `flush`. Idempotent.
    """
    bestaand = Beleid.objects.filter(organisatie__isnull=True).order_by("geldig_vanaf", "id").first()
    if bestaand is not None:
        return bestaand
    return beleid_versie_opslaan(organisatie=None, gegevens=STANDAARDBELEID,
                                 geldig_vanaf=date.fromisoformat(STANDAARDBELEID["geldig_vanaf"]),
                                 toelichting="Standaardbeleid uit adviesregels.md.", door=None)


def standaard_gegevens() -> dict:
    """The global default policy in the plain format, as the starting point of an own version."""
    return beleid_als_dict(beleid_voor(None))
