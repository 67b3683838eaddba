"""Counts of different populations say so: each count of chapters 1.4 and 1.5 is printed with its
Dutch definition, and one line explains why "inkoopmeldingen", "meldingen" and "adviezen" differ.
The counts are checked against a count by hand over the objects in Python (another query path)."""

import html
import re
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from adviezen.models import Advies
from jaarverslag.rapport import context, render_html_pdf
from meldingen.models import Inkoopmelding
from meldingen.waarde import meldingsdrempel

JAAR = 2024


def _tekst(inhoud: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inhoud)).replace("\u00a0", " ").split())


def _moment(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def meldingen_en_adviezen(klein, budgethouder, inkoper):
    """Populations that differ on purpose: a melding below the threshold, one without advice, a
    concept, an advice issued this year on last year's melding, and a revised advice (two versions)."""

    def melding(nummer, ingediend, waarde, status="advies_uitgebracht"):
        m = Inkoopmelding.objects.create(
            organisatie=klein, nummer=nummer, omschrijving=f"Inkoop {nummer}", soort="dienst",
            budgethouder=budgethouder, status=status, ingediend_op=ingediend)
        # The estimated value as stored (save() derives it from the typed fields).
        Inkoopmelding.objects.filter(pk=m.pk).update(geraamde_waarde=Decimal(waarde))
        m.refresh_from_db()
        return m

    def advies(m, versie, op, berekend="meervoudig_onderhands", uitgebracht="meervoudig_onderhands"):
        Advies.objects.create(organisatie=klein, melding=m, versie=versie, peildatum=op.date(),
                              berekend={"procedure": berekend}, procedure=uitgebracht,
                              afwijking_motivering="Spoed" if berekend != uitgebracht else "",
                              status="uitgebracht", uitgebracht_op=op, uitgebracht_door=inkoper)

    vorig = melding("2023-0001", _moment(JAAR - 1, 12, 20, 9), "80000")
    advies(vorig, 1, _moment(JAAR, 1, 8, 9))
    herzien = melding("2024-0001", _moment(JAAR, 2, 1, 9), "80000")
    advies(herzien, 1, _moment(JAAR, 2, 5, 9))
    advies(herzien, 2, _moment(JAAR, 3, 1, 9), uitgebracht="enkelvoudig")
    onder = melding("2024-0002", _moment(JAAR, 4, 1, 9), "10000.50")
    advies(onder, 1, _moment(JAAR, 4, 3, 9))
    melding("2024-0003", _moment(JAAR, 5, 1, 9), "25000", status="ingediend")
    melding("2024-0004", _moment(JAAR, 6, 1, 9), "30000", status="ingediend")
    concept = Inkoopmelding.objects.create(organisatie=klein, nummer="", omschrijving="Concept", soort="dienst",
                                           budgethouder=budgethouder, status="concept")
    Inkoopmelding.objects.filter(pk=concept.pk).update(geraamde_waarde=Decimal("90000"))
    return klein


def _met_de_hand(org):
    """The populations counted over the objects in Python, from their definitions."""
    def jaar_van(moment):
        return timezone.localtime(moment).year if moment else None

    alle = list(Inkoopmelding.objects.filter(organisatie=org))
    ingediend = [m for m in alle if jaar_van(m.ingediend_op) == JAAR]
    inkoopmeldingen = [m for m in ingediend if m.status != "concept"
                       and m.geraamde_waarde >= meldingsdrempel(org, op=timezone.localtime(m.ingediend_op).date())]
    adviezen = [a for a in Advies.objects.filter(organisatie=org) if jaar_van(a.uitgebracht_op) == JAAR]
    met_advies = {a.melding_id for a in Advies.objects.filter(organisatie=org) if a.uitgebracht_op}
    return {"inkoopmeldingen": len(inkoopmeldingen), "meldingen": len(ingediend),
            "met_advies": sum(1 for m in ingediend if m.pk in met_advies), "adviezen": len(adviezen),
            "afwijkend": sum(1 for a in adviezen if a.procedure != a.berekend["procedure"])}


@pytest.mark.django_db
def test_each_count_is_printed_with_its_definition_and_the_difference_is_explained(meldingen_en_adviezen,
                                                                                    client_als):
    org = meldingen_en_adviezen
    n = _met_de_hand(org)
    # The populations really differ here (otherwise the test proves nothing).
    assert n == {"inkoopmeldingen": 3, "meldingen": 4, "met_advies": 2, "adviezen": 4, "afwijkend": 1}

    ctx = context(organisatie=org, jaar=JAAR, met_grafieken=False)
    a, p = ctx["g"].afdeling_inkoop, ctx["g"].prestaties
    assert (a.inkoopmeldingen, p.meldingen, p.met_advies, p.adviezen_uitgebracht, p.afwijkend) == (
        n["inkoopmeldingen"], n["meldingen"], n["met_advies"], n["adviezen"], n["afwijkend"])

    met_advies = (f"{n['met_advies']} van de {n['meldingen']} meldingen ingediend in {JAAR}, van elke geraamde "
                  f"waarde, met een uitgebracht advies")
    afwijkend = (f"{n['afwijkend']} van de {n['adviezen']} adviezen uitgebracht in {JAAR}, elke versie, ook bij "
                 f"meldingen uit eerdere jaren, met een andere procedure dan berekend")
    populaties = (f"Deze tellingen gaan over verschillende groepen: {n['inkoopmeldingen']} inkoopmeldingen "
                  f"ingediend in {JAAR} met een geraamde waarde vanaf € 25.000 (de meldgrens van het beleid op de "
                  f"dag van indienen); {n['meldingen']} meldingen ingediend in {JAAR}, van elke geraamde waarde; "
                  f"{n['adviezen']} adviezen uitgebracht in {JAAR}, elke versie, ook bij meldingen uit eerdere jaren.")
    pdf = _tekst(render_html_pdf(ctx))
    pagina = _tekst(client_als("controller").get(f"/jaarverslag/?jaar={JAAR}").content.decode())
    dashboard = _tekst(client_als("controller").get(f"/jaarverslag/dashboard/?jaar={JAAR}").content.decode())
    for naam, tekst in (("pdf", pdf), ("pagina", pagina)):
        for zin in (met_advies, afwijkend, populaties):
            assert zin in tekst, f"{naam} mist ‘{zin}’"
    assert met_advies in dashboard and afwijkend in dashboard


@pytest.mark.django_db
def test_revising_an_advice_moves_the_advice_count_but_not_the_meldingen(meldingen_en_adviezen, inkoper):
    org = meldingen_en_adviezen
    voor = _met_de_hand(org)
    m = Inkoopmelding.objects.get(organisatie=org, nummer="2024-0002")
    Advies.objects.create(organisatie=org, melding=m, versie=2, peildatum=m.ingediend_op.date(),
                          berekend={"procedure": "enkelvoudig"}, procedure="enkelvoudig", status="uitgebracht",
                          uitgebracht_op=m.ingediend_op + timedelta(days=9), uitgebracht_door=inkoper)
    p = context(organisatie=org, jaar=JAAR, met_grafieken=False)["g"].prestaties
    assert (p.meldingen, p.met_advies, p.adviezen_uitgebracht) == (voor["meldingen"], voor["met_advies"],
                                                                   voor["adviezen"] + 1)
