"""Rechtmatigheid: the signaleringslijst and the steekproef (product.md step 5, interfaces.md §5-6).

This app only reads spend, meldingen and contracts; what it stores are its own findings: the
signals with the controller's assessment, and the samples drawn for the internal control.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoop.models import OrganisatieModel


class Soort(models.TextChoices):
    """The kinds of signal of interfaces.md §5 (the values are part of the JSON interface)."""

    UITGAVEN_ZONDER_CONTRACT = "uitgaven_zonder_contract", _("Uitgaven zonder contract")
    EU_DREMPEL_PAKKET = "eu_drempel_pakket", _("EU-drempel per inkooppakket")
    PROCEDURE_TE_LICHT = "procedure_te_licht", _("Procedure te licht")
    MOGELIJKE_SPLITSING = "mogelijke_splitsing", _("Mogelijke splitsing")
    CONTRACT_OVERSCHREDEN = "contract_overschreden", _("Contract overschreden")
    CONTRACT_VERLOPEN = "contract_verlopen", _("Contract verlopen")
    MELDING_ZONDER_ADVIES = "melding_zonder_advies", _("Melding zonder advies")
    LEVERANCIER_ZONDER_PAKKET = "leverancier_zonder_pakket", _("Leverancier zonder inkooppakket")


class Kader(models.TextChoices):
    """Which rule a finding breaks: the law (EU thresholds, Aanbestedingswet 2012 deel 2) or the
    organisation's own procurement policy. The rechtmatigheidsverantwoording reports them apart."""

    EUROPEES = "europees", _("Europese aanbestedingsregels")
    EIGEN_BELEID = "eigen_beleid", _("Eigen inkoopbeleid")


class Beoordeling(models.TextChoices):
    OPEN = "", _("Nog niet beoordeeld")
    TERECHT = "terecht", _("Terecht")
    ONTERECHT = "onterecht", _("Onterecht")


class Signaal(OrganisatieModel):
    """One signal of the signaleringslijst of a year.

    `sleutel` identifies the signal across recomputations (soort plus what it is about: the
    crediteur, pakket, contract or melding), so a controller's assessment survives a new import
    and a new computation. A signal that a later computation no longer finds is kept with
    `actueel=False`, so an assessment is never lost.
    """

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    soort = models.CharField(_("soort"), max_length=40, choices=Soort.choices)
    sleutel = models.CharField(_("sleutel"), max_length=200)
    crediteurnummer = models.CharField(_("crediteurnummer"), max_length=40, blank=True)
    crediteurnaam = models.CharField(_("crediteur"), max_length=300, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=300, blank=True)
    bedrag = models.DecimalField(_("bedrag"), max_digits=15, decimal_places=2)
    drempel = models.DecimalField(_("drempel"), max_digits=15, decimal_places=2, null=True, blank=True)
    toelichting = models.TextField(_("toelichting"))
    # One line a controller reads first, the rule broken, and the rank on the list (higher first).
    reden = models.CharField(_("reden"), max_length=300, blank=True)
    kader = models.CharField(_("kader"), max_length=20, choices=Kader.choices, blank=True)
    risico = models.DecimalField(_("risico"), max_digits=17, decimal_places=2, default=0)
    # What the signal is about, for links and the export: contract_id, melding_id, pakketcode, ...
    details = models.JSONField(default=dict, blank=True)
    actueel = models.BooleanField(_("actueel"), default=True)
    eerst_gevonden_op = models.DateTimeField(auto_now_add=True)
    berekend_op = models.DateTimeField(_("laatst berekend op"))

    beoordeling = models.CharField(_("beoordeling"), max_length=10, choices=Beoordeling.choices,
                                   blank=True, default=Beoordeling.OPEN)
    beoordeling_toelichting = models.TextField(_("toelichting bij de beoordeling"), blank=True)
    beoordeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+")
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        constraints = [models.UniqueConstraint(fields=["organisatie", "jaar", "sleutel"],
                                               name="uniek_signaal")]
        indexes = [models.Index(fields=["organisatie", "jaar", "soort"])]
        ordering = ["soort", "-bedrag", "sleutel"]

    def __str__(self):
        return f"{self.jaar} {self.get_soort_display()}: {self.onderwerp or self.crediteurnummer}"


class Steekproef(OrganisatieModel):
    """A reproducible sample of factuurregels of one year for the internal control.

    The zaad (seed) is stored with the sample: the same jaar, omvang, zaad and ledger give the
    same lines (rechtmatigheid/steekproef.py explains the method). `populatie_kenmerk` is a
    checksum of the population, so a redraw on changed data is recognisable.
    """

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    omvang = models.PositiveIntegerField(_("omvang"))
    zaad = models.CharField(_("zaad"), max_length=100)
    methode = models.TextField(_("methode"))
    populatie_aantal = models.PositiveIntegerField(_("aantal factuurregels in de populatie"))
    populatie_bedrag = models.DecimalField(_("bedrag van de populatie"), max_digits=15, decimal_places=2)
    populatie_kenmerk = models.CharField(_("kenmerk van de populatie"), max_length=64)
    # Per stratum: {"naam", "van", "tot", "aantal", "bedrag", "getrokken"}
    strata = models.JSONField(default=list)
    getrokken_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="+")
    getrokken_op = models.DateTimeField(_("getrokken op"), auto_now_add=True)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("steekproef")
        verbose_name_plural = _("steekproeven")
        ordering = ["-getrokken_op", "-id"]

    def __str__(self):
        return f"Steekproef {self.jaar} ({self.omvang} regels, zaad {self.zaad})"


class Uitkomst(models.TextChoices):
    OPEN = "", _("Nog niet gecontroleerd")
    RECHTMATIG = "rechtmatig", _("Rechtmatig")
    ONRECHTMATIG = "onrechtmatig", _("Onrechtmatig")
    ONZEKER = "onzeker", _("Onzeker")


class Steekproefregel(models.Model):
    """One drawn factuurregel, copied as it was when drawn (the ledger may be re-imported)."""

    steekproef = models.ForeignKey(Steekproef, on_delete=models.CASCADE, related_name="regels")
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    factuurregel = models.ForeignKey("uitgaven.Factuurregel", on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+")
    stratum = models.CharField(_("stratum"), max_length=40)
    crediteurnummer = models.CharField(_("crediteurnummer"), max_length=40)
    crediteurnaam = models.CharField(_("crediteur"), max_length=300, blank=True)
    factuurnummer = models.CharField(_("factuurnummer"), max_length=100)
    factuurregelnummer = models.PositiveIntegerField(_("regel op de factuur"), default=1)
    boekdatum = models.DateField(_("boekdatum"))
    bedrag = models.DecimalField(_("bedrag"), max_digits=15, decimal_places=2)
    kostenplaats = models.CharField(_("kostenplaats"), max_length=40)
    omschrijving = models.CharField(_("omschrijving"), max_length=500, blank=True)
    # The controller's finding for this line (the yearly report counts them).
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices, blank=True,
                                default=Uitkomst.OPEN)
    uitkomst_toelichting = models.CharField(_("toelichting"), max_length=500, blank=True)
    # For an onrechtmatig line: the rule it breaks (rechtmatigheidsverantwoording).
    kader = models.CharField(_("kader"), max_length=20, choices=Kader.choices, blank=True)

    class Meta:
        verbose_name = _("steekproefregel")
        verbose_name_plural = _("steekproefregels")
        ordering = ["steekproef", "volgnummer"]
        constraints = [models.UniqueConstraint(fields=["steekproef", "volgnummer"],
                                               name="uniek_steekproefregel")]

    def __str__(self):
        return f"{self.crediteurnummer} {self.factuurnummer} {self.bedrag}"
