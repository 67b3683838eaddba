"""Financial base data and the spend ledger, per organisation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beleid.begrippen import SOORTEN_AW, keuzes
from inkoop.models import Organisatie, OrganisatieModel


class Inkoopcategorie(OrganisatieModel):
    code = models.CharField(_("code"), max_length=20)
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("inkoopcategorie")
        verbose_name_plural = _("inkoopcategorieën")
        constraints = [models.UniqueConstraint(fields=["organisatie", "code"], name="uniek_categorie")]

    def __str__(self):
        return f"{self.code} {self.naam}"


class Inkooppakket(OrganisatieModel):
    code = models.CharField(_("pakketcode"), max_length=20)
    naam = models.CharField(_("pakketnaam"), max_length=200)
    categorie = models.ForeignKey(Inkoopcategorie, on_delete=models.PROTECT, related_name="pakketten")
    # Which band applies to spend in this pakket (signalen); blank = leveringen/diensten.
    soort = models.CharField(_("soort"), max_length=10, choices=keuzes(*SOORTEN_AW), blank=True)

    class Meta:
        verbose_name = _("inkooppakket")
        verbose_name_plural = _("inkooppakketten")
        constraints = [models.UniqueConstraint(fields=["organisatie", "code"], name="uniek_pakket")]
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.naam}"


class Domein(OrganisatieModel):
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        constraints = [models.UniqueConstraint(fields=["organisatie", "naam"], name="uniek_domein")]
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Kostenplaats(OrganisatieModel):
    code = models.CharField(_("kostenplaats"), max_length=40)
    omschrijving = models.CharField(_("omschrijving"), max_length=200)
    domein = models.ForeignKey(Domein, on_delete=models.PROTECT, related_name="kostenplaatsen")

    class Meta:
        verbose_name = _("kostenplaats")
        verbose_name_plural = _("kostenplaatsen")
        constraints = [models.UniqueConstraint(fields=["organisatie", "code"], name="uniek_kostenplaats")]
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.omschrijving}"


class Regio(OrganisatieModel):
    """A range of four-digit postcodes and the region it belongs to ("Lokaal", "Regio Twente")."""

    postcode_van = models.PositiveIntegerField(_("postcode van"))
    postcode_tot = models.PositiveIntegerField(_("postcode tot en met"))
    naam = models.CharField(_("regio"), max_length=100)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        constraints = [models.UniqueConstraint(fields=["organisatie", "postcode_van", "postcode_tot"],
                                               name="uniek_regiobereik")]
        ordering = ["postcode_van"]

    def __str__(self):
        return f"{self.postcode_van}-{self.postcode_tot} {self.naam}"


class RegioKlasse(models.TextChoices):
    """The fixed classes of the report; the regional name itself comes from the Regio table."""

    LOKAAL = "Lokaal", _("Lokaal")
    NIET_REGIONAAL = "Niet regionaal", _("Niet regionaal")
    BUITENLAND = "Buitenland", _("Buitenland")
    ONBEKEND = "Onbekend", _("Onbekend")


class Crediteur(OrganisatieModel):
    nummer = models.CharField(_("crediteurnummer"), max_length=40)
    naam = models.CharField(_("naam"), max_length=300)
    kvk_nummer = models.CharField(_("KvK-nummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    plaats = models.CharField(_("plaats"), max_length=200, blank=True)
    land = models.CharField(_("land"), max_length=2, blank=True)
    inkooppakket = models.ForeignKey(Inkooppakket, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="crediteuren")
    # Set when an inkoper classified this crediteur in the web interface: that choice wins over a
    # later import unless --overschrijf-classificatie is given (interfaces.md §2).
    classificatie_handmatig = models.BooleanField(default=False)
    # Derived from postcode/land and the Regio table at import; stored so reports group in SQL.
    regio = models.CharField(_("regio"), max_length=100, blank=True, db_index=True)

    class Meta:
        verbose_name = _("crediteur")
        verbose_name_plural = _("crediteuren")
        constraints = [models.UniqueConstraint(fields=["organisatie", "nummer"], name="uniek_crediteur")]

    def __str__(self):
        return f"{self.nummer} {self.naam}"


class Importrun(OrganisatieModel):
    """One import of spend files: who, when, which files (SHA-256), counts, outcome.

    COPY and bulk upserts bypass model history, so the run itself is the audit trail.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        BEZIG = "bezig", _("Bezig")
        GESLAAGD = "geslaagd", _("Geslaagd")
        MISLUKT = "mislukt", _("Mislukt")
        GECONTROLEERD = "gecontroleerd", _("Gecontroleerd (proefrun)")

    gestart_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+")
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.WACHTEND)
    proefrun = models.BooleanField(_("alleen controleren"), default=False)
    # [{"naam", "sha256", "soort", "regels"}]
    bestanden = models.JSONField(default=list)
    # {"facturen": {"nieuw": n, "gewijzigd": n, "ongewijzigd": n}, "crediteuren": {...}, ...}
    aantallen = models.JSONField(default=dict)
    fouten = models.JSONField(default=list)
    voortgang = models.PositiveSmallIntegerField(default=0)  # percent, for the progress bar
    # What the run is doing now ("Facturen controleren"), shown beside the progress bar.
    stap = models.CharField(max_length=200, blank=True)
    seconden = models.FloatField(null=True, blank=True)
    overschrijf_classificatie = models.BooleanField(_("classificatie uit het bestand laten winnen"),
                                                    default=False)
    # The dry run whose files this run imports (web flow: check first, then import).
    controle = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="imports")

    class Meta:
        verbose_name = _("importrun")
        verbose_name_plural = _("importruns")
        ordering = ["-gestart_op"]

    def __str__(self):
        return f"Importrun {self.pk} ({self.get_status_display()})"

    @property
    def loopt(self) -> bool:
        return self.status in (self.Status.WACHTEND, self.Status.BEZIG)


class Factuurregel(OrganisatieModel):
    """One line of the spend ledger; identity: boekjaar, crediteur, factuurnummer, volgnummer.

    Only the import service writes this table, in bulk (docs/adr/0004-grootboek-bulkimport.md):
    its foreign keys are resolved and checked in SQL by the import itself, so the database
    carries no per-row FK triggers and no extra indexes; the unique key
    (organisatie, boekjaar, crediteur, factuurnummer, volgnummer) serves every lookup by year.
    """

    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+",
                                    db_index=False, db_constraint=False)
    boekjaar = models.PositiveSmallIntegerField(_("boekjaar"))
    boekdatum = models.DateField(_("boekdatum"))
    factuurnummer = models.CharField(_("factuurnummer"), max_length=100)
    # Position among this invoice's lines in the file (1, 2, ...), part of the identity.
    volgnummer = models.PositiveIntegerField(default=1)
    crediteur = models.ForeignKey(Crediteur, on_delete=models.PROTECT, related_name="factuurregels",
                                  db_index=False, db_constraint=False)
    kostenplaats = models.ForeignKey(Kostenplaats, on_delete=models.PROTECT, related_name="factuurregels",
                                     db_index=False, db_constraint=False)
    grootboekrekening = models.CharField(_("grootboekrekening"), max_length=40, blank=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=500, blank=True)
    bedrag = models.DecimalField(_("bedrag excl. btw"), max_digits=15, decimal_places=2)
    # The run that stored the current values of this line (audit: which file, whose upload).
    importrun = models.ForeignKey(Importrun, on_delete=models.DO_NOTHING, null=True, blank=True,
                                  related_name="+", db_index=False, db_constraint=False)

    class Meta:
        verbose_name = _("factuurregel")
        verbose_name_plural = _("factuurregels")
        constraints = [models.UniqueConstraint(
            fields=["organisatie", "boekjaar", "crediteur", "factuurnummer", "volgnummer"],
            name="uniek_factuurregel")]

    def __str__(self):
        return f"{self.boekjaar} {self.factuurnummer}/{self.volgnummer}: {self.bedrag}"


class Jaaromzet(OrganisatieModel):
    """Spend per boekjaar × crediteur × kostenplaats, rebuilt by the import for every boekjaar it touches.

    The yearly report and the dashboards aggregate this small table instead of millions of
    factuurregels; category and region follow from the crediteur at query time, so a later
    classification needs no rebuild.
    """

    # Like the ledger it summarises, written only by the import (in bulk, in SQL): no per-row FK
    # triggers (docs/adr/0004-grootboek-bulkimport.md).
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+",
                                    db_index=False, db_constraint=False)
    boekjaar = models.PositiveSmallIntegerField()
    crediteur = models.ForeignKey(Crediteur, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    kostenplaats = models.ForeignKey(Kostenplaats, on_delete=models.CASCADE, related_name="+",
                                     db_constraint=False)
    bedrag = models.DecimalField(max_digits=15, decimal_places=2)
    regels = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisatie", "boekjaar", "crediteur", "kostenplaats"],
                                               name="uniek_jaaromzet")]

    def __str__(self):
        return f"{self.boekjaar} {self.crediteur_id} {self.kostenplaats_id}: {self.bedrag}"
