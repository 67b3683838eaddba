"""Who sees which melding: own, afdeling, organisation; never another organisation's."""

import pytest
from django.urls import reverse

from inkoop.models import Rol
from meldingen.selectors import zichtbare_meldingen

from .conftest import als
from .factories import MeldingFactory


@pytest.fixture
def meldingen(maak_melding, budgethouder, collega, anders, organisatie, andere_organisatie, maak_gebruiker):
    vreemde = maak_gebruiker(andere_organisatie, Rol.BUDGETHOUDER, naam="vreemde-bh", afdeling="Wegen")
    return {
        "eigen": maak_melding(omschrijving="Eigen melding"),
        "afdeling": maak_melding(budgethouder=collega, aangemaakt_door=collega, omschrijving="Van collega"),
        "andere_afdeling": maak_melding(budgethouder=anders, aangemaakt_door=anders, afdeling="Cultuur",
                                        omschrijving="Van Cultuur"),
        "andere_organisatie": MeldingFactory(organisatie=andere_organisatie, budgethouder=vreemde,
                                             omschrijving="Van Elders"),
    }


def _detail(client, m):
    return client.get(reverse("meldingen:detail", kwargs={"pk": m.pk})).status_code


@pytest.mark.django_db
def test_a_budget_holder_sees_own_and_afdeling_meldingen_only(meldingen, client, budgethouder):
    client.force_login(budgethouder)
    assert _detail(client, meldingen["eigen"]) == 200
    assert _detail(client, meldingen["afdeling"]) == 200
    assert _detail(client, meldingen["andere_afdeling"]) == 403
    assert _detail(client, meldingen["andere_organisatie"]) == 404
    lijst = client.get(reverse("meldingen:mijn")).content.decode()
    assert "Eigen melding" in lijst and "Van collega" in lijst
    assert "Van Cultuur" not in lijst and "Van Elders" not in lijst
    alleen_eigen = client.get(reverse("meldingen:mijn") + "?wie=eigen").content.decode()
    assert "Eigen melding" in alleen_eigen and "Van collega" not in alleen_eigen


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["inkoper", "controller"])
def test_inkoper_and_controller_see_every_melding_of_their_organisation(rol, meldingen, client, maak_gebruiker,
                                                                        organisatie):
    client.force_login(maak_gebruiker(organisatie, rol))
    for sleutel in ("eigen", "afdeling", "andere_afdeling"):
        assert _detail(client, meldingen[sleutel]) == 200
    assert _detail(client, meldingen["andere_organisatie"]) == 404


@pytest.mark.django_db
def test_a_beheerder_does_not_read_meldingen(meldingen, client, beheerder):
    client.force_login(beheerder)
    assert _detail(client, meldingen["eigen"]) == 403


@pytest.mark.django_db
def test_the_queryset_of_visible_meldingen_matches_the_object_rule(meldingen, budgethouder, inkoper, controller,
                                                                   beheerder, organisatie):
    for gebruiker in (budgethouder, inkoper, controller, beheerder):
        gebruiker = als(gebruiker, organisatie)
        zichtbaar = set(zichtbare_meldingen(gebruiker=gebruiker, organisatie=organisatie))
        volgens_regel = {m for m in meldingen.values() if gebruiker.has_perm("meldingen.bekijken", m)}
        assert zichtbaar == volgens_regel, gebruiker.rol


@pytest.mark.django_db
def test_only_a_concept_can_be_edited_and_only_by_its_owners_or_inkoop(meldingen, client, budgethouder, anders,
                                                                      controller, inkoper):
    m = meldingen["afdeling"]
    url = reverse("meldingen:bewerken", kwargs={"pk": m.pk})
    for gebruiker, verwacht in ((budgethouder, 200), (inkoper, 200), (anders, 403), (controller, 403)):
        client.force_login(gebruiker)
        assert client.get(url).status_code == verwacht, gebruiker
    from meldingen.services import melding_indienen

    melding_indienen(melding=m, door=budgethouder)
    client.force_login(budgethouder)
    antwoord = client.get(url)
    assert antwoord.status_code == 302 and antwoord["Location"].endswith(f"/meldingen/{m.pk}/")


@pytest.mark.django_db
def test_an_empty_afdeling_does_not_open_everyones_meldingen(maak_gebruiker, organisatie, maak_melding):
    zonder = als(maak_gebruiker(organisatie, Rol.BUDGETHOUDER, naam="zonder-afdeling", afdeling=""), organisatie)
    m = maak_melding(afdeling="")
    assert not zonder.has_perm("meldingen.bekijken", m)


@pytest.mark.django_db
def test_a_budget_holder_cannot_assign_or_move_the_workflow(meldingen, client, budgethouder):
    from meldingen.services import melding_indienen

    m = meldingen["eigen"]
    melding_indienen(melding=m, door=budgethouder)
    client.force_login(budgethouder)
    assert client.post(reverse("meldingen:toewijzen", kwargs={"pk": m.pk}), {"inkoper": budgethouder.pk}
                       ).status_code == 403
    assert client.post(reverse("meldingen:status", kwargs={"pk": m.pk}), {"naar": "vervallen", "toelichting": "x"}
                       ).status_code == 403
    # ... but may withdraw their own melding, with a reason.
    assert client.post(reverse("meldingen:status", kwargs={"pk": m.pk}),
                       {"naar": "ingetrokken", "toelichting": "Budget geschrapt."}).status_code == 302
    m.refresh_from_db()
    assert m.status == "ingetrokken"
