"""Inkoper and beheerder set the soort of an inkooppakket (levering, dienst, werk): it decides which
band applies to the pakket's spend."""

import pytest
from django.urls import reverse

from uitgaven.models import Inkooppakket


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["inkoper", "beheerder"])
def test_the_soort_of_a_pakket_can_be_changed(rol, stam, importeer, organisatie, client_als):
    assert importeer(stam).code == 0
    wegen = Inkooppakket.objects.get(organisatie=organisatie, code="08.01")
    jeugd = Inkooppakket.objects.get(organisatie=organisatie, code="10.01")
    client = client_als(rol)
    html = client.get(reverse("uitgaven:pakketten")).content.decode()
    assert "Wegenonderhoud" in html
    antwoord = client.post(reverse("uitgaven:pakketten"), {f"soort-{wegen.pk}": "werk", f"soort-{jeugd.pk}": "dienst"})
    assert antwoord.status_code == 302
    wegen.refresh_from_db()
    jeugd.refresh_from_db()
    assert (wegen.soort, jeugd.soort) == ("werk", "dienst")


@pytest.mark.django_db
def test_an_unknown_soort_is_ignored(stam, importeer, organisatie, client_als):
    assert importeer(stam).code == 0
    wegen = Inkooppakket.objects.get(organisatie=organisatie, code="08.01")
    client_als("inkoper").post(reverse("uitgaven:pakketten"), {f"soort-{wegen.pk}": "sloop"})
    wegen.refresh_from_db()
    assert wegen.soort == ""


@pytest.mark.django_db
def test_a_reimport_keeps_the_soort(stam, importeer, organisatie, client_als):
    assert importeer(stam).code == 0
    wegen = Inkooppakket.objects.get(organisatie=organisatie, code="08.01")
    client_als("inkoper").post(reverse("uitgaven:pakketten"), {f"soort-{wegen.pk}": "werk"})
    assert importeer(stam).code == 0
    wegen.refresh_from_db()
    assert wegen.soort == "werk"
