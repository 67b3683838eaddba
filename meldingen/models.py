"""The inkoopmelding: a budget holder's intended purchase from € 25.000, and its workflow."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoop.models import OrganisatieModel
from uitgaven.models import Inkooppakket, Kostenplaats


class SoortOpdracht(models.TextChoices):
    LEVERING = "levering", _("Levering")
    DIENST = "dienst", _("Dienst")
    WERK = "werk", _("Werk")
    SOCIALE_DIENST = "sociale_dienst", _("Sociale of andere specifieke dienst")
    VERKOOP_GROND = "verkoop_grond", _("Verkoop van grond of vastgoed")


class Prijsvorm(models.TextChoices):
    TOTAAL = "totaal", _("Een totaalprijs")
    PERIODIEK = "periodiek", _("Een prijs per jaar")


class WerkCategorie(models.TextChoices):
    BOUW = "bouw", _("Bouw (gebouwen)")
    GWW = "gww", _("Grond-, weg- en waterbouw")
    CULTUURTECHNISCH = "cultuurtechnisch", _("Cultuurtechnisch (groen, landschap)")


class Status(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    INGEDIEND = "ingediend", _("Ingediend")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    ADVIES_UITGEBRACHT = "advies_uitgebracht", _("Advies uitgebracht")
    TRAJECT_GESTART = "traject_gestart", _("Traject gestart")
    GEGUND = "gegund", _("Gegund")
    AFGEROND = "afgerond", _("Afgerond")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    VERVALLEN = "vervallen", _("Vervallen")


class Inkoopmelding(OrganisatieModel):
    nummer = models.CharField(_("meldingnummer"), max_length=20, blank=True)  # e.g. 2024-0042
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    toelichting = models.TextField(_("toelichting"), blank=True)
    soort = models.CharField(_("soort opdracht"), max_length=20, choices=SoortOpdracht.choices)
    inkooppakket = models.ForeignKey(Inkooppakket, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="meldingen")
    kostenplaats = models.ForeignKey(Kostenplaats, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="meldingen")
    afdeling = models.CharField(_("afdeling"), max_length=200, blank=True)
    budgethouder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="meldingen")
    inkoper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="toegewezen_meldingen")
    gewenste_startdatum = models.DateField(_("gewenste startdatum"), null=True, blank=True)
    looptijd_maanden = models.PositiveIntegerField(_("looptijd in maanden"), null=True, blank=True)
    verlengingen_aantal = models.PositiveSmallIntegerField(_("aantal verlengingen"), default=0)
    verlenging_maanden = models.PositiveIntegerField(_("maanden per verlenging"), default=0)
    onbepaalde_looptijd = models.BooleanField(_("onbepaalde looptijd"), default=False)
    prijsvorm = models.CharField(_("prijsvorm"), max_length=10, choices=Prijsvorm.choices,
                                 default=Prijsvorm.TOTAAL)
    waarde_totaal = models.DecimalField(_("totale waarde excl. btw"), max_digits=15, decimal_places=2,
                                        null=True, blank=True)
    waarde_opties = models.DecimalField(_("waarde opties excl. btw"), max_digits=15, decimal_places=2,
                                        null=True, blank=True)
    waarde_per_jaar = models.DecimalField(_("waarde per jaar excl. btw"), max_digits=15,
                                          decimal_places=2, null=True, blank=True)
    # The estimate of adviezen.engine.raming, stored at every save so lists and reports read it.
    geraamde_waarde = models.DecimalField(_("geraamde opdrachtwaarde"), max_digits=15,
                                          decimal_places=2, null=True, blank=True)
    percelen = models.JSONField(_("percelen"), default=list, blank=True)  # list of decimal strings
    werk_categorie = models.CharField(_("categorie werk"), max_length=20,
                                      choices=WerkCategorie.choices, blank=True)
    branche = models.CharField(_("branche"), max_length=40, blank=True)
    regionale_markt_beschikbaar = models.BooleanField(_("lokale/regionale aanbieders beschikbaar"),
                                                      default=True)
    serieuze_gegadigden = models.CharField(_("serieuze gegadigden"), max_length=10, blank=True)
    bestaand_contract = models.CharField(_("bestaand contract dat afloopt"), max_length=300, blank=True)
    mvoi_ambities = models.TextField(_("MVOI-ambities"), blank=True)
    mvoi_themas = models.JSONField(_("MVOI-thema's"), default=list, blank=True)
    spoed = models.BooleanField(_("spoed"), default=False)
    spoed_reden = models.TextField(_("reden voor spoed"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT,
                              db_index=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True, db_index=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save with an older versie is a conflict, never a lost update.
    versie = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("inkoopmelding")
        verbose_name_plural = _("inkoopmeldingen")
        ordering = ["-aangemaakt_op"]
        indexes = [models.Index(fields=["organisatie", "status"])]

    def __str__(self):
        return f"{self.nummer or 'concept'} {self.omschrijving}"


class Statuswijziging(models.Model):
    """The timeline: every transition with who, when, from, to and a note."""

    melding = models.ForeignKey(Inkoopmelding, on_delete=models.CASCADE, related_name="statuswijzigingen")
    van = models.CharField(max_length=20, choices=Status.choices, blank=True)
    naar = models.CharField(max_length=20, choices=Status.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    toelichting = models.TextField(blank=True)

    class Meta:
        ordering = ["op", "id"]

    def __str__(self):
        return f"{self.melding_id}: {self.van or '-'} -> {self.naar}"
