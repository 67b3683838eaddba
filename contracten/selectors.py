"""Read-only queries of the contracten app: the report figures, the register, the calendar.

The yearly report (jaarverslag) reads `jaarcijfers`; every figure there is defined below with
the passage of the inkoopjaarverslag 2024 (gemeente Enschede, maart 2025) it reproduces.
Amounts are exact Decimals to the cent and percentages exact Decimals (a ratio of cent totals
computed with 28 significant digits, which rounds to whole percents like the exact fraction);
the jaarverslag rounds half-up at the end. Every figure is an SQL aggregate: one query per table.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from beleid.begrippen import (
    AANBESTEDINGEN,
    EUROPESE_PROCEDURES,
    MvoiThema,
    Procedure,
    SoortOpdracht,
)

from .datums import jaargrenzen, maandgrenzen, plus_maanden
from .models import (
    BibobToets,
    Contract,
    Klacht,
    KlachtSoort,
    MvoiToepassing,
    Perceel,
    SroiKandidaat,
    SroiRealisatie,
    SroiVerplichting,
    SroiWijze,
    Traject,
    TrajectStatus,
    WerkpaktKeurmerkhouder,
)

NUL = Decimal("0.00")
GELDVELD = DecimalField(max_digits=15, decimal_places=2)


def _pct(teller, noemer) -> Decimal | None:
    """100 × teller / noemer, or None when there is nothing to divide by."""
    if not noemer:
        return None
    return Decimal(teller) * 100 / Decimal(noemer)


def _geld(waarde) -> Decimal:
    return (waarde if waarde is not None else NUL).quantize(Decimal("0.01"))


# --------------------------------------------------------------------------------------------
# Chapter 1.4: afdeling Inkoop


def afdeling_inkoop_cijfers(*, organisatie, jaar: int) -> dict:
    """The procedures of the afdeling Inkoop in `jaar`.

    - procedures_begeleid: "In totaal zijn in 2024 115 procedures begeleid door afdeling Inkoop.
      Het betreft aanbestedingen die in voorbereiding zijn, reeds lopen of zijn afgerond gedurende
      het jaar 2024." Definition: trajecten with `begeleid_door_inkoop`, of any procedure type
      (the report adds that there are also enkelvoudig onderhandse trajecten and
      biedingsprocedures), that were active during the year: preparation started on or before
      31-12 and not completed or withdrawn before 1-1. A traject withdrawn during the year was in
      preparation or running in it and counts too.
    - afgerond_meervoudig_onderhands / afgerond_europees: "Van de 115 procedures zijn er 42
      meervoudig onderhandse offerteaanvragen en 23 Europese aanbestedingen afgerond."
      Definition: guided trajecten with status afgerond and `afgerond_op` in the year, of
      procedure meervoudig_onderhands, resp. any European procedure (openbaar, niet-openbaar,
      mededinging, dialoog, sociaal verlicht regime).
    """
    begin, eind = jaargrenzen(jaar)
    actief = (Q(startdatum__lte=eind) & (Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=begin))
              & (Q(ingetrokken_op__isnull=True) | Q(ingetrokken_op__gte=begin)))
    afgerond = Q(status=TrajectStatus.AFGEROND, afgerond_op__range=(begin, eind))
    return Traject.objects.filter(organisatie=organisatie, begeleid_door_inkoop=True).aggregate(
        procedures_begeleid=Count("pk", filter=actief),
        afgerond_meervoudig_onderhands=Count("pk", filter=afgerond & Q(procedure=Procedure.MEERVOUDIG_ONDERHANDS)),
        afgerond_europees=Count("pk", filter=afgerond & Q(procedure__in=EUROPESE_PROCEDURES)),
    )


# --------------------------------------------------------------------------------------------
# Chapter 2: MVOI


def mvoi_aanbestedingen(*, organisatie, jaar: int, soorten=None):
    """The tenders the MVOI figures are about.

    "In totaal gaat het om 46 aanbestedingen. Dit zijn aanbestedingen van de gemeente Enschede
    die afdeling Inkoop heeft begeleid én waarbij het hele aanbestedingsproces is afgerond."
    Definition: trajecten with `begeleid_door_inkoop`, opdrachtgever the organisation itself (no
    verbonden partij), a tender procedure (meervoudig onderhands, nationaal or Europees; not a
    single quote and not a sale of land), status afgerond with `afgerond_op` in the year.
    """
    begin, eind = jaargrenzen(jaar)
    qs = Traject.objects.filter(organisatie=organisatie, begeleid_door_inkoop=True, verbonden_partij="",
                                procedure__in=AANBESTEDINGEN, status=TrajectStatus.AFGEROND,
                                afgerond_op__range=(begin, eind))
    if soorten:
        qs = qs.filter(soort__in=soorten)
    return qs


# The published definition (inkoopjaarverslag 2024 §2), printed by the report as it is computed here:
# "toegepast in de vorm van minimumeisen of gunningscriteria". A contract clause is shown in its own
# column, not counted as applied.
MVOI_TOEGEPAST_ALS = "in de vorm van minimumeisen of gunningscriteria"
_TOEGEPAST = Q(als_minimumeis=True) | Q(als_gunningscriterium=True)
_WIJZEN = ("als_minimumeis", "als_gunningscriterium", "als_contractvoorwaarde")


def _perceelvolume():
    return Coalesce("gegunde_waarde", "geraamde_waarde", Value(NUL), output_field=GELDVELD)


def _volume_met(thema_filter: Q):
    """A traject's volume where the theme(s) were applied: the whole traject's volume when applied
    at traject level, else the sum of the volumes of the lots where applied (MVI-ZET counts per
    lot: "het aandeel van de opdrachtwaarde waarbij het thema is toegepast")."""
    traject_niveau = Exists(MvoiToepassing.objects.filter(thema_filter, _TOEGEPAST, traject=OuterRef("pk"),
                                                          perceel__isnull=True))
    percelen = (Perceel.objects.filter(traject=OuterRef("pk"))
                .filter(Exists(MvoiToepassing.objects.filter(thema_filter, _TOEGEPAST, perceel=OuterRef("pk"))))
                .values("traject").annotate(s=Sum(_perceelvolume())).values("s"))
    return Case(When(traject_niveau, then=F("_volume")),
                default=Coalesce(Subquery(percelen, output_field=GELDVELD), Value(NUL)),
                output_field=GELDVELD)


@dataclass(frozen=True)
class MvoiThemaCijfers:
    thema: str
    label: str
    aantal: int
    pct_aantal: Decimal | None
    volume: Decimal
    pct_volume: Decimal | None
    als_minimumeis: int
    als_gunningscriterium: int
    als_contractvoorwaarde: int


@dataclass(frozen=True)
class MvoiCijfers:
    afgeronde_aanbestedingen: int
    met_thema: int
    pct_met_thema_aantal: Decimal | None
    volume: Decimal
    volume_met_thema: Decimal
    pct_met_thema_volume: Decimal | None
    per_thema: tuple[MvoiThemaCijfers, ...]
    met_contractvoorwaarde: int = 0


def mvoi_cijfers(*, organisatie, jaar: int, soorten=None) -> MvoiCijfers:
    """The MVI-zelfevaluatie of the completed tenders of `jaar` (one SQL query).

    "In 2024 zijn bij 98% van de afgeronde aanbestedingen één of meerdere thema's van
    Maatschappelijk Verantwoord Opdrachtengeven en Inkopen toegepast in de vorm van minimumeisen
    of gunningscriteria. Op basis van inkoopvolume is dit in 100% van de aanbestedingen één of
    meerdere MVOI-thema toegepast."

    - afgeronde_aanbestedingen: the number of tenders of `mvoi_aanbestedingen`.
    - met_thema: those where at least one theme was applied, in the traject or in one of its lots.
      "Applied" means as minimumeis or gunningscriterium, the definition the report prints.
    - met_contractvoorwaarde: those where at least one theme is a contract clause (own column;
      not part of the published figure).
    - pct_met_thema_aantal = 100 × met_thema / afgeronde_aanbestedingen.
    - volume of a tender: its awarded value (sum of the awarded bids of all lots), or its
      estimated value while no award value is recorded; pct_met_thema_volume = 100 × (volume
      where at least one theme was applied) / (total volume), where "where applied" takes the
      whole tender when the theme was set at tender level and the lots' own volumes otherwise.
    - per_thema, per theme: aantal (tenders with the theme applied), pct_aantal, pct_volume, and
      the number of tenders where it was applied as minimumeis, as gunningscriterium, as
      contractvoorwaarde (a tender may count in more than one way).
    `soorten` restricts the tenders to some kinds (levering, dienst, werk), for the report's view
    of "leveringen en werken".
    """
    return _mvoi_samenvoegen(_mvoi_per_soort(organisatie=organisatie, jaar=jaar), soorten)


def _mvoi_per_soort(*, organisatie, jaar: int) -> dict[str, dict]:
    """The counts and volumes of `mvoi_cijfers`, per soort of tender (one SQL query, GROUP BY soort).
    A tender has one soort, so the figures of any set of soorten are the sums of these rows."""
    qs = mvoi_aanbestedingen(organisatie=organisatie, jaar=jaar).annotate(
        _volume=Coalesce("gegunde_waarde", "geraamde_waarde", Value(NUL), output_field=GELDVELD))

    def ergens(filter_q: Q):
        """Applied in the traject itself or in any of its lots (MvoiToepassing.traject is always set)."""
        return Exists(MvoiToepassing.objects.filter(filter_q, traject=OuterRef("pk")))

    annotaties = {"_met": ergens(_TOEGEPAST), "_vol_met": _volume_met(Q()),
                  "_contract": ergens(Q(als_contractvoorwaarde=True))}
    for t in MvoiThema:
        annotaties[f"_{t.value}"] = ergens(Q(thema=t.value) & _TOEGEPAST)
        annotaties[f"_{t.value}_vol"] = _volume_met(Q(thema=t.value))
        for w in _WIJZEN:
            annotaties[f"_{t.value}_{w}"] = ergens(Q(thema=t.value, **{w: True}))
    qs = qs.annotate(**annotaties)
    aggregaten = {"n": Count("pk"), "vol": Sum("_volume"), "n_met": Count("pk", filter=Q(_met=True)),
                  "vol_met": Sum("_vol_met"), "n_contract": Count("pk", filter=Q(_contract=True))}
    for t in MvoiThema:
        aggregaten[f"{t.value}_n"] = Count("pk", filter=Q(**{f"_{t.value}": True}))
        aggregaten[f"{t.value}_vol"] = Sum(f"_{t.value}_vol")
        for w in _WIJZEN:
            aggregaten[f"{t.value}_{w}"] = Count("pk", filter=Q(**{f"_{t.value}_{w}": True}))
    return {r.pop("soort"): r for r in qs.order_by().values("soort").annotate(**aggregaten)}


def _mvoi_samenvoegen(per_soort: dict[str, dict], soorten) -> MvoiCijfers:
    """`mvoi_cijfers` of the tenders of `soorten` (all when None) from the rows per soort."""
    rijen = [r for soort, r in per_soort.items() if not soorten or soort in soorten]

    def som(sleutel, geld=False):
        totaal = sum((r[sleutel] or 0 for r in rijen), NUL if geld else 0)
        return _geld(totaal) if geld else totaal

    n, vol, n_met, vol_met = som("n"), som("vol", True), som("n_met"), som("vol_met", True)
    per_thema = tuple(
        MvoiThemaCijfers(thema=t.value, label=str(t.label), aantal=som(f"{t.value}_n"),
                         pct_aantal=_pct(som(f"{t.value}_n"), n), volume=som(f"{t.value}_vol", True),
                         pct_volume=_pct(som(f"{t.value}_vol", True), vol),
                         **{w: som(f"{t.value}_{w}") for w in _WIJZEN})
        for t in MvoiThema)
    return MvoiCijfers(afgeronde_aanbestedingen=n, met_thema=n_met, pct_met_thema_aantal=_pct(n_met, n),
                       volume=vol, volume_met_thema=vol_met, pct_met_thema_volume=_pct(vol_met, vol),
                       per_thema=per_thema,
                       met_contractvoorwaarde=som("n_contract"))


ZELFEVALUATIE_GROEPEN = (
    ("alle", "Alle afgeronde aanbestedingen", None),
    ("leveringen_werken", "Leveringen en werken", (SoortOpdracht.LEVERING, SoortOpdracht.WERK)),
    ("leveringen_diensten", "Leveringen en diensten",
     (SoortOpdracht.LEVERING, SoortOpdracht.DIENST, SoortOpdracht.SOCIALE_DIENST)),
    ("leveringen", "Leveringen", (SoortOpdracht.LEVERING,)),
    # A social or other specific service (Aw 2012 art. 2.38) is a service.
    ("diensten", "Diensten", (SoortOpdracht.DIENST, SoortOpdracht.SOCIALE_DIENST)),
    ("werken", "Werken", (SoortOpdracht.WERK,)),
)


def mvoi_zelfevaluatie(*, organisatie, jaar: int) -> list[tuple[str, str, MvoiCijfers]]:
    """The self-evaluation view of the report (§2 "Toepassing van MVOI-thema's in aanbestedingen"):
    all completed tenders, and separately per kind, including the report's "leveringen en werken"
    (where the themes apply best) and leveringen/diensten. One query for all groups."""
    per_soort = _mvoi_per_soort(organisatie=organisatie, jaar=jaar)
    return [(sleutel, label, _mvoi_samenvoegen(per_soort, soorten)) for sleutel, label, soorten in ZELFEVALUATIE_GROEPEN]


def _mvoi_json(c: MvoiCijfers) -> dict:
    return {
        "afgeronde_aanbestedingen": c.afgeronde_aanbestedingen,
        "met_thema": c.met_thema,
        "pct_met_thema_aantal": c.pct_met_thema_aantal,
        "pct_met_thema_volume": c.pct_met_thema_volume,
        "met_contractvoorwaarde": c.met_contractvoorwaarde,
        "per_thema": [{"thema": t.label, "aantal": t.aantal, "pct_aantal": t.pct_aantal, "pct_volume": t.pct_volume,
                       "als_minimumeis": t.als_minimumeis, "als_gunningscriterium": t.als_gunningscriterium,
                       "als_contractvoorwaarde": t.als_contractvoorwaarde} for t in c.per_thema],
    }


# --------------------------------------------------------------------------------------------
# Chapter 2: SROI


def _sroi_in_jaar(jaar: int, pad: str = "") -> Q:
    """Obligations of contracts running in the year: started on or before 31-12, not ended before 1-1."""
    begin, eind = jaargrenzen(jaar)
    return (Q(**{f"{pad}contract__startdatum__lte": eind})
            & (Q(**{f"{pad}contract__einddatum__isnull": True}) | Q(**{f"{pad}contract__einddatum__gte": begin})))


def sroi_cijfers(*, organisatie, jaar: int) -> dict:
    """The SROI table and the candidates of the report, for `jaar` and the year before.

    "De bestaande en de nieuw overeengekomen SROI-verplichtingen hebben in 2024 geleid tot de
    onderstaande resultaten" (Maatstaf 2023 / 2024), so per year J the obligations of every
    contract that ran in J (started on or before 31-12-J, current end on or after 1-1-J):

    - inkoopwaarde_met_sroi ("Inkoopwaarde totaal met SROI verplichting"): Σ grondslag (the
      contract value the SROI percentage is taken of) of those obligations.
    - te_realiseren ("Te realiseren SROI waarde"): Σ bedrag of those obligations (the whole
      obligation over the contract term).
    - gemiddeld_pct ("Gemiddeld SROI percentage"): 100 × te_realiseren / inkoopwaarde_met_sroi,
      the value-weighted average (2024: 6.177.968 / 226.774.352 = 2,7 %, published as 3 %).
    - gerealiseerd ("Gerealiseerde SROI waarde"): Σ realisations on those obligations dated on or
      before 31-12-J, cumulative from the contract start: the supplier may fill the obligation in
      over the whole term (note *1 of the table).
    - nog_te_realiseren = te_realiseren − gerealiseerd (2024: 6.177.968 − 5.280.698 = 897.270).
    - sociale_ondernemingen ("Inkoop bij Sociale Ondernemingen"): Σ realisations of the way
      sociale_onderneming dated in J itself, on those obligations (the report compares the use of
      this new option per year: "In 2024 is van deze mogelijkheid meer gebruik gemaakt").
    - kandidaten ("Totaal aantal geplaatste kandidaten op Enschedese opdrachten" / "Waarvan
      kandidaten uit Enschede"): candidates placed in J on the organisation's contracts, and of
      those, the ones living in the municipality.
    """
    vorig = jaar - 1
    v = SroiVerplichting.objects.filter(organisatie=organisatie).aggregate(
        w_j=Sum("grondslag", filter=_sroi_in_jaar(jaar)), t_j=Sum("bedrag", filter=_sroi_in_jaar(jaar)),
        w_v=Sum("grondslag", filter=_sroi_in_jaar(vorig)), t_v=Sum("bedrag", filter=_sroi_in_jaar(vorig)))
    eind_j, eind_v = jaargrenzen(jaar)[1], jaargrenzen(vorig)[1]
    soc = Q(wijze=SroiWijze.SOCIALE_ONDERNEMING)
    r = SroiRealisatie.objects.filter(organisatie=organisatie).aggregate(
        g_j=Sum("bedrag", filter=_sroi_in_jaar(jaar, "verplichting__") & Q(datum__lte=eind_j)),
        s_j=Sum("bedrag", filter=_sroi_in_jaar(jaar, "verplichting__") & soc & Q(datum__range=jaargrenzen(jaar))),
        g_v=Sum("bedrag", filter=_sroi_in_jaar(vorig, "verplichting__") & Q(datum__lte=eind_v)),
        s_v=Sum("bedrag", filter=_sroi_in_jaar(vorig, "verplichting__") & soc & Q(datum__range=jaargrenzen(vorig))))
    k = SroiKandidaat.objects.filter(organisatie=organisatie).aggregate(
        n_j=Count("pk", filter=Q(geplaatst_op__range=jaargrenzen(jaar))),
        g_j=Count("pk", filter=Q(geplaatst_op__range=jaargrenzen(jaar), uit_gemeente=True)),
        n_v=Count("pk", filter=Q(geplaatst_op__range=jaargrenzen(vorig))),
        g_v=Count("pk", filter=Q(geplaatst_op__range=jaargrenzen(vorig), uit_gemeente=True)))
    kandidaten = {"geplaatst": k["n_j"], "uit_gemeente": k["g_j"], "geplaatst_vorig_jaar": k["n_v"],
                  "uit_gemeente_vorig_jaar": k["g_v"]}

    def blok(w, t, g, s):
        w, t, g, s = _geld(w), _geld(t), _geld(g), _geld(s)
        return {"inkoopwaarde_met_sroi": w, "gemiddeld_pct": _pct(t, w), "te_realiseren": t, "gerealiseerd": g,
                "nog_te_realiseren": t - g, "sociale_ondernemingen": s}

    return {"jaar": blok(v["w_j"], v["t_j"], r["g_j"], r["s_j"]),
            "vorig_jaar": blok(v["w_v"], v["t_v"], r["g_v"], r["s_v"]),
            "kandidaten": kandidaten}


# --------------------------------------------------------------------------------------------
# Chapters 3 and 4


def werkpakt_aantal(*, organisatie, jaar: int) -> int:
    """"Eind 2024 beschikten 36 ondernemers over een Werkpakt keurmerk." Definition: keurmerk
    holders whose keurmerk was granted on or before 31-12 and had not lapsed on 31-12."""
    eind = jaargrenzen(jaar)[1]
    return WerkpaktKeurmerkhouder.objects.filter(
        Q(ingetrokken_op__isnull=True) | Q(ingetrokken_op__gt=eind), organisatie=organisatie,
        verleend_op__lte=eind).count()


def integriteit_cijfers(*, organisatie, jaar: int) -> dict:
    """Chapter 4, Integriteit.

    - klachten: "Bij het Twents klachtenmeldpunt en daarmee de klachtencommissie, zijn in 2024
      geen klachten binnengekomen met betrekking tot integriteitskwesties in
      aanbestedingstrajecten". Definition: complaints of the kind integriteit received in the year
      (complaints about the procedure or the award are recorded too, but are not this figure).
    - bibob_onderzoeken: "In totaal heeft de afdeling Bibob 33 Bibob-onderzoeken uitgevoerd."
      Definition: Bibob screenings with `uitgevoerd_op` in the year.
    - bibob_adviezen_lbb: "In 2 dossiers hebben wij advies opgevraagd bij het Landelijk Bureau
      Bibob". Definition: those screenings of the year in which the LBB was asked for advice.
    """
    begin, eind = jaargrenzen(jaar)
    klachten = Klacht.objects.filter(organisatie=organisatie, soort=KlachtSoort.INTEGRITEIT,
                                     ontvangen_op__range=(begin, eind)).count()
    b = BibobToets.objects.filter(organisatie=organisatie, uitgevoerd_op__range=(begin, eind)).aggregate(
        n=Count("pk"), lbb=Count("pk", filter=Q(advies_lbb_gevraagd=True)))
    return {"klachten": klachten, "bibob_onderzoeken": b["n"], "bibob_adviezen_lbb": b["lbb"]}


def jaarcijfers(*, organisatie, jaar: int) -> dict:
    """The sections of the jaarverslag JSON (interfaces.md §3) that come from this app's records."""
    return {
        "afdeling_inkoop": afdeling_inkoop_cijfers(organisatie=organisatie, jaar=jaar),
        "mvoi": _mvoi_json(mvoi_cijfers(organisatie=organisatie, jaar=jaar)),
        "sroi": sroi_cijfers(organisatie=organisatie, jaar=jaar),
        "werkpakt_keurmerkhouders": werkpakt_aantal(organisatie=organisatie, jaar=jaar),
        "integriteit": integriteit_cijfers(organisatie=organisatie, jaar=jaar),
    }


# --------------------------------------------------------------------------------------------
# Pages


def zichtbare_contracten(*, gebruiker, organisatie):
    """Contracts the user may see: everything for inkoper/controller, own afdeling or owned for a
    budgethouder (contracten.rules)."""
    qs = Contract.objects.filter(organisatie=organisatie)
    if gebruiker.rol == "budgethouder":
        q = Q(eigenaar=gebruiker)
        if gebruiker.afdeling:
            q |= Q(afdeling=gebruiker.afdeling)
        qs = qs.filter(q)
    return qs


def zichtbare_trajecten(*, gebruiker, organisatie):
    qs = Traject.objects.filter(organisatie=organisatie)
    if gebruiker.rol == "budgethouder":
        qs = qs.filter(afdeling=gebruiker.afdeling) if gebruiker.afdeling else qs.none()
    return qs


def met_sroi_stand(qs):
    """Annotate contracts with te_realiseren / gerealiseerd (SQL, for lists and the export)."""
    gerealiseerd = (SroiRealisatie.objects.filter(verplichting__contract=OuterRef("pk")).values("verplichting")
                    .annotate(s=Sum("bedrag")).values("s"))
    return qs.annotate(
        sroi_te_realiseren=F("sroi__bedrag"),
        sroi_gerealiseerd=Coalesce(Subquery(gerealiseerd, output_field=GELDVELD), Value(NUL)))


def contractregister(*, gebruiker, organisatie, zoek="", status="", pakket=None, afdeling="", eigenaar=None,
                     sroi="", vandaag: date | None = None):
    """The register with search and filters; a fixed number of queries whatever the row count."""
    vandaag = vandaag or date.today()
    qs = zichtbare_contracten(gebruiker=gebruiker, organisatie=organisatie)
    if zoek:
        qs = qs.filter(Q(omschrijving__icontains=zoek) | Q(nummer__icontains=zoek) | Q(crediteur__naam__icontains=zoek)
                       | Q(crediteur__nummer=zoek) | Q(leverancier_naam__icontains=zoek))
    if status == "actueel":
        qs = qs.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
    elif status == "lopend":
        qs = qs.filter(Q(startdatum__lte=vandaag) & (Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag)))
    elif status == "toekomstig":
        qs = qs.filter(startdatum__gt=vandaag)
    elif status == "afgelopen":
        qs = qs.filter(einddatum__lt=vandaag)
    elif status == "binnenkort":
        tot = plus_maanden(vandaag, 12)
        qs = qs.filter(Q(einddatum__range=(vandaag, tot)) | Q(beslisdatum__range=(vandaag, tot)))
    if pakket:
        qs = qs.filter(inkooppakket=pakket)
    if afdeling:
        qs = qs.filter(afdeling=afdeling)
    if eigenaar:
        qs = qs.filter(eigenaar=eigenaar)
    if sroi == "ja":
        qs = qs.filter(sroi__isnull=False)
    elif sroi == "nee":
        qs = qs.filter(sroi__isnull=True)
    return met_sroi_stand(qs.select_related("crediteur", "inkooppakket", "eigenaar", "traject", "sroi")).order_by(
        F("einddatum").asc(nulls_last=True), "nummer")


def sroi_stand(contract) -> dict | None:
    """te_realiseren, gerealiseerd (to date), nog_te_realiseren, and per year, of one contract."""
    verplichting = getattr(contract, "sroi", None)
    if verplichting is None:
        return None
    per_jaar = list(verplichting.realisaties.values("datum__year").annotate(bedrag=Sum("bedrag"))
                    .order_by("datum__year"))
    gerealiseerd = sum((r["bedrag"] for r in per_jaar), NUL)
    kandidaten = verplichting.kandidaten.aggregate(n=Count("pk"), n_gemeente=Count("pk", filter=Q(uit_gemeente=True)))
    cumulatief, jaren = NUL, []
    for r in per_jaar:
        cumulatief += r["bedrag"]
        jaren.append({"jaar": r["datum__year"], "bedrag": r["bedrag"], "cumulatief": cumulatief,
                      "nog_te_realiseren": verplichting.bedrag - cumulatief})
    return {"verplichting": verplichting, "te_realiseren": verplichting.bedrag, "gerealiseerd": gerealiseerd,
            "nog_te_realiseren": verplichting.bedrag - gerealiseerd,
            "pct_gerealiseerd": _pct(gerealiseerd, verplichting.bedrag), "per_jaar": jaren,
            "kandidaten": kandidaten}


@dataclass(frozen=True)
class KalenderItem:
    datum: date
    soort: str  # "beslissing" | "einde"
    contract: Contract

    @property
    def label(self) -> str:
        return "Beslissen over verlenging" if self.soort == "beslissing" else "Einde contract"


def kalender_items(*, gebruiker, organisatie, van: date, tot: date, zoek: str = "") -> list[KalenderItem]:
    """Deadlines between `van` and `tot` (inclusive): decide on an extension (while options are
    left) and the end of a contract. Two queries-in-one: a contract appears once per deadline.
    `zoek` narrows to contracts whose number, description or supplier contains it."""
    qs = (zichtbare_contracten(gebruiker=gebruiker, organisatie=organisatie)
          .filter(Q(beslisdatum__range=(van, tot)) | Q(einddatum__range=(van, tot)))
          .select_related("crediteur", "eigenaar"))
    if zoek:
        qs = qs.filter(Q(omschrijving__icontains=zoek) | Q(nummer__icontains=zoek)
                       | Q(crediteur__naam__icontains=zoek) | Q(leverancier_naam__icontains=zoek))
    items = []
    for c in qs:
        if c.beslisdatum and van <= c.beslisdatum <= tot:
            items.append(KalenderItem(c.beslisdatum, "beslissing", c))
        if c.einddatum and van <= c.einddatum <= tot:
            items.append(KalenderItem(c.einddatum, "einde", c))
    items.sort(key=lambda i: (i.datum, i.soort != "beslissing", i.contract.nummer))
    return items


def achterstallige_beslissingen(*, gebruiker, organisatie, vandaag: date):
    """Running contracts whose decision date passed without a decision (options still open)."""
    return list(zichtbare_contracten(gebruiker=gebruiker, organisatie=organisatie)
                .filter(beslisdatum__lt=vandaag, einddatum__gte=vandaag).select_related("crediteur", "eigenaar")
                .order_by("beslisdatum"))


def kalender_maanden(*, gebruiker, organisatie, vandaag: date) -> list[dict]:
    """The next 12 months (this month first) with the number of deadlines in each (one query)."""
    begin = date(vandaag.year, vandaag.month, 1)
    einde = maandgrenzen(*_maand_plus(begin, 11))[1]
    items = kalender_items(gebruiker=gebruiker, organisatie=organisatie, van=begin, tot=einde)
    maanden = []
    for i in range(12):
        j, m = _maand_plus(begin, i)
        maanden.append({"jaar": j, "maand": m, "eerste": date(j, m, 1),
                        "aantal": sum(1 for it in items if (it.datum.year, it.datum.month) == (j, m))})
    return maanden


def _maand_plus(d: date, n: int) -> tuple[int, int]:
    index = d.month - 1 + n
    return d.year + index // 12, index % 12 + 1


def samenhangende_contracten(melding, van, tot) -> list[dict]:
    """Contracts in the melding's inkooppakket that start between `van` and `tot` (L-26 splitting
    check of the advice; registered in adviezen.hooks at start-up)."""
    contracten = (Contract.objects.filter(organisatie_id=melding.organisatie_id,
                                          inkooppakket_id=melding.inkooppakket_id,
                                          startdatum__gte=van, startdatum__lte=tot)
                  .exclude(melding_id=melding.pk).order_by("-startdatum"))
    return [{"bron": "contract", "omschrijving": f"contract ‘{omschrijving}’", "bedrag": waarde}
            for omschrijving, waarde in contracten.values_list("omschrijving", "waarde_totaal")[:50]]


# ---------------------------------------------------------------------------------------------
# After the advice: the traject


@dataclass(frozen=True)
class VolgendeStap:
    """What follows an issued advice: its traject, who starts it under the policy, may this user."""

    traject: Traject | None
    door_budgethouder: bool
    mag_starten: bool


def traject_door_budgethouder(advies) -> bool:
    """Whether the budget holder runs this procedure themselves, under the policy the advice was
    computed with (Beleid.traject_door_budgethouder); otherwise Inkoop guides it."""
    beleid = advies.beleid
    return bool(beleid is not None and advies.procedure in (beleid.traject_door_budgethouder or ()))


def traject_van_melding(melding_id) -> Traject | None:
    """The traject that carries out the melding (a withdrawn one does not count)."""
    return (Traject.objects.filter(melding_id=melding_id).exclude(status=TrajectStatus.INGETROKKEN)
            .order_by("-startdatum", "-id").first())


def volgende_stap(*, advies, gebruiker) -> VolgendeStap:
    traject = traject_van_melding(advies.melding_id)
    return VolgendeStap(traject=traject, door_budgethouder=traject_door_budgethouder(advies),
                        mag_starten=traject is None and gebruiker.has_perm("contracten.traject_starten", advies))
