"""Every advice of the demo says the same on its page, on the melding page, in the letter and in
its motivering: procedure, invitees, SROI, Bibob and the EU threshold."""

import html
import io
import re

import pytest
from django.urls import reverse

from adviezen.models import Advies
from adviezen.selectors import advies_kern, advies_weergave
from adviezen.views import brief_html
from beleid.begrippen import EUROPESE_PROCEDURES
from inkoop.formatting import euro
from meldingen import demo

from ..meldingen.test_demo import enschede  # noqa: F401 - the demo organisation fixture


def _tekst(inhoud: str) -> str:
    zonder_tags = re.sub(r"<[^>]+>", " ", inhoud)
    return " ".join(html.unescape(zonder_tags).replace("\u00a0", " ").split())


def _zin(tekst: str) -> str:
    return " ".join(tekst.replace("\u00a0", " ").split())


def _motivering(advies, regel: str) -> str:
    return " ".join(_zin(m["tekst"]) for m in advies.motivering if m["regel"] == regel)


@pytest.mark.django_db
def test_page_melding_page_letter_and_motivering_agree_for_every_demo_advice(enschede, client):  # noqa: F811
    demo.laad(enschede, stdout=io.StringIO())
    adviezen = list(Advies.objects.filter(organisatie=enschede, fout="").select_related("melding", "beleid"))
    assert len(adviezen) > 100
    gezien_bibob = set()
    from inkoop.models import Lidmaatschap

    inkoper = Lidmaatschap.objects.filter(organisatie=enschede, rol="inkoper").first().gebruiker
    client.force_login(inkoper)
    for advies in adviezen:
        b = advies.berekend
        kern = {k: _zin(v) for k, v in advies_kern(advies).items()}
        pagina = _tekst(client.get(reverse("adviezen:advies", args=[advies.pk])).content.decode())
        melding = _tekst(client.get(reverse("meldingen:detail", args=[advies.melding_id])).content.decode())
        brief = _tekst(brief_html(advies))
        wie = f"advies {advies.pk} (melding {advies.melding.nummer})"

        # The same sentences everywhere (the melding page shows the version that counts).
        for veld in ("procedure", "uitnodigen", "sroi", "bibob"):
            zin = kern[veld][0].upper() + kern[veld][1:]
            assert zin in pagina, f"{wie}: pagina mist {veld} ‘{zin}’"
            assert zin in brief, f"{wie}: brief mist {veld} ‘{zin}’"
            if advies.status == Advies.Status.UITGEBRACHT:
                assert zin in melding, f"{wie}: meldingpagina mist {veld} ‘{zin}’"
        drempel = kern["eu_drempel"][0].upper() + kern["eu_drempel"][1:]
        assert drempel in brief, f"{wie}: brief mist de EU-drempel ‘{drempel}’"
        if advies.eu_drempel:
            assert _zin(euro(advies.eu_drempel)) in pagina

        # ... and they follow the motivering.
        bibob = _motivering(advies, "P-40")
        if advies.bibob:
            assert "Bibob-toets, vooraf aankondigen" in bibob and kern["bibob"].startswith("ja:"), wie
        else:
            assert "geen" in bibob.lower() and "Bibob-toets" in bibob and kern["bibob"] == "nee: geen Bibob-toets", wie
        gezien_bibob.add(advies.bibob)
        assert advies.bibob == b["bibob"] and advies.sroi_verplicht == b["sroi_verplicht"], wie
        sroi = _motivering(advies, "P-30")
        if advies.sroi_verplicht:
            assert kern["sroi"].split(" (")[0] in sroi, f"{wie}: ‘{kern['sroi']}’ niet in ‘{sroi}’"
            if "indicatief" in kern["sroi"]:
                assert kern["sroi"].split("(")[1].rstrip(")") in sroi, wie
        else:
            # A sale of land (Didam) has no SROI rule at all.
            assert (not sroi or "geen SROI-verplichting" in sroi) and kern["sroi"] == "niet verplicht", wie
        assert str(advies.eu_drempel) == str(b["eu_drempel"]) if b["eu_drempel"] else advies.eu_drempel is None
        if b["europees"]:
            assert advies.procedure in EUROPESE_PROCEDURES, wie
        if advies.procedure == b["procedure"]:
            assert (advies.uit_te_nodigen_min, advies.uit_te_nodigen_max) == (
                b["uit_te_nodigen_min"], b["uit_te_nodigen_max"]), wie
            assert advies_weergave(advies)["wijkt_af"] is False
        else:
            assert advies.afwijking_motivering.strip(), f"{wie}: afwijking zonder motivering"
    assert gezien_bibob == {True, False}
