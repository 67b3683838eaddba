"""Cross-cutting models: the organisation, the user and the user's role per organisation."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Rol(models.TextChoices):
    BUDGETHOUDER = "budgethouder", _("Budgethouder")
    INKOPER = "inkoper", _("Inkoper")
    CONTROLLER = "controller", _("Controller")
    BEHEERDER = "beheerder", _("Beheerder")


class Organisatie(models.Model):
    """A municipality, a verbonden partij or a shared service: every domain record belongs to one."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    # Letterhead of the advice letter and the yearly report.
    adres = models.TextField(_("adres"), blank=True)
    # The organisation's logo on the report's cover and the letter: a PNG re-encoded from the
    # beheerder's upload (inkoop.forms.LogoField), kept in the database so every web and worker
    # process renders the same PDF without a shared media volume.
    logo = models.BinaryField(_("logo"), blank=True, default=b"")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Raised (in the same transaction) by every service that changes the ledger figures: part of the
    # key of the cached dashboard figures (inkoop.cijfercache), so a change is never served stale.
    cijfersversie = models.PositiveBigIntegerField(default=0, db_default=0, editable=False)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    @property
    def logo_data_uri(self) -> str:
        """The logo as a data: URI, for the PDF renderer (which fetches nothing) and the page."""
        import base64

        return f"data:image/png;base64,{base64.b64encode(bytes(self.logo)).decode()}" if self.logo else ""


class Gebruiker(AbstractUser):
    """Custom user from day one; `oid` matches Microsoft Entra ID accounts (OIDC)."""

    oid = models.CharField(_("Entra object-id"), max_length=64, blank=True, db_index=True)

    # Set per request by OrganisatieMiddleware (not stored): the active organisation and role.
    organisatie: Organisatie | None = None
    lidmaatschap: "Lidmaatschap | None" = None

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    @property
    def rol(self) -> str | None:
        return self.lidmaatschap.rol if self.lidmaatschap else None

    @property
    def afdeling(self) -> str:
        return self.lidmaatschap.afdeling if self.lidmaatschap else ""

    def __str__(self):
        return self.get_full_name() or self.username


class Lidmaatschap(models.Model):
    """A user's role in one organisation; a user may belong to several organisations."""

    gebruiker = models.ForeignKey(Gebruiker, on_delete=models.CASCADE, related_name="lidmaatschappen")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="lidmaatschappen")
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    # The budget holder's department: a budgethouder sees the meldingen of their afdeling.
    afdeling = models.CharField(_("afdeling"), max_length=200, blank=True)

    # Who gave, changed or withdrew which role when (the beheerder's "historie" page).
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["gebruiker", "organisatie"], name="een_rol_per_organisatie")
        ]

    def __str__(self):
        return f"{self.gebruiker} – {self.organisatie} ({self.get_rol_display()})"


class OrganisatieQuerySet(models.QuerySet):
    def van(self, organisatie):
        return self.filter(organisatie=organisatie)


class OrganisatieModel(models.Model):
    """Base for every domain record: it belongs to exactly one organisation."""

    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")

    objects = OrganisatieQuerySet.as_manager()

    class Meta:
        abstract = True


class Notificatie(OrganisatieModel):
    """An in-app notification; the same message also goes out by e-mail (inkoop.tasks)."""

    ontvanger = models.ForeignKey(Gebruiker, on_delete=models.CASCADE, related_name="notificaties")
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    tekst = models.TextField(_("tekst"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gelezen_op = models.DateTimeField(null=True, blank=True)
    gemaild_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return self.onderwerp
