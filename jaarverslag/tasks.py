"""Celery tasks of the jaarverslag app: thin, take an id, call one service, safe to run twice."""

from celery import shared_task


@shared_task(acks_late=True)
def rapport_genereren(versie_id: int):
    """Generate the PDF, JSON and XLSX of a concept version (queued by versie_genereren_starten)."""
    from .services import versie_genereren_uitvoeren

    versie = versie_genereren_uitvoeren(versie_id=versie_id)
    return versie.pk if versie is not None else None


@shared_task
def rapportversies_controleren() -> dict:
    """Celery beat: versions whose worker died are marked failed; versions never queued are queued."""
    from .services import rapportversies_nakijken

    return rapportversies_nakijken()
