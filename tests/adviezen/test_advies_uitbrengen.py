"""The inkoper reviews, deviates with a motivation, issues; the budget holder reads, accepts or asks."""

from decimal import Decimal

import pytest
from django.urls import reverse

from adviezen.models import Advies, AdviesVraag, OnveranderlijkAdvies
from adviezen.services import (
    AdviesOngeldig,
    advies_bijwerken,
    advies_uitbrengen,
    nieuwe_versie_maken,
)
from inkoop.models import Notificatie
from meldingen.models import Status, Statuswijziging

pytestmark = pytest.mark.django_db


def _bewerk(client, advies, **data):
    basis = {"procedure": advies.procedure, "uit_te_nodigen_min": advies.uit_te_nodigen_min or "",
             "uit_te_nodigen_max": advies.uit_te_nodigen_max or "", "min_regionaal": advies.min_regionaal,
             "uit_te_nodigen": "", "opmerkingen": "", "afwijking_motivering": ""}
    basis.update(data)
    return client.post(reverse("adviezen:bewerken", kwargs={"pk": advies.pk}), basis)


def test_the_inkoper_sees_the_draft_with_its_motivering(concept, client_als):
    advies = concept()
    antwoord = client_als("inkoper").get(reverse("adviezen:advies", kwargs={"pk": advies.pk}))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Meervoudig onderhands" in inhoud and "P-10" in inhoud and "Advies uitbrengen" in inhoud


def test_the_budget_holder_never_sees_a_draft(concept, client, budgethouder):
    advies = concept()
    client.force_login(budgethouder)
    assert client.get(reverse("adviezen:advies", kwargs={"pk": advies.pk})).status_code == 403


def test_a_deviation_needs_a_motivation(concept, client_als):
    advies = concept()
    antwoord = _bewerk(client_als("inkoper"), advies, procedure="nationaal_openbaar")
    assert antwoord.status_code == 200
    assert "afwijking mag alleen met motivering" in antwoord.content.decode()
    advies.refresh_from_db()
    assert advies.procedure == "meervoudig_onderhands"


def test_a_deviation_with_a_motivation_is_stored(concept, client_als):
    advies = concept()
    antwoord = _bewerk(client_als("inkoper"), advies, procedure="nationaal_openbaar",
                       afwijking_motivering="Grote markt; openbaar geeft meer kansen aan het mkb.")
    assert antwoord.status_code == 302
    advies.refresh_from_db()
    assert advies.procedure == "nationaal_openbaar" and advies.wijkt_af
    assert advies.uit_te_nodigen_min is None and advies.min_regionaal == 0  # public: nobody invited


def test_a_mandatory_european_procedure_cannot_be_lowered_even_with_a_motivation(concept, inkoper):
    advies = concept(waarde_totaal=Decimal("500000"))
    assert advies.procedure == "europees_openbaar"
    with pytest.raises(AdviesOngeldig) as fout:
        advies_bijwerken(advies=advies, door=inkoper, procedure="meervoudig_onderhands", uit_te_nodigen_min=3,
                         uit_te_nodigen_max=5, afwijking_motivering="Sneller.")
    assert "Europese procedure is verplicht" in " ".join(fout.value.velden["procedure"])


def test_the_form_refuses_the_downgrade_in_dutch(concept, client_als):
    advies = concept(waarde_totaal=Decimal("500000"))
    antwoord = _bewerk(client_als("inkoper"), advies, procedure="nationaal_openbaar", afwijking_motivering="Sneller.")
    assert "Europese procedure is verplicht" in antwoord.content.decode()


def test_issuing_freezes_the_version_moves_the_melding_and_notifies_the_budget_holder(
        concept, client_als, budgethouder, django_capture_on_commit_callbacks):
    advies = concept()
    client = client_als("inkoper")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("adviezen:uitbrengen", kwargs={"pk": advies.pk}))
    assert antwoord.status_code == 302
    advies.refresh_from_db()
    assert advies.status == Advies.Status.UITGEBRACHT and advies.uitgebracht_op
    advies.melding.refresh_from_db()
    assert advies.melding.status == Status.ADVIES_UITGEBRACHT
    assert Statuswijziging.objects.filter(melding=advies.melding, naar=Status.ADVIES_UITGEBRACHT).exists()
    melding = Notificatie.objects.get(ontvanger=budgethouder, onderwerp__startswith="Inkoopadvies")
    assert melding.url == reverse("adviezen:advies", kwargs={"pk": advies.pk})
    advies.opmerkingen = "later gewijzigd"
    with pytest.raises(OnveranderlijkAdvies):
        advies.save()
    with pytest.raises(OnveranderlijkAdvies):
        advies_bijwerken(advies=Advies.objects.get(pk=advies.pk), door=None, procedure="nationaal_openbaar",
                         afwijking_motivering="x")


def test_a_new_version_replaces_the_issued_one_only_when_issued(concept, inkoper):
    v1 = advies_uitbrengen(advies=concept(), door=inkoper)
    v2 = nieuwe_versie_maken(advies=v1, door=inkoper)
    assert (v2.versie, v2.status) == (2, Advies.Status.CONCEPT)
    assert nieuwe_versie_maken(advies=v1, door=inkoper).pk == v2.pk  # no second draft
    v1.refresh_from_db()
    assert v1.status == Advies.Status.UITGEBRACHT
    advies_uitbrengen(advies=v2, door=inkoper)
    v1.refresh_from_db()
    assert v1.status == Advies.Status.VERVANGEN
    assert list(v1.melding.adviezen.values_list("versie", "status")) == [(2, "uitgebracht"), (1, "vervangen")]


def test_the_budget_holder_reads_accepts_and_asks(concept, inkoper, client, budgethouder):
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    client.force_login(budgethouder)
    url = reverse("adviezen:advies", kwargs={"pk": advies.pk})
    assert "Advies accepteren" in client.get(url).content.decode()
    client.post(reverse("adviezen:vraag", kwargs={"pk": advies.pk}), {"tekst": "Mag het ook enkelvoudig?"})
    vraag = AdviesVraag.objects.get(advies=advies)
    assert Notificatie.objects.filter(ontvanger=inkoper, onderwerp__startswith="Vraag over het advies").exists()
    client.post(reverse("adviezen:accepteren", kwargs={"pk": advies.pk}))
    advies.refresh_from_db()
    assert advies.geaccepteerd_door == budgethouder
    assert client.post(reverse("adviezen:accepteren", kwargs={"pk": advies.pk})).status_code == 403
    client.force_login(inkoper)
    client.post(reverse("adviezen:antwoord", kwargs={"pk": vraag.pk}), {"antwoord": "Nee, vanwege de waarde."})
    vraag.refresh_from_db()
    assert vraag.antwoord == "Nee, vanwege de waarde." and vraag.beantwoord_door == inkoper


def test_the_melding_page_shows_the_issued_advice_to_the_budget_holder(concept, inkoper, client, budgethouder):
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    client.force_login(budgethouder)
    inhoud = client.get(reverse("meldingen:detail", kwargs={"pk": advies.melding_id})).content.decode()
    assert "Meervoudig onderhands" in inhoud and "Adviesbrief (PDF)" in inhoud and "Advies accepteren" in inhoud


def test_the_melding_page_hides_the_draft_from_the_budget_holder(concept, client, budgethouder):
    advies = concept()
    client.force_login(budgethouder)
    inhoud = client.get(reverse("meldingen:detail", kwargs={"pk": advies.melding_id})).content.decode()
    assert "Inkoop stelt het advies op" in inhoud and "Concept versie" not in inhoud


def test_the_letter_is_a_pdf_with_the_facts_and_the_motivering(concept, inkoper, client, budgethouder):
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    client.force_login(budgethouder)
    antwoord = client.get(reverse("adviezen:brief", kwargs={"pk": advies.pk}))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF")
    assert "attachment" in antwoord["Content-Disposition"]


def test_the_list_of_advices_has_a_fixed_number_of_queries(concept, client_als, django_assert_num_queries):
    client = client_als("inkoper")
    concept()
    client.get(reverse("adviezen:overzicht"))  # warm up the session and the permission caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as eerste:
        client.get(reverse("adviezen:overzicht"))
    assert len(eerste) <= 8
    for _ in range(5):
        concept()
    with django_assert_num_queries(len(eerste)):
        antwoord = client.get(reverse("adviezen:overzicht"))
    assert antwoord.content.decode().count("/bewerken/") == 0
    assert antwoord.content.decode().count('href="/adviezen/') >= 6


def test_the_letter_passes_the_pdf_ua_checker(concept, inkoper, client, budgethouder):
    from tests.pdfua import bevindingen

    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    client.force_login(budgethouder)
    pdf = client.get(reverse("adviezen:brief", kwargs={"pk": advies.pk})).content
    assert bevindingen(pdf) == []


def test_the_letter_carries_the_organisations_logo_and_stays_pdf_ua(organisatie, concept, inkoper, client, budgethouder):
    from inkoop.models import Organisatie
    from tests.inkoop.test_organisatie_instellingen import _beeld
    from tests.pdfua import beeldmaten, bevindingen

    Organisatie.objects.filter(pk=organisatie.pk).update(logo=_beeld())
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    client.force_login(budgethouder)
    pdf = client.get(reverse("adviezen:brief", kwargs={"pk": advies.pk})).content
    assert (400, 120) in beeldmaten(pdf), "het logo staat niet op de eerste pagina"
    assert bevindingen(pdf) == []


def test_a_letter_that_cannot_be_made_accessible_is_refused_with_a_clear_message(
        concept, inkoper, client, budgethouder, monkeypatch):
    import weasyprint

    def geen_pdf_ua(self, *args, pdf_variant=None, **kwargs):
        # What an older WeasyPrint without the PDF/UA variant does.
        raise ValueError(f"onbekende PDF-variant {pdf_variant}")

    monkeypatch.setattr(weasyprint.HTML, "render", geen_pdf_ua)
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    client.force_login(budgethouder)
    antwoord = client.get(reverse("adviezen:brief", kwargs={"pk": advies.pk}), follow=True)
    html = antwoord.content.decode()
    assert antwoord.redirect_chain and antwoord["Content-Type"].startswith("text/html")
    assert "De adviesbrief kon niet worden gemaakt." in html and "niet als toegankelijke PDF (pdf/ua-1)" in html
