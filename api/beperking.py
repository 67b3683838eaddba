"""Throttling per token (or per user for the browser's session): one system cannot starve the
others. The rate comes from the setting API_THROTTLE_RATE (env API_LIMIET), read per request so
that it can be changed without a code change."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class PerSleutel(SimpleRateThrottle):
    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"sleutel-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"gebruiker-{request.user.pk}"
        else:
            ident = f"adres-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
