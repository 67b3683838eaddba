"""Making and revoking API tokens (services write)."""

import hashlib
import secrets

from django.utils import timezone

from inkoop.models import Lidmaatschap

from .models import ApiToken

VOORVOEGSEL = "ink_"


class GeenLid(ValueError):
    """The user has no role in that organisation, so a token there could do nothing."""


def sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def token_maken(*, gebruiker, organisatie, naam: str) -> tuple[ApiToken, str]:
    """A new token for `gebruiker` in `organisatie`; returns the row and the token itself, which
    is shown once and never stored."""
    if not Lidmaatschap.objects.filter(gebruiker=gebruiker, organisatie=organisatie).exists():
        raise GeenLid(f"{gebruiker.username} heeft geen rol in {organisatie}.")
    sleutel = VOORVOEGSEL + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(gebruiker=gebruiker, organisatie=organisatie, naam=naam.strip()[:100],
                                    sleutel_hash=sleutel_hash(sleutel), begin=sleutel[:10])
    return token, sleutel


def token_intrekken(*, token: ApiToken) -> bool:
    """Revoke a token (kept for the record); False when it was revoked already."""
    return bool(ApiToken.objects.filter(pk=token.pk, ingetrokken_op__isnull=True)
                .update(ingetrokken_op=timezone.now()))
