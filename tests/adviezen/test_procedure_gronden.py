"""Every procedure of the Aw 2012 can be chosen where the inkoper deviates, each only with the ground
it needs (Aw 2012 art. 2.28-2.32a) and the light regime only for an Annex XIV service."""

import pytest

from adviezen.services import controleer_advies
from beleid.begrippen import GRONDEN, Grond, Procedure

# A service above the EU threshold: the engine computed the open procedure.
EUROPEES = {"procedure": "europees_openbaar", "europees": True, "eu_drempel": "221000.00", "soort": "dienst"}
MOTIVERING = "Het bestek kan pas na gesprekken met de markt worden geschreven."


@pytest.mark.parametrize(("procedure", "grond", "cpv", "fout_in"), [
    # Open and restricted are free to choose: no ground (Directive 2014/24/EU art. 26(2)).
    ("europees_openbaar", "", "", None),
    ("europees_niet_openbaar", "", "", None),
    # Mededingingsprocedure and dialoog: only on a ground of art. 2.28 lid 1.
    ("europees_mededingingsprocedure", "", "", "grond"),
    ("europees_mededingingsprocedure", "ontwerp_of_innovatie", "", None),
    ("europees_concurrentiegerichte_dialoog", "specificaties_onmogelijk", "", None),
    ("europees_concurrentiegerichte_dialoog", "dwingende_spoed", "", "grond"),  # a ground of another procedure
    # Innovatiepartnerschap: a need the market cannot yet meet.
    ("europees_innovatiepartnerschap", "", "", "grond"),
    ("europees_innovatiepartnerschap", "innovatief_niet_op_markt", "", None),
    # Onderhandelingsprocedure zonder aankondiging: only on a ground of art. 2.32 and further.
    ("onderhandelingsprocedure_zonder_aankondiging", "", "", "grond"),
    ("onderhandelingsprocedure_zonder_aankondiging", "dwingende_spoed", "", None),
    ("onderhandelingsprocedure_zonder_aankondiging", "een_ondernemer", "", None),
    ("onderhandelingsprocedure_zonder_aankondiging", "aanpassing_nodig", "", "grond"),
    # The light regime: only a service of Annex XIV, shown by its CPV code.
    ("sociaal_en_specifiek", "", "", "cpv_code"),
    ("sociaal_en_specifiek", "", "90910000-9", "cpv_code"),  # schoonmaak is not in Annex XIV
    ("sociaal_en_specifiek", "", "schoonmaak", "cpv_code"),  # not a CPV code
    ("sociaal_en_specifiek", "", "85311000-2", None),        # maatschappelijk werk
    # Above the EU threshold nothing national, whatever the motivation (L-05).
    ("nationaal_openbaar", "", "", "procedure"),
])
def test_a_chosen_procedure_needs_its_ground(procedure, grond, cpv, fout_in):
    fouten = controleer_advies(berekend=EUROPEES, procedure=procedure, afwijking_motivering=MOTIVERING,
                               uit_te_nodigen_min=None, uit_te_nodigen_max=None, min_regionaal=0,
                               grond=grond, cpv_code=cpv)
    if fout_in is None:
        assert fouten == {}
    else:
        assert fout_in in fouten, fouten
        assert all(t.endswith(".") for t in fouten[fout_in])


def test_every_ground_belongs_to_a_procedure_and_names_its_article():
    gebruikt = {g for gronden in GRONDEN.values() for g in gronden}
    assert gebruikt == set(Grond)
    assert all("art." in str(g.label) for g in Grond)
    assert set(GRONDEN) <= set(Procedure)


def test_every_procedure_of_the_aw_can_be_chosen_in_the_advice_form(concept):
    from adviezen.forms import AdviesForm

    advies = concept()
    keuzes = {w for w, _ in AdviesForm(advies=advies).fields["procedure"].choices}
    assert {"europees_niet_openbaar", "europees_mededingingsprocedure", "europees_concurrentiegerichte_dialoog",
            "europees_innovatiepartnerschap", "onderhandelingsprocedure_zonder_aankondiging",
            "sociaal_en_specifiek"} <= keuzes


@pytest.mark.django_db
def test_the_inkoper_stores_the_ground_and_the_page_and_letter_show_it(concept, inkoper, client):
    from django.urls import reverse

    from adviezen.views import brief_html

    advies = concept(waarde_totaal="400000.00")
    assert advies.berekende_procedure == "europees_openbaar"
    client.force_login(inkoper)
    data = {"procedure": "onderhandelingsprocedure_zonder_aankondiging", "afwijking_motivering": MOTIVERING,
            "opmerkingen": "", "uit_te_nodigen": "", "min_regionaal": "0", "grond": ""}
    antwoord = client.post(reverse("adviezen:bewerken", args=[advies.pk]), data)
    assert antwoord.status_code == 200
    assert "alleen toegestaan op een van de gronden" in antwoord.content.decode()
    advies.refresh_from_db()
    assert advies.procedure == "europees_openbaar"  # nothing stored
    data["grond"] = "dwingende_spoed"
    assert client.post(reverse("adviezen:bewerken", args=[advies.pk]), data).status_code == 302
    advies.refresh_from_db()
    assert (advies.procedure, advies.grond) == ("onderhandelingsprocedure_zonder_aankondiging", "dwingende_spoed")
    label = str(Grond.DWINGENDE_SPOED.label)
    assert label in client.get(reverse("adviezen:advies", args=[advies.pk])).content.decode().replace("&#x27;", "'")
    assert label in brief_html(advies)
