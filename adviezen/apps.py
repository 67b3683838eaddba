from django.apps import AppConfig


def _concept_advies_in_wachtrij(melding_id: int) -> None:
    from inkoop.wachtrij import in_wachtrij

    from .tasks import concept_advies_maken

    # A broker that is away does not fail the submit: adviezen's sweep queues it later.
    in_wachtrij(concept_advies_maken, melding_id)


class AdviezenConfig(AppConfig):
    name = "adviezen"

    def ready(self):
        # A submitted melding starts the draft advice (ADR 0002, meldingen/hooks.py).
        from meldingen.hooks import na_indienen

        na_indienen(_concept_advies_in_wachtrij)
