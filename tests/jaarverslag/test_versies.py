"""Generating a version (Celery task, progress row) and publishing it (frozen files, SHA-256)."""

import hashlib

import pytest
from django.urls import reverse

from jaarverslag.models import Rapportversie
from jaarverslag.services import (
    OpnieuwNietMogelijk,
    PublicerenNietMogelijk,
    versie_genereren_starten,
    versie_genereren_uitvoeren,
    versie_opnieuw,
    versie_publiceren,
)


def _genereer(org, door, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        versie = versie_genereren_starten(organisatie=org, jaar=2024, door=door)
    versie.refresh_from_db()
    return versie


def _bytes(veld):
    with veld.open("rb") as f:
        return f.read()


def test_the_task_stores_pdf_json_and_xlsx_with_their_checksums(klein, controller, django_capture_on_commit_callbacks):
    versie = _genereer(klein, controller, django_capture_on_commit_callbacks)
    assert (versie.status, versie.voortgang, versie.stap) == ("klaar", 100, "Klaar")
    assert _bytes(versie.pdf).startswith(b"%PDF")
    assert hashlib.sha256(_bytes(versie.pdf)).hexdigest() == versie.sha256_pdf
    assert hashlib.sha256(_bytes(versie.json)).hexdigest() == versie.sha256_json
    assert versie.paginas >= 10 and versie.nummer is None


def test_running_the_task_twice_changes_nothing(klein, controller, django_capture_on_commit_callbacks):
    versie = _genereer(klein, controller, django_capture_on_commit_callbacks)
    versie_genereren_uitvoeren(versie_id=versie.pk)
    versie2 = Rapportversie.objects.get(pk=versie.pk)
    assert versie2.sha256_pdf == versie.sha256_pdf and versie2.pdf.name == versie.pdf.name


def test_publishing_numbers_versions_per_year_and_keeps_earlier_ones(klein, controller,
                                                                     django_capture_on_commit_callbacks):
    eerste = versie_publiceren(versie=_genereer(klein, controller, django_capture_on_commit_callbacks),
                               door=controller)
    tweede = versie_publiceren(versie=_genereer(klein, controller, django_capture_on_commit_callbacks),
                               door=controller)
    assert (eerste.nummer, tweede.nummer) == (1, 2)
    assert eerste.gepubliceerd_door == controller and eerste.gepubliceerd_op is not None
    eerste.refresh_from_db()
    assert _bytes(eerste.pdf).startswith(b"%PDF")
    with pytest.raises(PublicerenNietMogelijk):
        versie_publiceren(versie=eerste, door=controller)


def test_a_tampered_file_cannot_be_published(klein, controller, django_capture_on_commit_callbacks):
    versie = _genereer(klein, controller, django_capture_on_commit_callbacks)
    with open(versie.json.path, "ab") as f:
        f.write(b" ")
    with pytest.raises(PublicerenNietMogelijk, match="gewijzigd"):
        versie_publiceren(versie=versie, door=controller)
    versie.refresh_from_db()
    assert versie.nummer is None


def test_an_unfinished_version_cannot_be_published(klein, controller):
    versie = Rapportversie.objects.create(organisatie=klein, jaar=2024)
    with pytest.raises(PublicerenNietMogelijk):
        versie_publiceren(versie=versie, door=controller)


def test_the_controller_generates_polls_downloads_and_publishes_in_the_browser(
        klein, client_als, django_capture_on_commit_callbacks):
    client = client_als("controller")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post("/jaarverslag/genereren/", {"jaar": "2024"})
    assert antwoord.status_code == 302
    versie = Rapportversie.objects.get(organisatie=klein)
    voortgang = client.get(f"/jaarverslag/versies/{versie.pk}/voortgang/").content.decode()
    assert "hx-trigger" not in voortgang and "Publiceren" in voortgang  # done: polling stops
    pdf = client.get(f"/jaarverslag/versies/{versie.pk}/bestand/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert client.post(f"/jaarverslag/versies/{versie.pk}/publiceren/").status_code == 302
    versie.refresh_from_db()
    assert versie.nummer == 1


def test_a_running_version_is_polled_with_a_progress_bar(klein, client_als):
    versie = Rapportversie.objects.create(organisatie=klein, jaar=2024, status="bezig", voortgang=30,
                                          stap="Grafieken tekenen")
    html = client_als("inkoper").get(f"/jaarverslag/versies/{versie.pk}/voortgang/").content.decode()
    assert 'hx-trigger="every 1s"' in html and 'data-pct="30"' in html and "Grafieken tekenen" in html


def test_the_inkoper_cannot_publish(klein, client_als, controller, django_capture_on_commit_callbacks):
    versie = _genereer(klein, controller, django_capture_on_commit_callbacks)
    assert client_als("inkoper").post(f"/jaarverslag/versies/{versie.pk}/publiceren/").status_code == 403


@pytest.mark.celery_echt
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_generates_the_version(celery_worker, tmp_path, maak_gebruiker):
    from django.db import transaction

    from inkoop.models import Organisatie

    from .grootboek import importeer
    from .klein_grootboek import schrijf

    importeer(schrijf(tmp_path / "g"), "Gemeente Werker")
    org = Organisatie.objects.get(naam="Gemeente Werker")
    door = maak_gebruiker(org, "controller")
    with transaction.atomic():
        versie = versie_genereren_starten(organisatie=org, jaar=2024, door=door)
    import time

    for _ in range(120):
        versie.refresh_from_db()
        if versie.status in ("klaar", "mislukt"):
            break
        time.sleep(0.5)
    assert versie.status == "klaar", versie.fout


def test_a_failed_version_is_retried_from_the_page_once(klein, controller, client,
                                                         django_capture_on_commit_callbacks):
    mislukt = Rapportversie.objects.create(organisatie=klein, jaar=2024, status=Rapportversie.Status.MISLUKT,
                                           voortgang=100, stap="Mislukt", fout="De verwerking is afgebroken.")
    client.force_login(controller)
    pagina = client.get(reverse("jaarverslag:overzicht"), {"jaar": 2024}).content.decode()
    assert "Opnieuw proberen" in pagina
    url = reverse("jaarverslag:opnieuw", args=[mislukt.pk])
    with django_capture_on_commit_callbacks(execute=True) as taken:
        assert client.post(url).status_code == 302
    assert len(taken) == 1
    mislukt.refresh_from_db()
    assert (mislukt.status, mislukt.fout, mislukt.gestart_door) == ("klaar", "", controller)
    assert _bytes(mislukt.pdf).startswith(b"%PDF")
    # A second click (or a version that did not fail) queues nothing and says why.
    with django_capture_on_commit_callbacks(execute=True) as taken:
        antwoord = client.post(url, follow=True)
    assert taken == []
    assert "Alleen een mislukte conceptversie kan opnieuw worden gemaakt." in antwoord.content.decode()
    assert Rapportversie.objects.count() == 1
    with pytest.raises(OpnieuwNietMogelijk):
        versie_opnieuw(versie=mislukt, door=controller)
