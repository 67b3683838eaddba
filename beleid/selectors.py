"""Read the policy in force (ADR 0003, 0005): the one place every app asks for its limits."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Prefetch, Q
from django.utils import timezone

from adviezen.engine import Beleidsregels

from .models import Beleid, EuDrempelperiode, Procedureband


def met_details(qs):
    return qs.prefetch_related(
        Prefetch("eu_drempels", queryset=EuDrempelperiode.objects.order_by("geldig_vanaf")),
        Prefetch("banden", queryset=Procedureband.objects.order_by("soort", "werk_categorie", "vanaf")),
    )


def beleid_voor(organisatie, *, op: date | None = None, details: bool = True) -> Beleid | None:
    """The policy version in force for `organisatie` on `op` (default today).

    The organisation's own latest version with `geldig_vanaf <= op`; without one, the global
    default (organisatie NULL). `organisatie=None` asks for the default directly. One query
    (plus two for the thresholds and bands when `details`): pages that need one limit ask
    without details.
    """
    op = op or timezone.localdate()
    eigen_of_standaard = Q(organisatie__isnull=True) if organisatie is None else (
        Q(organisatie=organisatie) | Q(organisatie__isnull=True))
    qs = (Beleid.objects.filter(eigen_of_standaard, geldig_vanaf__lte=op)
          .order_by(F("organisatie").asc(nulls_last=True), "-geldig_vanaf", "-aangemaakt_op", "-id"))
    if details:
        qs = met_details(qs)
    gevonden = qs.first()
    if gevonden is None and not Beleid.objects.filter(organisatie__isnull=True).exists():
        # The data migration seeds the default; a database flushed after migrate (transactional
        # tests, `flush`) lost it, so it is restored from the engine's copy rather than failing.
        from .services import standaardbeleid_verzekeren  # services build on selectors

        standaardbeleid_verzekeren()
        gevonden = qs.first()
    return gevonden


def heeft_eigen_beleid(organisatie) -> bool:
    return Beleid.objects.filter(organisatie=organisatie).exists()


def beleidsversies(organisatie):
    """Every version that matters to `organisatie`: its own and the defaults, newest first."""
    return (Beleid.objects.filter(Q(organisatie=organisatie) | Q(organisatie__isnull=True))
            .select_related("aangemaakt_door", "organisatie").order_by("-geldig_vanaf", "-aangemaakt_op", "-id"))


def beleid_als_dict(beleid: Beleid) -> dict:
    """The model row in the plain format of adviezen.engine.beleid (Beleidsregels.uit_dict)."""
    sets: dict[tuple, dict] = {}
    for band in beleid.banden.all():
        sleutel = (band.soort, band.werk_categorie)
        s = sets.setdefault(sleutel, {"soort": band.soort,
                                      "werk_categorieen": [band.werk_categorie] if band.werk_categorie else [],
                                      "regel": band.regel, "bron": band.bron, "banden": []})
        s["banden"].append({"vanaf": str(band.vanaf), "procedure": band.procedure,
                            "altijd_regionaal": band.altijd_regionaal})
    return {
        "naam": beleid.naam, "versie": str(beleid.pk), "geldig_vanaf": beleid.geldig_vanaf.isoformat(),
        "melding_vanaf": str(beleid.melding_vanaf),
        "eu_drempels": [{
            "geldig_vanaf": p.geldig_vanaf.isoformat(),
            "geldig_tot": p.geldig_tot.isoformat() if p.geldig_tot else None,
            "leveringen_diensten": str(p.leveringen_diensten), "werken": str(p.werken),
            "sociale_diensten": str(p.sociale_diensten),
            "centraal": str(p.centraal) if p.centraal is not None else None,
            "nuts_leveringen_diensten": str(p.nuts_leveringen_diensten) if p.nuts_leveringen_diensten is not None else None,
            "nuts_sociale_diensten": str(p.nuts_sociale_diensten) if p.nuts_sociale_diensten is not None else None,
            "regel": p.regel, "bron": p.bron} for p in beleid.eu_drempels.all()],
        "banden": list(sets.values()),
        "uitnodigen_enkelvoudig": beleid.uitnodigen_enkelvoudig,
        "uitnodigen_meervoudig_min": beleid.uitnodigen_meervoudig_min,
        "uitnodigen_meervoudig_max": beleid.uitnodigen_meervoudig_max,
        "min_regionaal_meervoudig": beleid.min_regionaal_meervoudig,
        "sroi_vanaf": str(beleid.sroi_vanaf), "sroi_percentage": str(beleid.sroi_percentage),
        "sroi_percentage_verlaagd": _s(beleid.sroi_percentage_verlaagd),
        "sroi_verlaagd_arbeidsaandeel_onder": _s(beleid.sroi_verlaagd_arbeidsaandeel_onder),
        "sroi_soorten": list(beleid.sroi_soorten), "sroi_maatwerk_soorten": list(beleid.sroi_maatwerk_soorten),
        "bibob_branches": list(beleid.bibob_branches), "bibob_vanaf": str(beleid.bibob_vanaf),
        "bibob_risicocategorieen": list(beleid.bibob_risicocategorieen),
        "percelen_max_leveringen_diensten": str(beleid.percelen_max_leveringen_diensten),
        "percelen_max_werken": str(beleid.percelen_max_werken),
        "percelen_max_aandeel": str(beleid.percelen_max_aandeel),
        "percelen_selectie": beleid.percelen_selectie,
        "mvoi_themas": list(beleid.mvoi_themas),
        "tenderboard_vanaf": _s(beleid.tenderboard_vanaf),
        "gouden_aanbesteding_vanaf": _s(beleid.gouden_aanbesteding_vanaf),
        "drempel_marge_pct": str(beleid.drempel_marge_pct),
        "splitsing_venster_maanden": beleid.splitsing_venster_maanden,
        "advies_termijn_werkdagen": beleid.advies_termijn_werkdagen,
        "beoordelen_vanaf": str(beleid.beoordelen_vanaf),
        "traject_door_budgethouder": list(beleid.traject_door_budgethouder),
        "verantwoordingsgrens": _s(beleid.verantwoordingsgrens),
    }


def _s(w):
    return None if w is None else str(w)


def beleidsregels(beleid: Beleid) -> Beleidsregels:
    return Beleidsregels.uit_dict(beleid_als_dict(beleid))
