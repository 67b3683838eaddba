"""A report version whose generation died says so, with the reason, and offers a retry that
makes the same version; axe finds nothing on the way."""

import os

import pytest
from playwright.sync_api import expect

from inkoop import werk
from inkoop.models import Rol
from tests.conftest import WACHTWOORD
from tests.jaarverslag.conftest import importeer
from tests.jaarverslag.klein_grootboek import schrijf


@pytest.fixture
def mislukt(transactional_db, organisatie, maak_gebruiker, tmp_path, django_capture_on_commit_callbacks):
    from jaarverslag.models import Rapportversie

    maak_gebruiker(organisatie, Rol.CONTROLLER, naam="carla")
    with django_capture_on_commit_callbacks(execute=True):
        importeer(schrijf(tmp_path / "grootboek"), organisatie.naam)
    # As the sweep leaves a version whose worker was killed.
    return Rapportversie.objects.create(organisatie=organisatie, jaar=2024, status=Rapportversie.Status.MISLUKT,
                                        voortgang=100, stap="Mislukt", fout=werk.AFGEBROKEN)


def test_a_failed_report_version_shows_the_reason_and_can_be_retried(mislukt, page, inloggen, axe_controle,
                                                                      live_server):
    from jaarverslag.models import Rapportversie

    inloggen("carla", WACHTWOORD)
    page.goto(live_server.url + "/jaarverslag/?jaar=2024#versies")
    versie = page.locator(f"#versie-{mislukt.pk}")
    expect(versie.get_by_text(werk.AFGEBROKEN)).to_be_visible()
    axe_controle(page)
    if os.getenv("INKOOP_SCHERMAFDRUK"):
        versie.screenshot(path=os.environ["INKOOP_SCHERMAFDRUK"])
    versie.get_by_role("button", name="Opnieuw proberen").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(f"#versie-{mislukt.pk}").get_by_role("link", name="PDF")).to_be_visible(timeout=60_000)
    mislukt.refresh_from_db()
    assert (mislukt.status, mislukt.fout) == (Rapportversie.Status.KLAAR, "")
    assert Rapportversie.objects.count() == 1
