"""Two inkopers who opened the same draft advice: the second save is refused with a sentence
that names the first, and nothing of the first is overwritten."""

import pytest
from django.test import Client
from django.urls import reverse

from adviezen.models import Advies

pytestmark = pytest.mark.django_db


def test_the_second_of_two_saves_of_one_draft_is_refused(concept, inkoper, maak_gebruiker, organisatie):
    advies = concept()
    tweede = maak_gebruiker(organisatie, "inkoper", naam="tweede-inkoper")
    url = reverse("adviezen:bewerken", kwargs={"pk": advies.pk})
    iris, tom = Client(), Client()
    iris.force_login(inkoper)
    tom.force_login(tweede)
    gelezen = [c.get(url).context["form"]["gelezen_op"].value() for c in (iris, tom)]
    assert gelezen[0] == gelezen[1]
    basis = {"procedure": advies.procedure, "uit_te_nodigen_min": advies.uit_te_nodigen_min or "",
             "uit_te_nodigen_max": advies.uit_te_nodigen_max or "", "min_regionaal": 0}
    eerste = iris.post(url, {**basis, "opmerkingen": "Van Iris", "gelezen_op": gelezen[0]})
    assert eerste.status_code == 302
    tweede_antwoord = tom.post(url, {**basis, "opmerkingen": "Van Tom", "gelezen_op": gelezen[1]})
    assert tweede_antwoord.status_code == 200
    assert "heeft dit concept gewijzigd nadat u het opende" in tweede_antwoord.content.decode()
    assert Advies.objects.get(pk=advies.pk).opmerkingen == "Van Iris"
    assert Advies.objects.filter(melding=advies.melding).count() == 1
