"""Every transition of the workflow: the allowed ones happen and are recorded, the others are refused."""

from decimal import Decimal

import pytest

from meldingen import services
from meldingen.models import Inkoopmelding, Status, Statuswijziging
from meldingen.services import MeldingOnvolledig, melding_indienen, melding_status_wijzigen
from meldingen.workflow import OVERGANGEN, TOELICHTING_VERPLICHT, OngeldigeOvergang

TOEGESTAAN = [
    # (van, naar): the whole table of meldingen/workflow.py, written out so a change is deliberate.
    ("concept", "ingediend"), ("concept", "ingetrokken"), ("concept", "vervallen"),
    ("ingediend", "in_behandeling"), ("ingediend", "ingetrokken"), ("ingediend", "vervallen"),
    ("in_behandeling", "advies_uitgebracht"), ("in_behandeling", "ingetrokken"), ("in_behandeling", "vervallen"),
    ("advies_uitgebracht", "traject_gestart"), ("advies_uitgebracht", "ingetrokken"),
    ("advies_uitgebracht", "vervallen"),
    ("traject_gestart", "gegund"), ("traject_gestart", "ingetrokken"), ("traject_gestart", "vervallen"),
    ("gegund", "afgerond"),
]
GEWEIGERD = [(van, naar) for van in Status.values for naar in Status.values if (van, naar) not in TOEGESTAAN]


def test_the_table_in_the_code_is_the_documented_one():
    assert {(v, n) for v, ns in OVERGANGEN.items() for n in ns} == set(TOEGESTAAN)


def _in_status(maak_melding, status):
    m = maak_melding()
    if status != Status.CONCEPT:
        Inkoopmelding.objects.filter(pk=m.pk).update(status=status, nummer=f"2026-{m.pk:04d}")
        m.refresh_from_db()
    return m


@pytest.mark.django_db
@pytest.mark.parametrize(("van", "naar"), TOEGESTAAN)
def test_an_allowed_transition_happens_and_is_recorded(van, naar, maak_melding, inkoper):
    m = _in_status(maak_melding, van)
    versie = m.versie
    melding_status_wijzigen(melding=m, naar=naar, door=inkoper, toelichting="Omdat het moet.")
    m.refresh_from_db()
    assert m.status == naar
    assert m.versie == versie + 1
    w = Statuswijziging.objects.filter(melding=m).exclude(van="").get()
    assert (w.van, w.naar, w.door, w.toelichting) == (van, naar, inkoper, "Omdat het moet.")
    assert w.op is not None


@pytest.mark.django_db
@pytest.mark.parametrize(("van", "naar"), GEWEIGERD)
def test_a_transition_outside_the_workflow_is_refused_and_changes_nothing(van, naar, maak_melding, inkoper):
    m = _in_status(maak_melding, van)
    with pytest.raises(OngeldigeOvergang) as fout:
        melding_status_wijzigen(melding=m, naar=naar, door=inkoper, toelichting="x")
    assert "kan niet naar" in str(fout.value)
    m.refresh_from_db()
    assert m.status == van
    assert not Statuswijziging.objects.filter(melding=m).exclude(van="").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("naar", sorted(TOELICHTING_VERPLICHT))
def test_withdrawing_or_lapsing_needs_a_reason(naar, maak_melding, budgethouder):
    m = _in_status(maak_melding, "ingediend")
    with pytest.raises(OngeldigeOvergang, match="toelichting"):
        melding_status_wijzigen(melding=m, naar=naar, door=budgethouder, toelichting="  ")
    m.refresh_from_db()
    assert m.status == "ingediend"


@pytest.mark.django_db
def test_a_transition_from_a_status_that_changed_meanwhile_is_refused(maak_melding, inkoper, budgethouder):
    m = _in_status(maak_melding, "ingediend")
    oud = Inkoopmelding.objects.get(pk=m.pk)  # a second person opened it before the change
    melding_status_wijzigen(melding=m, naar="ingetrokken", door=budgethouder, toelichting="Niet meer nodig.")
    with pytest.raises(OngeldigeOvergang, match="intussen al ‘ingetrokken’"):
        melding_status_wijzigen(melding=oud, naar="in_behandeling", door=inkoper)
    assert Inkoopmelding.objects.get(pk=m.pk).status == "ingetrokken"


@pytest.mark.django_db
def test_submitting_numbers_the_melding_per_year_and_records_the_moment(maak_melding, budgethouder):
    a, b = maak_melding(), maak_melding()
    melding_indienen(melding=a, door=budgethouder)
    melding_indienen(melding=b, door=budgethouder)
    a.refresh_from_db()
    b.refresh_from_db()
    jaar = a.ingediend_op.year
    assert a.nummer == f"{jaar}-0001"
    assert b.nummer == f"{jaar}-0002"
    assert a.status == "ingediend"


@pytest.mark.django_db
def test_an_incomplete_melding_is_not_submitted_and_says_what_is_missing(maak_melding, budgethouder):
    m = maak_melding(kostenplaats=None, gewenste_startdatum=None, branche="", soort="werk")
    with pytest.raises(MeldingOnvolledig) as fout:
        melding_indienen(melding=m, door=budgethouder)
    assert set(fout.value.velden) >= {"kostenplaats", "gewenste_startdatum", "branche", "werk_categorie"}
    m.refresh_from_db()
    assert m.status == "concept" and m.nummer == ""


@pytest.mark.django_db
def test_below_25000_there_is_nothing_to_submit(maak_melding, budgethouder):
    m = maak_melding(waarde_totaal=Decimal("24999.99"))
    with pytest.raises(MeldingOnvolledig) as fout:
        melding_indienen(melding=m, door=budgethouder)
    assert "geen inkoopmelding nodig" in fout.value.velden["geraamde_waarde"][0]
    assert Inkoopmelding.objects.get(pk=m.pk).status == "concept"


@pytest.mark.django_db
def test_a_sale_of_land_is_reported_whatever_its_value(maak_melding, budgethouder):
    # Didam (adviesregels.md §5): no value threshold.
    m = maak_melding(soort="verkoop_grond", waarde_totaal=Decimal("12000"), serieuze_gegadigden="meerdere")
    melding_indienen(melding=m, door=budgethouder)
    assert Inkoopmelding.objects.get(pk=m.pk).status == "ingediend"


@pytest.mark.django_db
def test_submitting_queues_the_draft_advice_after_commit(maak_melding, budgethouder, monkeypatch,
                                                       django_capture_on_commit_callbacks):
    from adviezen import tasks

    gestart = []
    monkeypatch.setattr(tasks.concept_advies_maken, "delay", lambda melding_id: gestart.append(melding_id))
    m = maak_melding()
    with django_capture_on_commit_callbacks() as callbacks:
        melding_indienen(melding=m, door=budgethouder)
    assert gestart == []  # nothing before the commit
    for cb in callbacks:
        cb()
    assert gestart == [m.id]


@pytest.mark.django_db
def test_assignment_moves_a_submitted_melding_into_treatment(maak_melding, inkoper, budgethouder):
    m = maak_melding()
    melding_indienen(melding=m, door=budgethouder)
    services.melding_toewijzen(melding=m, inkoper=inkoper, door=inkoper)
    m.refresh_from_db()
    assert (m.status, m.inkoper) == ("in_behandeling", inkoper)
    assert list(m.statuswijzigingen.values_list("naar", flat=True)) == ["ingediend", "in_behandeling"]
    assert m.toewijzingen.get().inkoper == inkoper


@pytest.mark.django_db
def test_only_an_inkoper_of_the_organisation_can_be_assigned(maak_melding, budgethouder, andere_organisatie,
                                                             maak_gebruiker):
    m = maak_melding()
    melding_indienen(melding=m, door=budgethouder)
    vreemde = maak_gebruiker(andere_organisatie, "inkoper", naam="vreemde-inkoper")
    for wie in (budgethouder, vreemde):
        with pytest.raises(ValueError, match="geen inkoper"):
            services.melding_toewijzen(melding=m, inkoper=wie, door=budgethouder)


@pytest.mark.django_db
def test_a_concept_cannot_be_assigned(maak_melding, inkoper):
    with pytest.raises(OngeldigeOvergang):
        services.melding_toewijzen(melding=maak_melding(), inkoper=inkoper, door=inkoper)


@pytest.mark.django_db
def test_the_timeline_shows_transitions_assignments_questions_and_answers(maak_melding, inkoper, budgethouder):
    from meldingen.selectors import tijdlijn

    m = maak_melding()
    Statuswijziging.objects.create(melding=m, van="", naar="concept", door=budgethouder)
    melding_indienen(melding=m, door=budgethouder)
    services.melding_toewijzen(melding=m, inkoper=inkoper, door=inkoper)
    v = services.vraag_stellen(melding=m, door=inkoper, tekst="Is er een bestaand contract?")
    services.vraag_beantwoorden(vraag=v, door=budgethouder, antwoord="Nee.")
    soorten = [g.soort for g in tijdlijn(m)]
    assert soorten == ["status", "status", "toewijzing", "status", "vraag", "antwoord"]
