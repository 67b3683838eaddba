"""The yearly report's own records: narrative texts, generation runs and published versions.

The figures themselves are never stored here: they are computed from the other apps' data by
`jaarverslag.selectors.jaarverslag_gegevens`. What is stored is what a person wrote (the
narrative per chapter) and what was frozen (a published version: PDF, JSON and XLSX with their
SHA-256, who and when), so a report sent to the council can be reproduced byte for byte.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoop.models import OrganisatieModel


class Hoofdstuk(models.TextChoices):
    """The parts of the report that carry narrative text, in reading order (seed report 2024)."""

    VOORWOORD = "voorwoord", _("Voorwoord")
    LEESWIJZER = "leeswijzer", _("Leeswijzer")
    KENGETALLEN = "kengetallen", _("1. Kengetallen inkoop")
    MVOI = "mvoi", _("2. Maatschappelijk verantwoord opdrachtgeven en inkopen")
    ECONOMIE = "economie", _("3. Economische uitgangspunten")
    RECHTMATIGHEID = "rechtmatigheid", _("4. Rechtmatigheid, juridische uitgangspunten")
    ONTWIKKELINGEN = "ontwikkelingen", _("5. Ontwikkelingen")


class Verhaaltekst(OrganisatieModel):
    """The narrative of one chapter for one report year, written by afdeling Inkoop (Markdown).

    Stored as written; sanitised with nh3 when rendered (jaarverslag.teksten), so a change of the
    allowed tags never needs a data migration.
    """

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    hoofdstuk = models.CharField(_("hoofdstuk"), max_length=20, choices=Hoofdstuk.choices)
    tekst = models.TextField(_("tekst (Markdown)"), blank=True)
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="+")
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("verhaaltekst")
        verbose_name_plural = _("verhaalteksten")
        constraints = [models.UniqueConstraint(fields=["organisatie", "jaar", "hoofdstuk"],
                                               name="uniek_verhaaltekst")]

    def __str__(self):
        return f"{self.jaar} {self.get_hoofdstuk_display()}"


def _bestandspad(instance, filename):
    return f"jaarverslag/{instance.organisatie_id}/{instance.jaar}/{instance.pk or 'nieuw'}-{filename}"


class Rapportversie(OrganisatieModel):
    """One generation of the report (PDF + JSON + XLSX), made by a Celery task with progress.

    A version starts as a concept; a controller may publish it, which freezes it: the stored
    files and their SHA-256 never change again, and earlier published versions stay available.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        BEZIG = "bezig", _("Bezig")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTEND)
    voortgang = models.PositiveSmallIntegerField(default=0)  # percent, for the progress bar
    stap = models.CharField(_("stap"), max_length=200, blank=True)
    fout = models.TextField(blank=True)
    gestart_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="+")
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    seconden = models.FloatField(null=True, blank=True)

    pdf = models.FileField(upload_to=_bestandspad, blank=True)
    json = models.FileField(upload_to=_bestandspad, blank=True)
    xlsx = models.FileField(upload_to=_bestandspad, blank=True)
    sha256_pdf = models.CharField(max_length=64, blank=True)
    sha256_json = models.CharField(max_length=64, blank=True)
    sha256_xlsx = models.CharField(max_length=64, blank=True)
    paginas = models.PositiveSmallIntegerField(null=True, blank=True)

    # Set once, when a controller publishes: the version number within the year (1, 2, ...).
    nummer = models.PositiveSmallIntegerField(_("versienummer"), null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                          blank=True, related_name="+")
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("rapportversie")
        verbose_name_plural = _("rapportversies")
        ordering = ["-gestart_op", "-id"]
        constraints = [models.UniqueConstraint(fields=["organisatie", "jaar", "nummer"],
                                               name="uniek_versienummer")]

    def __str__(self):
        if self.nummer:
            return f"Inkoopjaarverslag {self.jaar} versie {self.nummer}"
        return f"Inkoopjaarverslag {self.jaar} (concept {self.pk})"

    @property
    def gepubliceerd(self) -> bool:
        return self.gepubliceerd_op is not None


class Instelling(OrganisatieModel):
    """Per-organisation settings of the department's KPIs (dashboard and report)."""

    STANDAARD_TIJDIG_WEKEN = 8

    # A melding counts as "in time" when filed at least this many weeks before the desired start:
    # enough for a meervoudig onderhandse procedure (invite, answer questions, 2-3 weeks to bid,
    # award and standstill). Configurable because departments agree their own lead time.
    tijdig_weken = models.PositiveSmallIntegerField(
        _("tijdig gemeld: weken vóór de gewenste startdatum"), default=STANDAARD_TIJDIG_WEKEN)

    class Meta:
        verbose_name = _("instelling jaarverslag")
        verbose_name_plural = _("instellingen jaarverslag")
        constraints = [models.UniqueConstraint(fields=["organisatie"], name="uniek_instelling_jaarverslag")]
