"""`Authorization: Token T`: the token's user, in the token's organisation, with that role.

The web pages get the organisation and role from OrganisatieMiddleware (the session's choice);
a token fixes both, so that a token of organisation A never acts in organisation B.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from inkoop.models import Lidmaatschap

from .models import ApiToken
from .services import sleutel_hash

# Writing the last-use time on every request would turn every read into a write.
GEBRUIK_BIJWERKEN_NA = timedelta(minutes=5)


class TokenAuthentication(authentication.TokenAuthentication):
    keyword = "Token"

    def authenticate_credentials(self, key):
        token = (ApiToken.objects.select_related("gebruiker", "organisatie")
                 .filter(sleutel_hash=sleutel_hash(key), ingetrokken_op__isnull=True).first())
        if token is None or not token.gebruiker.is_active:
            raise exceptions.AuthenticationFailed(_("Deze API-sleutel is onbekend of ingetrokken."))
        lid = Lidmaatschap.objects.filter(gebruiker=token.gebruiker, organisatie=token.organisatie).first()
        if lid is None:
            raise exceptions.AuthenticationFailed(_("De gebruiker van deze API-sleutel heeft geen rol meer "
                                                    "in de organisatie van de sleutel."))
        gebruiker = token.gebruiker
        lid.organisatie = token.organisatie
        gebruiker.lidmaatschap, gebruiker.organisatie = lid, token.organisatie
        nu = timezone.now()
        if token.laatst_gebruikt_op is None or nu - token.laatst_gebruikt_op > GEBRUIK_BIJWERKEN_NA:
            ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=nu)
        return gebruiker, token


class TokenSchema(OpenApiAuthenticationExtension):
    target_class = "api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "header", "name": "Authorization",
                "description": "`Token <sleutel>`; maak een sleutel op de pagina API-sleutels of met "
                               "`python manage.py api_token GEBRUIKERSNAAM`."}
