"""A line break in a melding's title cannot drop Inkoop's e-mail or add a header to it."""

import pytest
from django.core import mail

from inkoop.models import Notificatie
from inkoop.services import notificatie_mailen_uitvoeren, notificeren


@pytest.mark.django_db
def test_a_subject_with_line_breaks_is_sent_as_one_line(organisatie, inkoper, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        n = notificeren(organisatie=organisatie, ontvanger=inkoper,
                        onderwerp="Nieuwe inkoopmelding 2024-0001: Laptops\r\nBcc: iedereen@example.org\x07")
    assert n.onderwerp == "Nieuwe inkoopmelding 2024-0001: Laptops Bcc: iedereen@example.org"
    assert [m.subject for m in mail.outbox] == [n.onderwerp]
    assert mail.outbox[0].message()["Bcc"] is None
    assert Notificatie.objects.get(pk=n.pk).gemaild_op is not None


@pytest.mark.django_db
def test_a_stored_subject_with_a_line_break_is_still_mailed(organisatie, inkoper):
    # Written before the rule held (or by another route): the mail goes out all the same.
    n = Notificatie.objects.create(organisatie=organisatie, ontvanger=inkoper, onderwerp="Titel\nmet regeleinde")
    assert notificatie_mailen_uitvoeren(notificatie_id=n.pk) is True
    assert mail.outbox[-1].subject == "Titel met regeleinde"
