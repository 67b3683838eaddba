"""The controller's import in the browser: upload one or more files, see the check (a dry run)
first, then "Importeren" runs the import as a Celery task, with progress and a summary."""

import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from uitgaven.models import Crediteur, Factuurregel, Importrun

from .conftest import FACTUREN, KOP_FACTUREN, STAM


def _bestanden(slecht=False):
    uit = [SimpleUploadedFile(naam, ("\r\n".join(regels) + "\r\n").encode("utf-8-sig"), "text/csv")
           for naam, regels in STAM.items()]
    facturen = [KOP_FACTUREN, *FACTUREN] + (["2024;01-01-2024;X-1;100001;KP01;1;x;twee euro"] if slecht else [])
    uit.append(SimpleUploadedFile("facturen 2024.csv", ("\r\n".join(facturen)).encode("cp1252"), "text/csv"))
    return uit


@pytest.mark.django_db
def test_the_upload_is_checked_first_and_imported_after_confirmation(client_als, organisatie, settings,
                                                                      django_capture_on_commit_callbacks):
    client = client_als("controller")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("uitgaven:import"), {"bestanden": _bestanden()})
    controle = Importrun.objects.get(organisatie=organisatie)
    assert antwoord["Location"] == reverse("uitgaven:importrun", args=[controle.pk])
    assert controle.proefrun and controle.status == Importrun.Status.GECONTROLEERD
    assert controle.aantallen["facturen"]["nieuw"] == 4
    assert not Crediteur.objects.filter(organisatie=organisatie).exists()
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "De bestanden zijn in orde" in pagina and "facturen 2024.csv" in pagina

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("uitgaven:importrun_importeren", args=[controle.pk]))
    run = Importrun.objects.get(organisatie=organisatie, proefrun=False)
    assert antwoord["Location"] == reverse("uitgaven:importrun", args=[run.pk])
    assert run.status == Importrun.Status.GESLAAGD and run.controle == controle
    assert run.gestart_door.username == "controller-testdorp"
    assert Factuurregel.objects.filter(organisatie=organisatie).count() == 4
    assert [b["sha256"] for b in run.bestanden] == [b["sha256"] for b in controle.bestanden]
    # Imported: the uploads are gone, their checksums stay on record.
    assert not any((Path(settings.MEDIA_ROOT) / b["pad"]).exists() for b in run.bestanden)
    assert "De uitgaven zijn geïmporteerd" in client.get(antwoord["Location"]).content.decode()
    # The checked files cannot be imported a second time from the same check.
    assert "Deze bestanden zijn al geïmporteerd" in client.get(reverse("uitgaven:importrun", args=[controle.pk])).content.decode()
    client.post(reverse("uitgaven:importrun_importeren", args=[controle.pk]))
    assert Importrun.objects.filter(organisatie=organisatie).count() == 2


@pytest.mark.django_db
def test_a_check_with_problems_lists_them_and_offers_no_import(client_als, organisatie,
                                                                django_capture_on_commit_callbacks):
    client = client_als("controller")
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("uitgaven:import"), {"bestanden": _bestanden(slecht=True)})
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "Er is niets opgeslagen." in pagina
    assert "facturen 2024.csv:6: bedrag_excl_btw: ‘twee euro’ is geen bedrag" in pagina
    assert reverse("uitgaven:importrun_importeren", args=[Importrun.objects.get().pk]) not in pagina
    antwoord = client.post(reverse("uitgaven:importrun_importeren", args=[Importrun.objects.get().pk]))
    assert Importrun.objects.count() == 1


@pytest.mark.django_db
def test_files_together_over_the_limit_are_refused(client_als, organisatie, settings):
    settings.UPLOAD_MAX_BYTES = 100
    antwoord = client_als("controller").post(reverse("uitgaven:import"), {"bestanden": _bestanden()})
    assert antwoord.status_code == 400
    assert "het maximum is" in antwoord.content.decode()
    assert not Importrun.objects.exists()


@pytest.mark.django_db
def test_an_upload_far_over_the_limit_is_refused_before_it_is_read(client_als, organisatie, settings):
    settings.UPLOAD_MAX_BYTES = 100
    groot = SimpleUploadedFile("groot.csv", b"x" * (2 * 1024 * 1024), "text/csv")
    antwoord = client_als("controller").post(reverse("uitgaven:import"), {"bestanden": [groot]})
    assert antwoord.status_code == 413
    assert "De upload is groter dan" in antwoord.content.decode()
    assert not Importrun.objects.exists()


@pytest.mark.django_db
def test_no_file_is_an_error_on_the_form(client_als, organisatie):
    antwoord = client_als("controller").post(reverse("uitgaven:import"), {})
    assert antwoord.status_code == 400
    assert "Kies ten minste één bestand." in antwoord.content.decode()
    assert not Importrun.objects.exists()


@pytest.mark.django_db
def test_the_progress_bar_polls_while_running_and_reloads_when_done(client_als, organisatie, controller):
    run = Importrun.objects.create(organisatie=organisatie, status=Importrun.Status.BEZIG, voortgang=42,
                                   stap="Facturen verwerken")
    client = client_als("controller")
    antwoord = client.get(reverse("uitgaven:importrun_voortgang", args=[run.pk]))
    html = antwoord.content.decode()
    assert 'hx-trigger="every 1s"' in html and 'data-pct="42"' in html and "Facturen verwerken" in html
    assert "HX-Refresh" not in antwoord
    run.status, run.voortgang = Importrun.Status.GESLAAGD, 100
    run.save()
    antwoord = client.get(reverse("uitgaven:importrun_voortgang", args=[run.pk]))
    assert antwoord["HX-Refresh"] == "true" and "hx-trigger" not in antwoord.content.decode()


@pytest.mark.django_db
def test_the_task_is_safe_to_run_twice(client_als, organisatie, django_capture_on_commit_callbacks):
    from uitgaven.tasks import import_uitvoeren

    with django_capture_on_commit_callbacks(execute=True):
        client_als("controller").post(reverse("uitgaven:import"), {"bestanden": _bestanden()})
    run = Importrun.objects.get()
    assert import_uitvoeren(run.pk) is False  # already done: nothing happens
    assert Importrun.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_check(celery_worker, organisatie, maak_gebruiker, client):
    client.force_login(maak_gebruiker(organisatie, "controller"))
    antwoord = client.post(reverse("uitgaven:import"), {"bestanden": _bestanden()})
    run = Importrun.objects.get(pk=int(antwoord["Location"].rstrip("/").split("/")[-1]))
    for _ in range(200):
        run.refresh_from_db()
        if not run.loopt:
            break
        time.sleep(0.1)
    assert run.status == Importrun.Status.GECONTROLEERD, run.fouten
    assert run.aantallen["crediteuren"]["nieuw"] == 5
