"""Procedures (trajecten), contracts, MVOI, SROI, Bibob, complaints and the Werkpakt register.

What the afdeling Inkoop records after the advice: the procedure as it runs and the contract that
follows, with what was asked and delivered on MVOI and SROI. The yearly report's figures of
chapters 1.4, 2, 3 and 4 are computed from these records (contracten.selectors.jaarcijfers).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from beleid.begrippen import (  # noqa: F401 - the vocabulary, re-read by contracten's own modules
    AANBESTEDINGEN,
    EUROPESE_PROCEDURES,
    Branche,
    MvoiThema,
    Procedure,
    SoortOpdracht,
)
from inkoop.models import OrganisatieModel
from meldingen.models import Inkoopmelding
from uitgaven.models import Crediteur, Inkooppakket

GELD = {"max_digits": 15, "decimal_places": 2}


class TrajectStatus(models.TextChoices):
    IN_VOORBEREIDING = "in_voorbereiding", _("In voorbereiding")
    LOPEND = "lopend", _("Lopend")
    AFGEROND = "afgerond", _("Afgerond")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class Traject(OrganisatieModel):
    """One procedure (inkooptraject), from preparation to award or withdrawal.

    The dates carry the status over time, so a year's figures can be computed afterwards:
    `startdatum` (preparation begins, status in_voorbereiding), `publicatiedatum` (the procedure
    runs: published or invitations sent, status lopend), `afgerond_op` (the whole procedure is
    completed: definitive award, standstill over), `ingetrokken_op`.
    """

    nummer = models.CharField(_("trajectnummer"), max_length=20)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    toelichting = models.TextField(_("toelichting"), blank=True)
    melding = models.ForeignKey(Inkoopmelding, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="trajecten", verbose_name=_("inkoopmelding"))
    procedure = models.CharField(_("procedure"), max_length=50, choices=Procedure.choices)
    soort = models.CharField(_("soort opdracht"), max_length=20, choices=SoortOpdracht.choices)
    status = models.CharField(_("status"), max_length=20, choices=TrajectStatus.choices,
                              default=TrajectStatus.IN_VOORBEREIDING, db_index=True)
    startdatum = models.DateField(_("in voorbereiding sinds"))
    publicatiedatum = models.DateField(_("gepubliceerd of uitgenodigd op"), null=True, blank=True)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True)
    reden_intrekking = models.TextField(_("reden van intrekking"), blank=True)
    begeleid_door_inkoop = models.BooleanField(_("begeleid door afdeling Inkoop"), default=True)
    # Blank: the organisation itself is the opdrachtgever. Otherwise the verbonden partij that the
    # afdeling Inkoop supports (inkoopjaarverslag 2024 §5, "Inzet van inkoopcapaciteit bij
    # verbonden partijen").
    verbonden_partij = models.CharField(_("verbonden partij als opdrachtgever"), max_length=200, blank=True)
    afdeling = models.CharField(_("afdeling"), max_length=200, blank=True)
    inkoper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="trajecten", verbose_name=_("inkoper"))
    geraamde_waarde = models.DecimalField(_("geraamde waarde excl. btw"), null=True, blank=True, **GELD)
    # The awarded value (sum of the awarded bids of all lots); the volume in the MVOI figures.
    gegunde_waarde = models.DecimalField(_("gegunde waarde excl. btw"), null=True, blank=True, **GELD)
    gouden_aanbesteding = models.BooleanField(_("Gouden aanbesteding"), default=False)
    tenderboard_advies_gevraagd = models.BooleanField(_("advies Tenderboard gevraagd"), default=False)
    tenderboard_advies = models.TextField(_("advies Tenderboard"), blank=True)
    tenderned_kenmerk = models.CharField(_("TenderNed-kenmerk"), max_length=40, blank=True)
    # The main code of the Common Procurement Vocabulary (Regulation (EC) 2195/2002), as TenderNed
    # asks it; the OCDS export classifies the tender's items with it.
    cpv_code = models.CharField(
        _("CPV-code"), max_length=10, blank=True,
        validators=[RegexValidator(r"^\d{8}(-\d)?$", _("Een CPV-code is acht cijfers, eventueel met een "
                                                        "controlecijfer: bijvoorbeeld 90910000-9."))],
        help_text=_("De hoofdcode uit de Common Procurement Vocabulary, bijvoorbeeld 90910000-9 (schoonmaakdiensten)."))
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    # The idempotency key of the form that created it (a double post creates one traject).
    sleutel = models.UUIDField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        ordering = ["-startdatum", "-id"]
        constraints = [models.UniqueConstraint(fields=["organisatie", "nummer"], name="uniek_trajectnummer"),
                       models.UniqueConstraint(fields=["organisatie", "sleutel"], name="traject_uniek_formulier")]
        indexes = [models.Index(fields=["organisatie", "status"]),
                   models.Index(fields=["organisatie", "afgerond_op"])]

    def __str__(self):
        return f"{self.nummer} {self.omschrijving}"

    @property
    def europees(self) -> bool:
        return self.procedure in EUROPESE_PROCEDURES

    @property
    def opdrachtgever(self) -> str:
        return self.verbonden_partij or str(self.organisatie)

    @property
    def volume(self) -> Decimal:
        return self.gegunde_waarde if self.gegunde_waarde is not None else (self.geraamde_waarde or Decimal(0))


class Perceel(OrganisatieModel):
    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="percelen")
    nummer = models.PositiveSmallIntegerField(_("perceelnummer"))
    naam = models.CharField(_("naam"), max_length=200)
    geraamde_waarde = models.DecimalField(_("geraamde waarde excl. btw"), null=True, blank=True, **GELD)
    gegunde_waarde = models.DecimalField(_("gegunde waarde excl. btw"), null=True, blank=True, **GELD)

    class Meta:
        verbose_name = _("perceel")
        verbose_name_plural = _("percelen")
        ordering = ["traject", "nummer"]
        constraints = [models.UniqueConstraint(fields=["traject", "nummer"], name="uniek_perceelnummer")]

    def __str__(self):
        return f"Perceel {self.nummer}: {self.naam}"


class Uitnodiging(OrganisatieModel):
    """A firm invited to a (meervoudig onderhandse) procedure; inkoopbeleid Twente: 3 to 5 firms,
    at least 2 local/regional where they exist, preferring Werkpakt keurmerk holders."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="uitnodigingen")
    perceel = models.ForeignKey(Perceel, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="uitnodigingen", verbose_name=_("perceel"))
    naam = models.CharField(_("naam onderneming"), max_length=300)
    crediteur = models.ForeignKey(Crediteur, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("crediteur"))
    regionaal = models.BooleanField(_("lokaal of regionaal"), default=False)
    werkpakt_keurmerk = models.BooleanField(_("Werkpakt keurmerk"), default=False)
    uitgenodigd_op = models.DateField(_("uitgenodigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["traject", "id"]

    def __str__(self):
        return self.naam


class Inschrijving(OrganisatieModel):
    """A bid; the awarded bid per lot (or per traject without lots) has `gegund`."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="inschrijvingen")
    perceel = models.ForeignKey(Perceel, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="inschrijvingen", verbose_name=_("perceel"))
    naam = models.CharField(_("inschrijver"), max_length=300)
    crediteur = models.ForeignKey(Crediteur, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("crediteur"))
    bedrag = models.DecimalField(_("inschrijfsom excl. btw"), null=True, blank=True, **GELD)
    ingediend_op = models.DateField(_("ingediend op"), null=True, blank=True)
    gegund = models.BooleanField(_("gegund"), default=False)

    class Meta:
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        ordering = ["traject", "perceel__nummer", "bedrag", "id"]

    def __str__(self):
        return self.naam


class MvoiToepassing(OrganisatieModel):
    """How one MVOI theme was applied in a traject or in one of its lots.

    As in the MVI-zelfevaluatietool (PIANOo/TenderNed): per tender or lot, per theme, the ways of
    application (a theme may be both a minimum requirement and an award criterion). When none of
    the three applies the theme was not applied, and `reden_niet_toegepast` says why.
    `perceel` empty means the whole traject.
    """

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="mvoi")
    perceel = models.ForeignKey(Perceel, on_delete=models.CASCADE, null=True, blank=True, related_name="mvoi")
    thema = models.CharField(_("thema"), max_length=30, choices=MvoiThema.choices)
    als_minimumeis = models.BooleanField(_("minimumeis"), default=False)
    als_gunningscriterium = models.BooleanField(_("gunningscriterium"), default=False)
    als_contractvoorwaarde = models.BooleanField(_("contractvoorwaarde"), default=False)
    reden_niet_toegepast = models.CharField(_("reden niet toegepast"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("MVOI-toepassing")
        verbose_name_plural = _("MVOI-toepassingen")
        constraints = [
            models.UniqueConstraint(fields=["traject", "perceel", "thema"], name="uniek_mvoi_perceel",
                                    condition=Q(perceel__isnull=False)),
            models.UniqueConstraint(fields=["traject", "thema"], name="uniek_mvoi_traject",
                                    condition=Q(perceel__isnull=True)),
        ]

    def __str__(self):
        return f"{self.traject_id}/{self.perceel_id or '-'} {self.thema}"

    @property
    def toegepast(self) -> bool:
        return self.als_minimumeis or self.als_gunningscriterium or self.als_contractvoorwaarde


class BibobUitkomst(models.TextChoices):
    LOPEND = "lopend", _("Nog niet afgerond")
    GEEN_BEZWAAR = "geen_bezwaar", _("Geen bezwaar")
    VOORWAARDEN = "voorwaarden", _("Gunning onder voorwaarden")
    UITGESLOTEN = "uitgesloten", _("Uitgesloten van gunning")


class BibobToets(OrganisatieModel):
    """A Bibob screening of a candidate or tenderer in a traject (Wet Bibob, since 1-8-2020 for all
    public contracts). The municipality's own check may be followed by an advice request to the
    Landelijk Bureau Bibob (LBB)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="bibob")
    betrokkene = models.CharField(_("onderzochte onderneming"), max_length=300)
    branche = models.CharField(_("branche"), max_length=20, choices=Branche.choices)
    uitgevoerd_op = models.DateField(_("uitgevoerd op"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=BibobUitkomst.choices,
                                default=BibobUitkomst.LOPEND)
    advies_lbb_gevraagd = models.BooleanField(_("advies gevraagd bij het Landelijk Bureau Bibob"), default=False)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("Bibob-toets")
        verbose_name_plural = _("Bibob-toetsen")
        ordering = ["-uitgevoerd_op", "-id"]

    def __str__(self):
        return f"Bibob {self.betrokkene}"


class KlachtSoort(models.TextChoices):
    INTEGRITEIT = "integriteit", _("Integriteit")
    PROCEDURE = "procedure", _("Procedure of aanbestedingsstukken")
    GUNNING = "gunning", _("Gunningsbeslissing")
    OVERIG = "overig", _("Overig")


class KlachtUitkomst(models.TextChoices):
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    GEGROND = "gegrond", _("Gegrond")
    DEELS_GEGROND = "deels_gegrond", _("Deels gegrond")
    ONGEGROND = "ongegrond", _("Ongegrond")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("Niet-ontvankelijk of ingetrokken")


class Klacht(OrganisatieModel):
    """A complaint about a procedure, e.g. at the Twents klachtenmeldpunt aanbesteden."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="klachten")
    ontvangen_op = models.DateField(_("ontvangen op"))
    soort = models.CharField(_("soort klacht"), max_length=20, choices=KlachtSoort.choices)
    ingediend_bij = models.CharField(_("ingediend bij"), max_length=200, default="Twents klachtenmeldpunt")
    indiener = models.CharField(_("indiener"), max_length=300, blank=True)
    omschrijving = models.TextField(_("omschrijving"))
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=KlachtUitkomst.choices,
                                default=KlachtUitkomst.IN_BEHANDELING)
    afgehandeld_op = models.DateField(_("afgehandeld op"), null=True, blank=True)
    toelichting_uitkomst = models.TextField(_("toelichting op de uitkomst"), blank=True)

    class Meta:
        verbose_name = _("klacht")
        verbose_name_plural = _("klachten")
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self):
        return f"Klacht {self.ontvangen_op:%d-%m-%Y}"


class Contract(OrganisatieModel):
    """A contract (overeenkomst) with a supplier, with its term and extension options.

    `waarde_totaal` is the value over the initial term, `waarde_opties` the value of the extension
    options; `waarde_incl_opties` is their sum (Aw 2.13: the value includes all options).
    `einddatum` is the end of the current term; every option used moves it on. `beslisdatum` (the
    date by which to decide on the next extension) and `einddatum_uiterlijk` (the end when every
    remaining option is used) are derived by contracten.services and stored for the calendar and
    the signaleringslijst.
    """

    nummer = models.CharField(_("contractnummer"), max_length=20)
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    crediteur = models.ForeignKey(Crediteur, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="contracten", verbose_name=_("crediteur"))
    # When the supplier is not (yet) a crediteur in the ledger.
    leverancier_naam = models.CharField(_("naam leverancier"), max_length=300, blank=True)
    inkooppakket = models.ForeignKey(Inkooppakket, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="contracten", verbose_name=_("inkooppakket"))
    soort = models.CharField(_("soort opdracht"), max_length=20, choices=SoortOpdracht.choices,
                             default=SoortOpdracht.DIENST)
    traject = models.ForeignKey(Traject, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="contracten", verbose_name=_("traject"))
    perceel = models.ForeignKey(Perceel, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="contracten", verbose_name=_("perceel"))
    melding = models.ForeignKey(Inkoopmelding, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="contracten", verbose_name=_("inkoopmelding"))
    afdeling = models.CharField(_("afdeling"), max_length=200, blank=True)
    eigenaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="contracten", verbose_name=_("contracteigenaar"))
    # The procedure it was awarded with and when: the traject's, or from an imported register
    # (interfaces.md §8). The award date decides which thresholds applied.
    procedure = models.CharField(_("procedure"), max_length=50, choices=Procedure.choices, blank=True)
    gunningsdatum = models.DateField(_("gunningsdatum"), null=True, blank=True)
    opvolger_van = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="opvolgers", verbose_name=_("opvolger van"))
    waarde_totaal = models.DecimalField(_("contractwaarde excl. btw (initiële looptijd)"), **GELD)
    waarde_opties = models.DecimalField(_("waarde van de verlengingsopties excl. btw"), default=Decimal(0), **GELD)
    waarde_per_jaar = models.DecimalField(_("waarde per jaar excl. btw"), null=True, blank=True, **GELD)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    verlengingen_aantal = models.PositiveSmallIntegerField(_("aantal verlengingsopties"), default=0)
    verlenging_maanden = models.PositiveSmallIntegerField(_("maanden per verlenging"), default=0)
    verlengingen_benut = models.PositiveSmallIntegerField(_("benutte verlengingen"), default=0)
    # Months before the end of the term by which the extension must be decided (and announced).
    beslistermijn_maanden = models.PositiveSmallIntegerField(_("beslistermijn in maanden voor het einde"),
                                                             default=3)
    niet_verlengen = models.BooleanField(_("besloten niet te verlengen"), default=False)
    beslisdatum = models.DateField(_("uiterste beslisdatum verlenging"), null=True, blank=True, db_index=True)
    einddatum_uiterlijk = models.DateField(_("einddatum met alle opties"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    # The idempotency key of the form that created it (a double post creates one contract).
    sleutel = models.UUIDField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["gewijzigd_op"])

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracten")
        ordering = ["-startdatum", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "nummer"], name="uniek_contractnummer"),
            models.UniqueConstraint(fields=["organisatie", "sleutel"], name="contract_uniek_formulier"),
            models.CheckConstraint(condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                                   name="contract_einde_na_start"),
        ]
        indexes = [models.Index(fields=["organisatie", "einddatum"])]

    def __str__(self):
        return f"{self.nummer} {self.omschrijving}"

    @property
    def leverancier(self) -> str:
        return self.crediteur.naam if self.crediteur_id else self.leverancier_naam

    @property
    def waarde_incl_opties(self) -> Decimal:
        return self.waarde_totaal + (self.waarde_opties or Decimal(0))

    @property
    def verlengingen_over(self) -> int:
        return 0 if self.niet_verlengen else max(0, self.verlengingen_aantal - self.verlengingen_benut)


class ContractDocument(OrganisatieModel):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="documenten")
    bestand = models.FileField(_("bestand"), upload_to="contracten/%Y/")
    naam = models.CharField(_("bestandsnaam"), max_length=255)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    grootte = models.PositiveBigIntegerField(default=0)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                      related_name="+")
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contractdocument")
        verbose_name_plural = _("contractdocumenten")
        ordering = ["-geupload_op"]

    def __str__(self):
        return self.naam


class SroiVerplichting(OrganisatieModel):
    """The social return obligation of a contract (Twents SROI-beleid 2017: from € 100.000,
    2 % or 5 % of the contract value excl. btw, filled in through the bouwblokken of the
    Convenant Social Return Oost-Nederland)."""

    contract = models.OneToOneField(Contract, on_delete=models.CASCADE, related_name="sroi")
    percentage = models.DecimalField(_("SROI-percentage"), max_digits=5, decimal_places=2)
    # The inkoopwaarde the percentage is taken of: the awarded contract value, normally.
    grondslag = models.DecimalField(_("inkoopwaarde met SROI-verplichting"), **GELD)
    bedrag = models.DecimalField(_("te realiseren SROI-waarde"), **GELD)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SROI-verplichting")
        verbose_name_plural = _("SROI-verplichtingen")

    def __str__(self):
        return f"SROI {self.contract_id}: {self.percentage}%"


class SroiWijze(models.TextChoices):
    """The ways to fill in social return (bouwblokken Impact Oost)."""

    PLAATSING = "plaatsing", _("Plaatsing van een kandidaat (arbeidsparticipatie)")
    SOCIALE_ONDERNEMING = "sociale_onderneming", _("Inkoop bij een sociale onderneming")
    ACTIVITEIT = "activiteit", _("Sociale of MVO-activiteit")
    OVERIG = "overig", _("Overig")


class SroiRealisatie(OrganisatieModel):
    verplichting = models.ForeignKey(SroiVerplichting, on_delete=models.CASCADE, related_name="realisaties")
    datum = models.DateField(_("datum"))
    bedrag = models.DecimalField(_("gerealiseerde SROI-waarde"), **GELD)
    wijze = models.CharField(_("wijze van invulling"), max_length=30, choices=SroiWijze.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("SROI-realisatie")
        verbose_name_plural = _("SROI-realisaties")
        ordering = ["-datum", "-id"]
        indexes = [models.Index(fields=["organisatie", "datum"])]

    def __str__(self):
        return f"{self.datum}: {self.bedrag}"


class Doelgroep(models.TextChoices):
    PARTICIPATIEWET = "participatiewet", _("Participatiewet")
    WW = "ww", _("WW")
    WAJONG = "wajong", _("Wajong / banenafspraak")
    BBL = "bbl", _("Leerwerktraject (BBL)")
    OVERIG = "overig", _("Overig")


class SroiKandidaat(OrganisatieModel):
    """A candidate with a distance to the labour market placed on a contract. Anonymous on purpose
    (AVG): the report needs counts, not people."""

    verplichting = models.ForeignKey(SroiVerplichting, on_delete=models.CASCADE, related_name="kandidaten")
    geplaatst_op = models.DateField(_("geplaatst op"))
    doelgroep = models.CharField(_("doelgroep"), max_length=20, choices=Doelgroep.choices,
                                 default=Doelgroep.PARTICIPATIEWET)
    uit_gemeente = models.BooleanField(_("woont in de gemeente"), default=False)

    class Meta:
        verbose_name = _("SROI-kandidaat")
        verbose_name_plural = _("SROI-kandidaten")
        ordering = ["-geplaatst_op", "-id"]
        indexes = [models.Index(fields=["organisatie", "geplaatst_op"])]

    def __str__(self):
        return f"Kandidaat {self.geplaatst_op}"


class WerkpaktKeurmerkhouder(OrganisatieModel):
    """An employer holding the Werkpakt keurmerk (gemeente Enschede; inkoopjaarverslag 2024 §3)."""

    naam = models.CharField(_("naam onderneming"), max_length=300)
    crediteur = models.ForeignKey(Crediteur, on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="+", verbose_name=_("crediteur"))
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=20, blank=True)
    plaats = models.CharField(_("plaats"), max_length=200, blank=True)
    verleend_op = models.DateField(_("keurmerk verleend op"))
    ingetrokken_op = models.DateField(_("keurmerk vervallen op"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("Werkpakt-keurmerkhouder")
        verbose_name_plural = _("Werkpakt-keurmerkhouders")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["organisatie", "naam"], name="uniek_keurmerkhouder")]

    def __str__(self):
        return self.naam


class HerinneringSoort(models.TextChoices):
    BESLISSING = "beslissing", _("Beslissen over verlenging")
    EINDE = "einde", _("Einde contract")


class Herinnering(OrganisatieModel):
    """A reminder sent for one deadline of one contract. The unique constraint is what makes the
    reminder task send exactly once per contract and deadline, however often it runs."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="herinneringen")
    soort = models.CharField(max_length=20, choices=HerinneringSoort.choices)
    deadline = models.DateField()
    verstuurd_op = models.DateTimeField(auto_now_add=True)
    ontvangers = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [models.UniqueConstraint(fields=["contract", "soort", "deadline"],
                                               name="een_herinnering_per_deadline")]

    def __str__(self):
        return f"{self.contract_id} {self.soort} {self.deadline}"


class KalenderToken(OrganisatieModel):
    """The secret of a user's iCal feed URL. Only its SHA-256 is stored; the URL is shown once."""

    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sleutel_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisatie", "gebruiker"], name="een_kalendertoken")]
