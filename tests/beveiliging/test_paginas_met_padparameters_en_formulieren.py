"""Detail pages and forms answer odd input with a page, a 400 or a 404, never a server error.

The sibling probe (test_elke_queryparameter_wordt_gecontroleerd) covers pages without path
arguments. This one uses the permission matrix (tests/permissies/) to resolve every URL with
path arguments to a real record of the test organisation, and then sends, as a role that may
use the page:
- the query parameters the pages read, set to a 23-digit number, -1 and plain text;
- every integer path argument replaced by a 23-digit number and by 2**63 (must be 404);
- a POST with every field of the page's form (read from its HTML) set to each odd value and to
  text with a NUL byte.
"""

import re

import pytest
from django.urls import reverse

from tests.beveiliging.test_elke_queryparameter_wordt_gecontroleerd import PARAMETERS
from tests.permissies import PUBLIEK
from tests.test_permissiematrix import VERWACHTINGEN

WAARDEN = ["9" * 23, "-1", "tekst", "1e400", "٣"]
VELDNAAM = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', re.IGNORECASE)
MET_KWARGS = sorted(n for n, v in VERWACHTINGEN.items() if v is not PUBLIEK and v.kwargs)
ALLE = sorted(n for n, v in VERWACHTINGEN.items() if v is not PUBLIEK)


def _klant(client, maak_gebruiker, organisatie, verwachting):
    gebruiker = maak_gebruiker(organisatie, sorted(verwachting.rollen)[0])
    client.force_login(gebruiker)
    client.raise_request_exception = False
    return gebruiker


def _velden(html):
    return sorted({n for n in VELDNAAM.findall(html) if n != "csrfmiddlewaretoken"})


@pytest.mark.django_db
@pytest.mark.parametrize("naam", MET_KWARGS)
def test_a_detail_page_survives_odd_parameters_and_odd_ids(naam, organisatie, maak_gebruiker, client):
    verwachting = VERWACHTINGEN[naam]
    gebruiker = _klant(client, maak_gebruiker, organisatie, verwachting)
    kwargs = verwachting.kwargs(organisatie, gebruiker)
    url = reverse(naam, kwargs=kwargs)
    vraag = client.post if verwachting.methode == "post" else client.get
    fouten = []
    for waarde in WAARDEN:
        antwoord = client.get(url, dict.fromkeys(PARAMETERS, waarde))
        if antwoord.status_code >= 500:
            fouten.append(f"GET {url}?…={waarde!r}: {antwoord.status_code}")
    for sleutel, echt in kwargs.items():
        if not isinstance(echt, int):
            continue
        for vreemd in ("9" * 23, str(2**63)):
            vreemde_url = url.replace(f"/{echt}/", f"/{vreemd}/", 1)
            if vreemde_url == url:
                continue
            antwoord = vraag(vreemde_url, verwachting.data) if verwachting.methode == "post" else vraag(vreemde_url)
            if antwoord.status_code != 404:
                fouten.append(f"{verwachting.methode.upper()} {vreemde_url} ({sleutel}): {antwoord.status_code}")
    assert fouten == []


@pytest.mark.django_db
@pytest.mark.parametrize("naam", ALLE)
def test_a_form_survives_odd_values_in_every_field(naam, organisatie, maak_gebruiker, client):
    verwachting = VERWACHTINGEN[naam]
    gebruiker = _klant(client, maak_gebruiker, organisatie, verwachting)
    kwargs = verwachting.kwargs(organisatie, gebruiker) if verwachting.kwargs else {}
    url = reverse(naam, kwargs=kwargs)
    velden = set(verwachting.data)
    if verwachting.methode == "get":
        pagina = client.get(url)
        if pagina.status_code != 200 or "html" not in pagina.get("Content-Type", ""):
            return
        velden |= set(_velden(pagina.content.decode()))
        if not velden:
            return
    fouten = []
    # The test client posts multipart/form-data, as a form with a file field does: a NUL byte
    # then reaches past the urlencoded check of the middleware.
    for waarde in [*WAARDEN, "tekst\x00", "2024\x00"]:
        antwoord = client.post(url, dict.fromkeys(sorted(velden), waarde))
        if antwoord.status_code >= 500:
            fouten.append(f"POST {url} {sorted(velden)}={waarde!r}: {antwoord.status_code}")
    assert fouten == []


@pytest.mark.django_db
def test_a_nul_byte_in_a_multipart_form_is_refused_with_a_dutch_sentence(organisatie, maak_gebruiker, client):
    verwachting = VERWACHTINGEN["contracten:werkpakt_nieuw"]
    _klant(client, maak_gebruiker, organisatie, verwachting)
    antwoord = client.post(reverse("contracten:werkpakt_nieuw"), {"naam": "Schoonmaak\x00"})  # multipart
    assert antwoord.status_code == 400
    assert "ongeldig teken (NUL) in ‘naam’" in antwoord.content.decode()
