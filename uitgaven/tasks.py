from celery import shared_task

from .services import import_uitvoeren_service, importruns_nakijken


@shared_task(acks_late=True)
def import_uitvoeren(importrun_id: int) -> bool:
    """Run a queued import (dry run or real); thin: the service does the work and is idempotent."""
    return import_uitvoeren_service(importrun_id=importrun_id)


@shared_task
def importruns_controleren() -> dict:
    """Celery beat: runs whose worker died are marked failed; runs never queued are queued again."""
    return importruns_nakijken()
