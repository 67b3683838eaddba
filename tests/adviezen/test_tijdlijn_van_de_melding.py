"""The melding's timeline shows what happened to its advice: questions, answers, acceptance, versions."""

import pytest
from django.urls import reverse

from adviezen.services import (
    advies_accepteren,
    advies_uitbrengen,
    advies_vraag_beantwoorden,
    advies_vraag_stellen,
    nieuwe_versie_maken,
)
from meldingen.selectors import tijdlijn

pytestmark = pytest.mark.django_db


def _laatste(melding):
    return tijdlijn(melding)[-1]


def test_a_question_about_the_advice_is_in_the_timeline_with_its_text_and_a_link(concept, inkoper, budgethouder):
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    advies_vraag_stellen(advies=advies, door=budgethouder, tekst="Mag het ook enkelvoudig?")
    g = _laatste(advies.melding)
    assert (g.soort, g.wie, g.tekst, g.toelichting) == (
        "advies_vraag", budgethouder, "Vraag over advies versie 1", "Mag het ook enkelvoudig?")
    assert g.url == reverse("adviezen:advies", kwargs={"pk": advies.pk}) + "#vragen"


def test_the_answer_follows_the_question(concept, inkoper, budgethouder):
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    vraag = advies_vraag_stellen(advies=advies, door=budgethouder, tekst="Mag het ook enkelvoudig?")
    advies_vraag_beantwoorden(vraag=vraag, door=inkoper, antwoord="Nee, vanwege de waarde.")
    soorten = [g.soort for g in tijdlijn(advies.melding)]
    assert soorten[-2:] == ["advies_vraag", "advies_antwoord"]
    g = _laatste(advies.melding)
    assert (g.wie, g.toelichting) == (inkoper, "Nee, vanwege de waarde.")


def test_the_acceptance_is_in_the_timeline(concept, inkoper, budgethouder):
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    advies_accepteren(advies=advies, door=budgethouder)
    g = _laatste(advies.melding)
    assert (g.soort, g.wie, g.tekst) == ("advies_geaccepteerd", budgethouder, "Advies versie 1 geaccepteerd")
    assert g.toelichting == "Meervoudig onderhands"


def test_a_new_version_is_in_the_timeline_although_the_status_stays(concept, inkoper, budgethouder):
    eerste = advies_uitbrengen(advies=concept(), door=inkoper)
    statussen_voor = [g for g in tijdlijn(eerste.melding) if g.soort == "status"]
    tweede = advies_uitbrengen(advies=nieuwe_versie_maken(advies=eerste, door=inkoper), door=inkoper)
    assert [g for g in tijdlijn(eerste.melding) if g.soort == "status"] == statussen_voor
    g = _laatste(eerste.melding)
    assert (g.soort, g.tekst) == ("advies_uitgebracht", "Advies versie 2 uitgebracht, vervangt versie 1")
    assert g.url == reverse("adviezen:advies", kwargs={"pk": tweede.pk})


def test_the_melding_page_shows_these_events_with_links(concept, inkoper, budgethouder, client):
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    advies_vraag_stellen(advies=advies, door=budgethouder, tekst="Mag het ook enkelvoudig?")
    advies_accepteren(advies=advies, door=budgethouder)
    client.force_login(budgethouder)
    tekst = client.get(reverse("meldingen:detail", kwargs={"pk": advies.melding_id})).content.decode()
    tijdlijn_html = tekst[tekst.index('id="kop-tijdlijn"'):]
    url = reverse("adviezen:advies", kwargs={"pk": advies.pk})
    assert f'<a href="{url}#vragen">Vraag over advies versie 1</a>' in tijdlijn_html
    assert "Mag het ook enkelvoudig?" in tijdlijn_html
    assert f'<a href="{url}">Advies versie 1 geaccepteerd</a>' in tijdlijn_html
