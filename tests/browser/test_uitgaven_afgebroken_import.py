"""An import whose processing was interrupted says so, with the reason, and offers a retry that
imports the same files; axe finds nothing on the way."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from inkoop import werk
from inkoop.models import Rol
from tests.conftest import WACHTWOORD
from tests.uitgaven.conftest import FACTUREN, KOP_FACTUREN, STAM


@pytest.fixture
def afgebroken(transactional_db, organisatie, maak_gebruiker, django_capture_on_commit_callbacks):
    from uitgaven import services
    from uitgaven.models import Importrun

    carla = maak_gebruiker(organisatie, Rol.CONTROLLER, naam="carla")
    bestanden = [SimpleUploadedFile(n, ("\r\n".join(r) + "\r\n").encode()) for n, r in STAM.items()]
    bestanden.append(SimpleUploadedFile("facturen-2024.csv", ("\r\n".join([KOP_FACTUREN, *FACTUREN])).encode()))
    with django_capture_on_commit_callbacks(execute=True):
        controle = services.import_voorbereiden(organisatie=organisatie, door=carla, bestanden=bestanden)
    controle.refresh_from_db()
    # The import of the check, as a worker that died would leave it: busy, then swept.
    run = Importrun.objects.create(organisatie=organisatie, gestart_door=carla, controle=controle,
                                   status=Importrun.Status.BEZIG, bestanden=controle.bestanden)
    services.importrun_afgebroken(importrun_id=run.pk, reden=werk.AFGEBROKEN)
    return run


def test_an_interrupted_import_shows_the_reason_and_can_be_retried(afgebroken, page, inloggen, axe_controle,
                                                                   live_server):
    from uitgaven.models import Factuurregel

    inloggen("carla", WACHTWOORD)
    page.goto(live_server.url + f"/uitgaven/import/{afgebroken.pk}/")
    expect(page.get_by_text("De verwerking is afgebroken voordat zij klaar was")).to_be_visible()
    expect(page.get_by_text(werk.AFGEBROKEN)).to_be_visible()
    axe_controle(page)
    if os.getenv("INKOOP_SCHERMAFDRUK"):
        page.screenshot(path=os.environ["INKOOP_SCHERMAFDRUK"], full_page=True)
    page.get_by_role("button", name="Opnieuw proberen").click()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_text("De uitgaven zijn geïmporteerd")).to_be_visible()
    assert Factuurregel.objects.count() == len(FACTUREN)
