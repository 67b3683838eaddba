"""Celery tasks of the contracten app: thin, safe to run twice."""

from celery import shared_task

from inkoop.models import Organisatie


@shared_task
def herinneringen_plannen() -> int:
    """Celery beat (daily): queue the reminder run of every organisation."""
    ids = list(Organisatie.objects.values_list("id", flat=True))
    for org_id in ids:
        herinneringen_versturen.delay(org_id)
    return len(ids)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def herinneringen_versturen(organisatie_id: int) -> int:
    """Send the inkoopkalender reminders of one organisation (exactly once per contract + deadline)."""
    from .services import herinneringen_versturen as versturen

    organisatie = Organisatie.objects.filter(pk=organisatie_id).first()
    if organisatie is None:
        return 0
    return versturen(organisatie=organisatie)
