from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeleidConfig(AppConfig):
    """The dated procurement policy and the domain vocabulary: below every app that reads them."""

    name = "beleid"
    verbose_name = _("Beleid")
