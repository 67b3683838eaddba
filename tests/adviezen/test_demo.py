"""adviezen.demo: idempotent; meldingen past "advies uitgebracht" get an issued advice, open ones a draft."""

import pytest

from adviezen import demo
from adviezen.models import Advies
from beleid.models import Beleid
from meldingen.models import Inkoopmelding


@pytest.mark.django_db
def test_the_demo_completes_the_advice_and_can_run_twice(maak_melding, organisatie, inkoper):
    gegund = maak_melding()
    Inkoopmelding.objects.filter(pk=gegund.pk).update(status="gegund")
    open_ = maak_melding()
    demo.laad(organisatie, stdout=None)
    demo.laad(organisatie, stdout=None)
    assert Advies.objects.filter(melding=gegund).get().status == Advies.Status.UITGEBRACHT
    assert Advies.objects.filter(melding=open_).get().status == Advies.Status.CONCEPT
    assert Beleid.objects.filter(organisatie__isnull=True).count() == 1
    gegund.refresh_from_db()
    assert gegund.status == "gegund"  # the demo never moves a melding
