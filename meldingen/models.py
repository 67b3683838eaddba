"""The inkoopmelding: a budget holder's intended purchase from € 25.000, and its workflow.

The workflow itself (which transitions exist) lives in `meldingen/workflow.py`; the writes in
`meldingen/services.py`. The model only holds the facts.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
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


class Branche(models.TextChoices):
    """The branches the advice engine knows (interfaces.md §1); Bibob follows from some of them."""

    BOUW = "bouw", _("Bouw")
    MILIEU = "milieu", _("Milieu (afval, bodem)")
    ICT = "ict", _("ICT")
    VERVOER = "vervoer", _("Vervoer")
    BEVEILIGING = "beveiliging", _("Beveiliging en veiligheid")
    OPENBARE_ORDE = "openbare_orde", _("Openbare orde")
    ZORG = "zorg", _("Zorg en welzijn")
    OVERIG = "overig", _("Overig")


class SerieuzeGegadigden(models.TextChoices):
    """Didam (HR 26-11-2021): one serious candidate, or room for competition."""

    EEN = "een", _("Er is één serieuze gegadigde")
    MEERDERE = "meerdere", _("Er zijn (mogelijk) meerdere gegadigden")


class MvoiThema(models.TextChoices):
    """The six themes of the Manifest MVOI 2022-2025 (adviesregels.md §8)."""

    KLIMAAT = "klimaat", _("Klimaat")
    CIRCULAIR = "circulair", _("Circulair (inclusief biobased)")
    KETENVERANTWOORDELIJKHEID = "ketenverantwoordelijkheid", _(
        "Ketenverantwoordelijkheid (internationale sociale voorwaarden)")
    DIVERSITEIT_INCLUSIE = "diversiteit_inclusie", _("Diversiteit en inclusie")
    SOCIAL_RETURN = "social_return", _("Social return")
    MILIEU = "milieu", _("Milieu (inclusief biodiversiteit)")


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


# Submitted and not closed (meldingen/workflow.py has the workflow); the queue's partial index.
OPEN_INGEDIEND = [Status.INGEDIEND, Status.IN_BEHANDELING, Status.ADVIES_UITGEBRACHT, Status.TRAJECT_GESTART]


class Inkoopmelding(OrganisatieModel):
    nummer = models.CharField(_("meldingnummer"), max_length=20, blank=True)  # e.g. 2024-0042
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    toelichting = models.TextField(_("toelichting"), blank=True)
    # Blank while a concept: the budget holder may save before choosing; required to submit.
    soort = models.CharField(_("soort opdracht"), max_length=20, choices=SoortOpdracht.choices,
                             blank=True)
    inkooppakket = models.ForeignKey(Inkooppakket, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="meldingen", verbose_name=_("inkooppakket"))
    kostenplaats = models.ForeignKey(Kostenplaats, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="meldingen", verbose_name=_("kostenplaats"))
    afdeling = models.CharField(_("afdeling"), max_length=200, blank=True)
    budgethouder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="meldingen", verbose_name=_("budgethouder"))
    # Who typed it in: the budget holder, or an inkoper filing on their behalf.
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+")
    inkoper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="toegewezen_meldingen",
                                verbose_name=_("inkoper"))
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
    # The estimate of adviezen.engine.raming, stored at every save (Inkoopmelding.save) so that
    # lists, the queue and the yearly report read and filter it in SQL.
    geraamde_waarde = models.DecimalField(_("geraamde opdrachtwaarde"), max_digits=15,
                                          decimal_places=2, null=True, blank=True)
    gerekende_maanden = models.PositiveIntegerField(_("gerekende maanden"), null=True, blank=True)
    percelen = models.JSONField(_("percelen"), default=list, blank=True)  # list of decimal strings
    werk_categorie = models.CharField(_("categorie werk"), max_length=20,
                                      choices=WerkCategorie.choices, blank=True)
    branche = models.CharField(_("branche"), max_length=40, choices=Branche.choices, blank=True)
    regionale_markt_beschikbaar = models.BooleanField(_("lokale/regionale aanbieders beschikbaar"),
                                                      default=True)
    serieuze_gegadigden = models.CharField(_("serieuze gegadigden"), max_length=10,
                                           choices=SerieuzeGegadigden.choices, blank=True)
    # The contract this purchase replaces. contracten sits to the right of meldingen (ADR 0002),
    # so this is text plus its end date; contracten links a Contract to the melding from its side.
    bestaand_contract = models.CharField(_("bestaand contract dat afloopt"), max_length=300, blank=True)
    bestaand_contract_einddatum = models.DateField(_("einddatum bestaand contract"), null=True,
                                                   blank=True)
    mvoi_ambities = models.TextField(_("MVOI-ambities"), blank=True)
    mvoi_themas = models.JSONField(_("MVOI-thema's"), default=list, blank=True)
    spoed = models.BooleanField(_("spoed"), default=False)
    spoed_reden = models.TextField(_("reden voor spoed"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT,
                              db_index=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True, db_index=True)
    # Not auto_now_add: the demo and imports of older meldingen set the real date.
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    # Set by the services on every write (not auto_now, so that the demo can set history).
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    # Who saved last: the conflict message names them.
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                       blank=True, related_name="+")
    # Optimistic locking: a save with an older versie is a conflict, never a lost update
    # (services._bewaar_met_versie writes with UPDATE ... WHERE versie = <read versie>).
    versie = models.PositiveIntegerField(default=1)
    # Idempotency key of the form that created this melding: a double submit finds this row
    # instead of creating a second melding.
    sleutel = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("inkoopmelding")
        verbose_name_plural = _("inkoopmeldingen")
        ordering = ["-aangemaakt_op"]
        indexes = [
            models.Index(fields=["organisatie", "status"]),
            models.Index(fields=["organisatie", "status", "ingediend_op"], name="melding_wachtrij"),
            models.Index(fields=["organisatie", "inkoper", "status"], name="melding_inkoper"),
            models.Index(fields=["organisatie", "budgethouder", "aangemaakt_op"], name="melding_budgethouder"),
            models.Index(fields=["organisatie", "afdeling", "aangemaakt_op"], name="melding_afdeling"),
            models.Index(fields=["organisatie", "ingediend_op", "id"], name="melding_ingediend"),
            # The queue: the few open meldingen in order of filing. Partial, so that PostgreSQL
            # does not walk the whole filing-date index past thousands of closed meldingen.
            models.Index(fields=["organisatie", "ingediend_op", "id"], name="melding_open",
                         condition=models.Q(status__in=OPEN_INGEDIEND)),
        ]
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "sleutel"], name="melding_uniek_formulier"),
            models.UniqueConstraint(fields=["organisatie", "nummer"], condition=~models.Q(nummer=""),
                                    name="melding_uniek_nummer"),
        ]

    def __str__(self):
        return f"{self.nummer or 'concept'} {self.omschrijving}"

    def save(self, *args, **kwargs):
        # The estimated value is a derived column of the facts on this row: recompute it on every
        # save so that it can never drift from its inputs (bulk_create callers call
        # raming_bijwerken() themselves).
        self.raming_bijwerken()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = set(kwargs["update_fields"]) | {"geraamde_waarde", "gerekende_maanden"}
        super().save(*args, **kwargs)

    def raming(self):
        """The engine's estimate for the facts of this melding, or raises OngeldigeRaming."""
        from .waarde import melding_raming

        return melding_raming(self)

    def raming_bijwerken(self):
        from adviezen.engine.raming import OngeldigeRaming

        try:
            r = self.raming()
        except OngeldigeRaming:
            self.geraamde_waarde, self.gerekende_maanden = None, None
        else:
            self.geraamde_waarde, self.gerekende_maanden = r.waarde, r.gerekende_maanden

    @property
    def opties_verlenging_maanden(self) -> int:
        return (self.verlengingen_aantal or 0) * (self.verlenging_maanden or 0)

    @property
    def domein(self):
        return self.kostenplaats.domein if self.kostenplaats_id else None


class Statuswijziging(models.Model):
    """The timeline: every transition with who, when, from, to and a note."""

    melding = models.ForeignKey(Inkoopmelding, on_delete=models.CASCADE, related_name="statuswijzigingen")
    van = models.CharField(max_length=20, choices=Status.choices, blank=True)
    naar = models.CharField(max_length=20, choices=Status.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["op", "id"]
        indexes = [models.Index(fields=["melding", "naar"])]

    def __str__(self):
        return f"{self.melding_id}: {self.van or '-'} -> {self.naar}"


class Tijdlijnregel(models.Model):
    """An event in the melding's timeline that the melding's own rows do not hold.

    Transitions, assignments, questions of Inkoop and attachments are read from their own rows
    (meldingen.selectors.tijdlijn). The apps to the right record here what happens to the melding
    on their side - a question about the advice, its answer, the acceptance, a new version, the
    traject started - through meldingen.services.tijdlijn_vastleggen, so the timeline is complete
    without meldingen importing them (ADR 0002).
    """

    class Soort(models.TextChoices):
        ADVIES_UITGEBRACHT = "advies_uitgebracht", _("Nieuwe versie van het advies")
        ADVIES_VRAAG = "advies_vraag", _("Vraag over het advies")
        ADVIES_ANTWOORD = "advies_antwoord", _("Antwoord over het advies")
        ADVIES_GEACCEPTEERD = "advies_geaccepteerd", _("Advies geaccepteerd")
        TRAJECT_GESTART = "traject_gestart", _("Traject gestart")

    melding = models.ForeignKey(Inkoopmelding, on_delete=models.CASCADE, related_name="tijdlijnregels")
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices)
    op = models.DateTimeField(default=timezone.now)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    tekst = models.CharField(_("tekst"), max_length=300)
    toelichting = models.TextField(_("toelichting"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("tijdlijnregel")
        verbose_name_plural = _("tijdlijnregels")
        ordering = ["op", "id"]
        indexes = [models.Index(fields=["melding", "op"])]

    def __str__(self):
        return f"{self.melding_id}: {self.tekst}"


class Toewijzing(models.Model):
    """Who assigned the melding to which inkoper, and when (shown in the timeline)."""

    melding = models.ForeignKey(Inkoopmelding, on_delete=models.CASCADE, related_name="toewijzingen")
    inkoper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["op", "id"]

    def __str__(self):
        return f"{self.melding_id} -> {self.inkoper_id}"


class Vraag(models.Model):
    """A question of Inkoop to the budget holder; while unanswered the melding waits on them."""

    melding = models.ForeignKey(Inkoopmelding, on_delete=models.CASCADE, related_name="vragen")
    tekst = models.TextField(_("vraag"))
    gesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                     related_name="+")
    gesteld_op = models.DateTimeField(default=timezone.now)
    antwoord = models.TextField(_("antwoord"), blank=True)
    beantwoord_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                        blank=True, related_name="+")
    beantwoord_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["gesteld_op", "id"]
        indexes = [models.Index(fields=["melding", "beantwoord_op"])]

    def __str__(self):
        return self.tekst[:60]

    @property
    def open(self) -> bool:
        return self.beantwoord_op is None


def _bijlage_pad(bijlage, bestandsnaam):
    # A random name on disk: the original name is only metadata (no path tricks, no collisions).
    extensie = bestandsnaam.rsplit(".", 1)[-1].lower() if "." in bestandsnaam else "bin"
    return f"meldingen/{bijlage.organisatie_id}/{uuid.uuid4().hex}.{extensie}"


class Bijlage(OrganisatieModel):
    """An attachment to a melding; type checked by content (meldingen/bijlagen.py), size limited."""

    melding = models.ForeignKey(Inkoopmelding, on_delete=models.CASCADE, related_name="bijlagen")
    bestand = models.FileField(upload_to=_bijlage_pad, max_length=300)
    naam = models.CharField(_("bestandsnaam"), max_length=255)
    inhoudstype = models.CharField(max_length=120)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                      related_name="+")
    geupload_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["geupload_op", "id"]

    def __str__(self):
        return self.naam
