"""Every URL × every role × own/other organisation (see tests/permissies/__init__.py)."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.permissies as pakket
from tests.permissies import ALLE_ROLLEN, PUBLIEK

# The Django admin (/beheer/) is for superusers only (inkoop.beheer_admin, tested in
# tests/inkoop/test_gebruikersbeheer.py) and is not part of the matrix.
UITGESLOTEN_NAMESPACES = {"admin", "djdt"}


def _url_namen(patronen=None, prefix=""):
    for p in patronen if patronen is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace in UITGESLOTEN_NAMESPACES:
                continue
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            yield from _url_namen(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield prefix + p.name


def _verwachtingen():
    alle = {}
    for mod in pkgutil.iter_modules(pakket.__path__):
        alle.update(importlib.import_module(f"tests.permissies.{mod.name}").VERWACHTINGEN)
    return alle


VERWACHTINGEN = _verwachtingen()
GEVALLEN = [(naam, rol) for naam, v in sorted(VERWACHTINGEN.items()) if v is not PUBLIEK
            for rol in sorted(ALLE_ROLLEN)]


def test_every_url_pattern_has_an_expectation():
    zonder = sorted(set(_url_namen()) - set(VERWACHTINGEN))
    assert not zonder, f"URL's zonder verwachting in tests/permissies/: {zonder}"


def test_no_expectation_for_an_url_that_does_not_exist():
    assert not sorted(set(VERWACHTINGEN) - set(_url_namen()))


def _vraag(client, verwachting, url):
    if verwachting.methode == "post":
        return client.post(url, verwachting.data)
    return client.get(url)


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "rol"), GEVALLEN)
def test_each_role_reaches_only_its_pages(naam, rol, organisatie, andere_organisatie, maak_gebruiker, client):
    verwachting = VERWACHTINGEN[naam]
    gebruiker = maak_gebruiker(organisatie, rol)
    kwargs = verwachting.kwargs(organisatie, gebruiker) if verwachting.kwargs else {}
    client.force_login(gebruiker)
    antwoord = _vraag(client, verwachting, reverse(naam, kwargs=kwargs))
    if rol in verwachting.rollen:
        assert antwoord.status_code in verwachting.toegestaan, (naam, rol, antwoord.status_code)
    else:
        assert antwoord.status_code == 403, (naam, rol, antwoord.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("naam", sorted(n for n, v in VERWACHTINGEN.items() if v is not PUBLIEK and v.kwargs))
def test_nobody_reads_a_record_of_another_organisation(naam, organisatie, andere_organisatie, maak_gebruiker, client):
    verwachting = VERWACHTINGEN[naam]
    for rol in sorted(verwachting.rollen):
        vreemde = maak_gebruiker(andere_organisatie, rol, naam=f"vreemd-{rol}")
        kwargs = verwachting.kwargs(andere_organisatie, vreemde)
        gebruiker = maak_gebruiker(organisatie, rol)
        client.force_login(gebruiker)
        antwoord = _vraag(client, verwachting, reverse(naam, kwargs=kwargs))
        assert antwoord.status_code in (403, 404), (naam, rol, antwoord.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("naam", sorted(n for n, v in VERWACHTINGEN.items() if v is not PUBLIEK and not v.kwargs))
def test_anonymous_visitors_are_sent_to_the_login_page(naam, client):
    url = reverse(naam)
    antwoord = _vraag(client, VERWACHTINGEN[naam], url)
    if url.startswith("/api/v1/"):
        # The API answers in JSON: 401 says how to sign in (a token or the session).
        assert antwoord.status_code == 401, (naam, antwoord.status_code)
        assert antwoord.json()["fout"] == "niet_aangemeld"
        return
    assert antwoord.status_code in (302, 403), (naam, antwoord.status_code)
    if antwoord.status_code == 302:
        assert "/inloggen/" in antwoord["Location"]
