import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_health_endpoint_reports_the_database(client):
    antwoord = client.get(reverse("gezondheid"))
    assert antwoord.status_code == 200
    assert antwoord.json()["database"] == "ok"


@pytest.mark.django_db
def test_health_endpoint_fails_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    from inkoop.celery import app

    app.conf.broker_url = settings.CELERY_BROKER_URL
    try:
        antwoord = client.get(reverse("gezondheid"))
    finally:
        app.conf.broker_url = None
    assert antwoord.status_code == 503
    assert antwoord.json()["broker"].startswith("fout")
