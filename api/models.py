"""API tokens: a token acts as its user in one organisation (interfaces.md §9).

Only the SHA-256 of a token is stored. A token is 32 random bytes, so a fast hash is enough: there
is nothing to guess that a slow password hash would protect (unlike a password a person chose).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inkoop.models import Organisatie


class ApiToken(models.Model):
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    naam = models.CharField(_("naam"), max_length=100, help_text=_("Waarvoor is deze sleutel, bijvoorbeeld ‘Financieel systeem’."))
    sleutel_hash = models.CharField(max_length=64, unique=True)
    # The first characters of the token, so that a person can recognise it in the list.
    begin = models.CharField(_("begint met"), max_length=12)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [models.Index(fields=["gebruiker", "organisatie"])]

    def __str__(self):
        return f"{self.naam} ({self.begin}…)"

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None
