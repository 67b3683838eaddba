"""The configurable procurement policy: dated versions (ADR 0003), below every app that reads it.

Moved from adviezen (ADR 0005) so that meldingen, rechtmatigheid and jaarverslag read the policy
in force without importing the advice app; the tables kept their names.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoop.models import Organisatie

from .begrippen import PROCEDURES_NATIONAAL, SOORTEN_BANDEN, Procedure, WerkCategorie, keuzes

GELD = {"max_digits": 15, "decimal_places": 2}


def zelf_uit_te_voeren() -> list[str]:
    """By default the budget holder asks a single quote themselves (enkelvoudig onderhands)."""
    return [Procedure.ENKELVOUDIG.value]


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
    # Who starts the traject once the advice is accepted: the budget holder runs these procedures
    # themselves (product.md: the budget holder "registers the contract that follows when Inkoop
    # did not guide it"); Inkoop guides every other procedure and its inkoper starts it.
    traject_door_budgethouder = models.JSONField(_("procedures die de budgethouder zelf uitvoert"),
                                                 default=zelf_uit_te_voeren, blank=True)
    # The council's verantwoordingsgrens for the rechtmatigheidsverantwoording (BBV art. 28,
    # Kadernota rechtmatigheid 2022: at most 3 % of the total lasten); empty until it is set.
    verantwoordingsgrens = models.DecimalField(_("verantwoordingsgrens rechtmatigheid"), null=True, blank=True,
                                               **GELD)

    class Meta:
        db_table = "adviezen_beleid"  # moved from adviezen without moving data (ADR 0005)
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
        db_table = "adviezen_eudrempelperiode"
        verbose_name = _("EU-drempelperiode")
        verbose_name_plural = _("EU-drempelperioden")
        ordering = ["geldig_vanaf"]

    def __str__(self):
        return f"EU-drempels vanaf {self.geldig_vanaf}"


class Procedureband(models.Model):
    """One row of the national bands: from `vanaf` up to the next row (or the EU threshold)."""

    beleid = models.ForeignKey(Beleid, on_delete=models.CASCADE, related_name="banden")
    soort = models.CharField(_("soort"), max_length=20, choices=keuzes(*SOORTEN_BANDEN))
    werk_categorie = models.CharField(_("categorie werk (leeg = alle)"), max_length=20,
                                      choices=WerkCategorie.choices, blank=True)
    vanaf = models.DecimalField(_("vanaf"), **GELD)
    procedure = models.CharField(_("procedure"), max_length=40, choices=keuzes(*PROCEDURES_NATIONAAL))
    altijd_regionaal = models.BooleanField(_("altijd regionale ondernemers uitnodigen"), default=False)
    regel = models.CharField(_("regel"), max_length=10, blank=True)
    bron = models.CharField(_("bron"), max_length=300, blank=True)

    class Meta:
        db_table = "adviezen_procedureband"
        verbose_name = _("procedureband")
        verbose_name_plural = _("procedurebanden")
        ordering = ["soort", "werk_categorie", "vanaf"]

    def __str__(self):
        return f"{self.soort} {self.werk_categorie} vanaf {self.vanaf}: {self.procedure}"
