"""Every page answers odd query parameters with a page or a 400, never a server error.

The probe walks every URL without path arguments, as every role, with the parameters the
pages read set to a NUL byte, a 23-digit number, a negative number and plain text.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from inkoop.models import Rol

PARAMETERS = ["jaar", "pagina", "zoek", "q", "status", "tabel", "formaat", "soort", "domein", "categorie",
              "regio", "crediteur", "kostenplaats", "organisatie", "pakket", "minimaal", "van", "tot",
              "thema", "inkoper", "afdeling", "filter", "sorteer", "next", "datum", "per", "traject",
              "melding", "contract", "versie", "hoofdstuk", "beoordeling", "steekproef"]
WAARDEN = ["2024\x00", "9" * 23, "-1"]


def _paden(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if "beheer" in str(p.pattern) or "oidc" in str(p.pattern):
                continue
            yield from _paden(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and not p.pattern.converters and "<" not in str(p.pattern):
            yield "/" + prefix + str(p.pattern)


@pytest.mark.django_db
@pytest.mark.parametrize("rol", [Rol.BEHEERDER, Rol.CONTROLLER, Rol.INKOPER, Rol.BUDGETHOUDER])
def test_no_page_gives_a_server_error_on_odd_parameters(client_als, rol):
    client = client_als(rol)
    client.raise_request_exception = False
    fouten = []
    for pad in sorted(set(_paden())):
        for waarde in WAARDEN:
            antwoord = client.get(pad, dict.fromkeys(PARAMETERS, waarde))
            if antwoord.status_code >= 500:
                fouten.append(f"GET {pad} {waarde!r}: {antwoord.status_code}")
            if pad.endswith("organisatie/"):
                antwoord = client.post(pad, {"organisatie": waarde})
                if antwoord.status_code >= 500:
                    fouten.append(f"POST {pad} {waarde!r}: {antwoord.status_code}")
    assert fouten == []


@pytest.mark.django_db
def test_a_nul_byte_in_a_parameter_is_refused_with_a_dutch_sentence(client_als):
    antwoord = client_als(Rol.CONTROLLER).get("/uitgaven/", {"jaar": "2024\x00"})
    assert antwoord.status_code == 400
    assert "ongeldig teken" in antwoord.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["/", "/uitgaven/", "/rechtmatigheid/ocds/?jaar=2024", "/contracten/register/export.xlsx"])
def test_pages_and_downloads_for_a_signed_in_user_are_not_cached(client_als, pad):
    antwoord = client_als(Rol.CONTROLLER).get(pad)
    assert antwoord.status_code < 500
    kop = antwoord.headers.get("Cache-Control", "")
    assert "private" in kop and "no-store" in kop
