import pytest
from django.core import mail

from inkoop.models import Notificatie
from inkoop.services import notificeren
from inkoop.tasks import notificatie_mailen


@pytest.mark.django_db
def test_a_notification_is_stored_and_mailed_once_after_commit(organisatie, inkoper,
                                                               django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        n = notificeren(organisatie=organisatie, ontvanger=inkoper, onderwerp="Nieuwe melding", url="/m/1/")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [inkoper.email]
    # Running the task again sends nothing more.
    assert notificatie_mailen(n.id) is False
    assert len(mail.outbox) == 1
    assert Notificatie.objects.get(pk=n.pk).gemaild_op is not None


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_the_notification_mail(organisatie, inkoper, celery_worker):
    n = Notificatie.objects.create(organisatie=organisatie, ontvanger=inkoper, onderwerp="Via de worker")
    assert notificatie_mailen.delay(n.id).get(timeout=20) is True
    assert mail.outbox[-1].subject == "Via de worker"
