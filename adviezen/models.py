"""The advice per melding (Advies, versions); the policy it is computed with lives in beleid."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beleid.begrippen import EUROPESE_PROCEDURES, Grond, Procedure
from beleid.models import Beleid
from inkoop.models import OrganisatieModel

GELD = {"max_digits": 15, "decimal_places": 2}


class OnveranderlijkAdvies(Exception):
    """An issued advice is immutable; a change is a new version (adviezen.services)."""


class Advies(OrganisatieModel):
    """One version of the procurement advice on a melding.

    `berekend` holds the engine's answer (interfaces.md §1 JSON, with the motivering) and
    `invoer` the facts it was computed from; the other fields are the inkoper's advice, which
    may deviate from the computed procedure only with `afwijking_motivering`. Once issued
    (`uitgebracht`) a version never changes; a new version replaces it.
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        UITGEBRACHT = "uitgebracht", _("Uitgebracht")
        VERVANGEN = "vervangen", _("Vervangen door een nieuwere versie")

    # Fields that may still change on an issued version: its replacement and the budget holder's reaction.
    MUTEERBAAR_NA_UITBRENGEN = frozenset({"status", "geaccepteerd_op", "geaccepteerd_door", "gewijzigd_op"})

    melding = models.ForeignKey("meldingen.Inkoopmelding", on_delete=models.CASCADE, related_name="adviezen")
    versie = models.PositiveSmallIntegerField(_("versie"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT,
                              db_index=True)
    beleid = models.ForeignKey(Beleid, on_delete=models.PROTECT, null=True, blank=True, related_name="adviezen")
    peildatum = models.DateField(_("peildatum drempels"))
    invoer = models.JSONField(_("feiten"), default=dict)
    berekend = models.JSONField(_("berekend advies"), default=dict, blank=True)
    fout = models.TextField(_("reden dat er geen advies berekend kon worden"), blank=True)

    procedure = models.CharField(_("procedure"), max_length=50, choices=Procedure.choices, blank=True)
    geraamde_waarde = models.DecimalField(_("geraamde opdrachtwaarde"), null=True, blank=True, **GELD)
    eu_drempel = models.DecimalField(_("EU-drempel"), null=True, blank=True, **GELD)
    uit_te_nodigen_min = models.PositiveSmallIntegerField(_("minimaal uit te nodigen"), null=True, blank=True)
    uit_te_nodigen_max = models.PositiveSmallIntegerField(_("maximaal uit te nodigen"), null=True, blank=True)
    min_regionaal = models.PositiveSmallIntegerField(_("minimaal lokaal/regionaal"), default=0)
    uit_te_nodigen = models.TextField(_("uit te nodigen ondernemers"), blank=True)
    sroi_verplicht = models.BooleanField(_("SROI verplicht"), default=False)
    sroi_percentage = models.DecimalField(_("SROI-percentage"), max_digits=5, decimal_places=2, null=True,
                                          blank=True)
    bibob = models.BooleanField(_("Bibob-toets"), default=False)
    opmerkingen = models.TextField(_("opmerkingen van de inkoper"), blank=True)
    afwijking_motivering = models.TextField(_("motivering van de afwijking"), blank=True)
    # The legal ground for a procedure that needs one (beleid.begrippen.GRONDEN) and the CPV code
    # that puts a service under the light regime (Annex XIV, Aw 2012 art. 2.38).
    grond = models.CharField(_("grond voor de procedure"), max_length=40, choices=Grond.choices, blank=True)
    cpv_code = models.CharField(_("CPV-code"), max_length=12, blank=True)

    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    bewerkt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    uitgebracht_op = models.DateTimeField(_("uitgebracht op"), null=True, blank=True)
    uitgebracht_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                         blank=True, related_name="+")
    geaccepteerd_op = models.DateTimeField(_("geaccepteerd op"), null=True, blank=True)
    geaccepteerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                          blank=True, related_name="+")

    class Meta:
        verbose_name = _("advies")
        verbose_name_plural = _("adviezen")
        ordering = ["-versie"]
        constraints = [models.UniqueConstraint(fields=["melding", "versie"], name="uniek_adviesversie")]
        indexes = [models.Index(fields=["organisatie", "status"])]

    def __str__(self):
        return f"Advies v{self.versie} bij {self.melding_id}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("adviezen:advies", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        # Safety net under the services: an issued version is immutable (the advice the budget
        # holder received must stay what it was). One query against the stored row, whatever
        # this instance remembers.
        if self.pk and not self._state.adding:
            namen = [f.attname for f in self._meta.concrete_fields]
            opgeslagen = Advies.objects.filter(pk=self.pk).values(*namen).first()
            if opgeslagen and opgeslagen["status"] in (self.Status.UITGEBRACHT, self.Status.VERVANGEN):
                gewijzigd = {n for n in namen if opgeslagen[n] != getattr(self, n)}
                verboden = gewijzigd - self.MUTEERBAAR_NA_UITBRENGEN
                if verboden:
                    raise OnveranderlijkAdvies(
                        f"Een uitgebracht advies is onveranderlijk; maak een nieuwe versie (gewijzigd: {sorted(verboden)}).")
        super().save(*args, **kwargs)

    @property
    def berekende_procedure(self) -> str:
        return (self.berekend or {}).get("procedure") or ""

    @property
    def wijkt_af(self) -> bool:
        return bool(self.procedure and self.berekende_procedure and self.procedure != self.berekende_procedure)

    @property
    def europees(self) -> bool:
        return self.procedure in EUROPESE_PROCEDURES

    @property
    def is_concept(self) -> bool:
        return self.status == self.Status.CONCEPT

    @property
    def motivering(self) -> list:
        return (self.berekend or {}).get("motivering") or []

    @property
    def waarschuwingen(self) -> list:
        return (self.berekend or {}).get("waarschuwingen") or []

    @property
    def uit_te_nodigen_lijst(self) -> list[str]:
        return [r.strip() for r in self.uit_te_nodigen.splitlines() if r.strip()]


class AdviesVraag(OrganisatieModel):
    """A question of the budget holder about an issued advice, and the inkoper's answer."""

    advies = models.ForeignKey(Advies, on_delete=models.CASCADE, related_name="vragen")
    tekst = models.TextField(_("vraag"))
    gesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     related_name="+")
    gesteld_op = models.DateTimeField(auto_now_add=True)
    antwoord = models.TextField(_("antwoord"), blank=True)
    beantwoord_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+")
    beantwoord_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vraag over een advies")
        verbose_name_plural = _("vragen over adviezen")
        ordering = ["gesteld_op", "id"]

    def __str__(self):
        return self.tekst[:60]
