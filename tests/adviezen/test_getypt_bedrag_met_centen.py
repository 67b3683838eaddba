"""An amount a person typed is shown back with its cents (€ 216.000,50, not € 216.001) on the
melding page, the advice page and the letter; a whole amount stays whole (no ",00")."""

import html
import re

import pytest
from django.urls import reverse

from adviezen.views import brief_html


def _tekst(inhoud: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inhoud)).replace("\u00a0", " ").split())


@pytest.mark.django_db
@pytest.mark.parametrize(("getypt", "getoond", "niet"), [
    ("216000.50", "€ 216.000,50", "€ 216.001"),
    ("216000.00", "€ 216.000", "€ 216.000,00"),
])
def test_typed_amount_is_shown_back_with_its_cents(concept, client_als, getypt, getoond, niet):
    advies = concept(waarde_totaal=getypt, waarde_opties="0.00")
    assert advies.melding.geraamde_waarde == advies.melding.waarde_totaal  # no options: value as typed
    client = client_als("inkoper")
    pagina = _tekst(client.get(reverse("adviezen:advies", args=[advies.pk])).content.decode())
    melding = _tekst(client.get(reverse("meldingen:detail", args=[advies.melding_id])).content.decode())
    brief = _tekst(brief_html(advies))
    for naam, tekst in (("adviespagina", pagina), ("meldingpagina", melding), ("brief", brief)):
        assert getoond in tekst, f"{naam} toont {getoond} niet"
        assert niet not in tekst, f"{naam} toont {niet}"
