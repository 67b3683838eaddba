"""/gezondheid says when no worker answers (advice, e-mail, imports and reports then wait)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_health_check_reports_a_missing_worker_and_a_running_one(client, broker, worker, settings):
    settings.CELERY_BROKER_URL = broker
    zonder = client.get(reverse("gezondheid"))
    assert zonder.status_code == 200  # the web itself serves; the load balancer keeps it
    assert zonder.json()["status"] == "waarschuwing"
    assert zonder.json()["worker"].startswith("fout: geen worker antwoordt")

    worker.start()
    met = client.get(reverse("gezondheid")).json()
    assert (met["status"], met["broker"], met["worker"]) == ("ok", "ok", "ok (1)")
