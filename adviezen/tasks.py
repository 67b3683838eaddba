"""Celery tasks of the adviezen app: thin, take an id, call one service, safe to run twice."""

from celery import shared_task


@shared_task
def concept_advies_maken(melding_id: int):
    """Compute the draft advice for a submitted melding (queued by meldingen.services.melding_indienen
    with transaction.on_commit). Idempotent: an existing draft for the same facts is kept."""
    from .services import concept_advies_maken_uitvoeren

    advies = concept_advies_maken_uitvoeren(melding_id=melding_id)
    return advies.pk if advies is not None else None


@shared_task
def concept_adviezen_controleren() -> int:
    """Celery beat: submitted meldingen without a draft advice (the broker was away when they were
    submitted) get their draft advice queued now."""
    from .services import concept_adviezen_nakijken

    return concept_adviezen_nakijken()
