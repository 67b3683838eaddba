from celery import shared_task

from .services import (
    notificatie_mailen_uitvoeren,
    notificaties_nakijken,
    uitnodiging_mailen_uitvoeren,
)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notificatie_mailen(notificatie_id: int) -> bool:
    return notificatie_mailen_uitvoeren(notificatie_id=notificatie_id)


@shared_task
def notificaties_controleren() -> int:
    """Celery beat: queue the e-mails that were never sent (broker or mail server away)."""
    return notificaties_nakijken()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def uitnodiging_mailen(lidmaatschap_id: int) -> bool:
    return uitnodiging_mailen_uitvoeren(lidmaatschap_id=lidmaatschap_id)
