"""The budget holder's notification of an issued advice is read once they open the advice."""

import pytest
from django.urls import reverse

from adviezen.services import advies_uitbrengen
from inkoop.models import Notificatie


@pytest.mark.django_db
def test_opening_the_advice_marks_its_notification_read(concept, inkoper, budgethouder, client):
    advies = advies_uitbrengen(advies=concept(), door=inkoper)
    bericht = Notificatie.objects.get(ontvanger=budgethouder)
    assert bericht.gelezen_op is None
    client.force_login(budgethouder)
    client.get(reverse("adviezen:advies", kwargs={"pk": advies.pk}))
    bericht.refresh_from_db()
    assert bericht.gelezen_op is not None
