"""Entra ID login: users matched on `oid`, roles from app roles `<organisatie-slug>:<rol>`."""

import pytest

from inkoop.models import Lidmaatschap
from inkoop.oidc import EntraBackend


@pytest.fixture
def backend(settings):
    settings.OIDC_RP_CLIENT_ID = "client"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://login.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://login.example/userinfo"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://login.example/keys"
    return EntraBackend()


@pytest.mark.django_db
def test_a_new_entra_user_gets_the_roles_of_its_app_roles(backend, organisatie):
    claims = {"oid": "abc-123", "preferred_username": "j.jansen@testdorp.nl", "email": "j.jansen@testdorp.nl",
              "roles": [f"{organisatie.slug}:inkoper", "onbekend:controller", f"{organisatie.slug}:geen-rol"]}
    gebruiker = backend.create_user(claims)
    assert gebruiker.oid == "abc-123"
    assert not gebruiker.has_usable_password()
    assert list(Lidmaatschap.objects.filter(gebruiker=gebruiker).values_list("organisatie__slug", "rol")) == [
        (organisatie.slug, "inkoper")]


@pytest.mark.django_db
def test_users_are_matched_on_oid_and_lose_roles_that_entra_no_longer_gives(backend, organisatie,
                                                                            andere_organisatie):
    gebruiker = backend.create_user({"oid": "abc-123", "preferred_username": "jj",
                                     "roles": [f"{organisatie.slug}:inkoper", f"{andere_organisatie.slug}:controller"]})
    assert list(backend.filter_users_by_claims({"oid": "abc-123"})) == [gebruiker]
    assert not backend.filter_users_by_claims({"email": "jj@x"}).exists()
    backend.update_user(gebruiker, {"oid": "abc-123", "roles": [f"{andere_organisatie.slug}:controller"]})
    assert list(Lidmaatschap.objects.filter(gebruiker=gebruiker).values_list("organisatie__slug", "rol")) == [
        (andere_organisatie.slug, "controller")]
