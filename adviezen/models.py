"""The configurable policy (Beleid, dated versions) and the advice per melding (Advies, versions)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoop.models import Organisatie, OrganisatieModel

GELD = {"max_digits": 15, "decimal_places": 2}


class Procedure(models.TextChoices):
    ENKELVOUDIG = "enkelvoudig_onderhands", _("Enkelvoudig onderhands")
    MEERVOUDIG = "meervoudig_onderhands", _("Meervoudig onderhands")
    NATIONAAL = "nationaal_openbaar", _("Nationaal openbaar")
    EUROPEES = "europees_openbaar", _("Europees openbaar")
    EUROPEES_SOCIAAL = "europees_sociaal_verlicht", _("Europees, verlicht regime sociale diensten")
    DIDAM_SELECTIE = "didam_openbare_selectie", _("Openbare selectieprocedure (Didam)")
    DIDAM_EEN = "didam_enige_serieuze_gegadigde", _("Verkoop aan enige serieuze gegadigde (Didam)")


class Beleid(models.Model):
    """One dated version of the procurement policy (adviesregels.md, every [BELEID] value).

    `organisatie` NULL is the global default, seeded by the data migration; an organisation
    uses the default until it has a version of its own. Versions are never edited: a change
    is a new version with its own `geldig_vanaf`, so an advice keeps pointing at the policy it
    was computed with. This model does not inherit OrganisatieModel because the default
    belongs to no organisation.
    """

    class Selectie(models.TextChoices):
        GROOTSTE_EERST = "grootste_eerst", _("Grootste passende percelen eerst")
        KLEINSTE_EERST = "kleinste_eerst", _("Kleinste percelen eerst")

    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, null=True, blank=True,
                                    related_name="+")
    naam = models.CharField(_("naam"), max_length=200)
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    toelichting = models.TextField(_("toelichting op de wijziging"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+")

    melding_vanaf = models.DecimalField(_("inkoopmelding vanaf"), **GELD)
    uitnodigen_enkelvoudig = models.PositiveSmallIntegerField(_("enkelvoudig: aantal offertes"), default=1)
    uitnodigen_meervoudig_min = models.PositiveSmallIntegerField(_("meervoudig: minimaal uitnodigen"), default=3)
    uitnodigen_meervoudig_max = models.PositiveSmallIntegerField(_("meervoudig: maximaal uitnodigen"), default=5)
    min_regionaal_meervoudig = models.PositiveSmallIntegerField(_("meervoudig: minimaal lokaal/regionaal"),
                                                                default=2)
    sroi_vanaf = models.DecimalField(_("SROI vanaf"), **GELD)
    sroi_percentage = models.DecimalField(_("SROI-percentage"), max_digits=5, decimal_places=2)
    sroi_percentage_verlaagd = models.DecimalField(_("verlaagd SROI-percentage"), max_digits=5,
                                                   decimal_places=2, null=True, blank=True)
    sroi_verlaagd_arbeidsaandeel_onder = models.DecimalField(
        _("verlaagd percentage bij arbeidsaandeel onder (%)"), max_digits=5, decimal_places=2, null=True,
        blank=True)
    sroi_soorten = models.JSONField(_("soorten opdracht met SROI"), default=list)
    sroi_maatwerk_soorten = models.JSONField(_("soorten met SROI per opdracht bepaald"), default=list,
                                             blank=True)
    bibob_branches = models.JSONField(_("Bibob-branches"), default=list)
    bibob_vanaf = models.DecimalField(_("Bibob vanaf"), default=0, **GELD)
    bibob_risicocategorieen = models.JSONField(_("Bibob-risicocategorieën"), default=list, blank=True)
    percelen_max_leveringen_diensten = models.DecimalField(_("percelenregeling: max. perceel leveringen/diensten"),
                                                           **GELD)
    percelen_max_werken = models.DecimalField(_("percelenregeling: max. perceel werken"), **GELD)
    percelen_max_aandeel = models.DecimalField(_("percelenregeling: max. aandeel (fractie)"), max_digits=5,
                                               decimal_places=4)
    percelen_selectie = models.CharField(_("percelenregeling: volgorde"), max_length=20,
                                         choices=Selectie.choices, default=Selectie.GROOTSTE_EERST)
    mvoi_themas = models.JSONField(_("MVOI-thema's"), default=list, blank=True)
    tenderboard_vanaf = models.DecimalField(_("tenderboard vanaf (leeg = EU-drempel)"), null=True, blank=True,
                                            **GELD)
    gouden_aanbesteding_vanaf = models.DecimalField(_("Gouden Aanbesteding vanaf"), null=True, blank=True, **GELD)
    drempel_marge_pct = models.DecimalField(_("waarschuwing binnen % onder de EU-drempel"), max_digits=5,
                                            decimal_places=2, default=10)
    splitsing_venster_maanden = models.PositiveSmallIntegerField(_("splitsingsvenster (maanden)"), default=12)
    # Not used by the engine; read by other apps from the same dated policy (rechtmatigheid signals,
    # the meldingen queue): the service level for an advice and the spend limit for a pakket.
    advies_termijn_werkdagen = models.PositiveSmallIntegerField(_("advies binnen (werkdagen)"), default=10)
    beoordelen_vanaf = models.DecimalField(_("crediteur zonder inkooppakket signaleren vanaf"), default=15000, **GELD)

    class Meta:
        verbose_name = _("beleid")
        verbose_name_plural = _("beleidsversies")
        ordering = ["-geldig_vanaf", "-aangemaakt_op", "-id"]

    def __str__(self):
        wie = self.organisatie or _("standaard")
        return f"{self.naam} ({wie}, vanaf {self.geldig_vanaf:%d-%m-%Y})"


class EuDrempelperiode(models.Model):
    """EU thresholds of one period within a policy version (L-00..L-03); both dates inclusive."""

    beleid = models.ForeignKey(Beleid, on_delete=models.CASCADE, related_name="eu_drempels")
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    leveringen_diensten = models.DecimalField(_("leveringen en diensten (decentraal)"), **GELD)
    werken = models.DecimalField(_("werken"), **GELD)
    sociale_diensten = models.DecimalField(_("sociale en andere specifieke diensten"), **GELD)
    centraal = models.DecimalField(_("centrale overheid (ter informatie)"), null=True, blank=True, **GELD)
    nuts_leveringen_diensten = models.DecimalField(_("nutssectoren leveringen/diensten"), null=True,
                                                   blank=True, **GELD)
    nuts_sociale_diensten = models.DecimalField(_("nutssectoren sociale diensten"), null=True, blank=True,
                                                **GELD)
    regel = models.CharField(_("regel"), max_length=10, default="L-01")
    bron = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("EU-drempelperiode")
        verbose_name_plural = _("EU-drempelperioden")
        ordering = ["geldig_vanaf"]

    def __str__(self):
        return f"EU-drempels vanaf {self.geldig_vanaf}"


class Procedureband(models.Model):
    """One row of the national bands: from `vanaf` up to the next row (or the EU threshold)."""

    class Soort(models.TextChoices):
        LEVERING = "levering", _("Levering")
        DIENST = "dienst", _("Dienst")
        WERK = "werk", _("Werk")
        SOCIALE_DIENST = "sociale_dienst", _("Sociale dienst")

    class WerkCategorie(models.TextChoices):
        BOUW = "bouw", _("Bouw")
        GWW = "gww", _("Grond-, weg- en waterbouw")
        CULTUURTECHNISCH = "cultuurtechnisch", _("Cultuurtechnisch")

    beleid = models.ForeignKey(Beleid, on_delete=models.CASCADE, related_name="banden")
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    werk_categorie = models.CharField(_("categorie werk (leeg = alle)"), max_length=20,
                                      choices=WerkCategorie.choices, blank=True)
    vanaf = models.DecimalField(_("vanaf"), **GELD)
    procedure = models.CharField(_("procedure"), max_length=40, choices=Procedure.choices[:3])
    altijd_regionaal = models.BooleanField(_("altijd regionale ondernemers uitnodigen"), default=False)
    regel = models.CharField(_("regel"), max_length=10, blank=True)
    bron = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("procedureband")
        verbose_name_plural = _("procedurebanden")
        ordering = ["soort", "werk_categorie", "vanaf"]

    def __str__(self):
        return f"{self.soort} {self.werk_categorie} vanaf {self.vanaf}: {self.procedure}"


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

    procedure = models.CharField(_("procedure"), max_length=40, choices=Procedure.choices, blank=True)
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
        return self.procedure.startswith("europees")

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
