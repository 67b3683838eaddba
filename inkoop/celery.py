import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inkoop.settings.dev")

app = Celery("inkoop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _geheugengrens(**_kwargs):
    """A hard memory limit per worker process: a task that grows past it fails with MemoryError
    (its run is marked failed) instead of the kernel killing the whole worker.

    Only in a forked pool child: the solo pool (an embedded or test worker) sends this signal in
    the main process, and a limit there would bind that whole process and every program it
    starts afterwards (Chromium reserves far more address space and dies at launch).
    """
    import resource

    from billiard import current_process
    from django.conf import settings

    if current_process().name == "MainProcess":
        return

    mb = getattr(settings, "CELERY_TAAK_GEHEUGEN_MB", 0)
    if mb:
        _zacht, hard = resource.getrlimit(resource.RLIMIT_AS)
        grens = mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (grens if hard == resource.RLIM_INFINITY else min(grens, hard), hard))
