from celery import shared_task

from .services import notificatie_mailen_uitvoeren, uitnodiging_mailen_uitvoeren


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notificatie_mailen(notificatie_id: int) -> bool:
    return notificatie_mailen_uitvoeren(notificatie_id=notificatie_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def uitnodiging_mailen(lidmaatschap_id: int) -> bool:
    return uitnodiging_mailen_uitvoeren(lidmaatschap_id=lidmaatschap_id)
