"""Template helpers for meldingen: status badges and the next step in plain Dutch."""

from django import template
from django.utils import timezone

from meldingen.models import Status

register = template.Library()

KLASSEN = {
    Status.CONCEPT: "text-bg-light border",
    Status.INGEDIEND: "text-bg-warning",
    Status.IN_BEHANDELING: "text-bg-info",
    Status.ADVIES_UITGEBRACHT: "text-bg-primary",
    Status.TRAJECT_GESTART: "text-bg-primary",
    Status.GEGUND: "text-bg-success",
    Status.AFGEROND: "text-bg-success",
    Status.INGETROKKEN: "text-bg-secondary",
    Status.VERVALLEN: "text-bg-secondary",
}


@register.inclusion_tag("meldingen/_status.html")
def status_badge(melding):
    return {"klasse": KLASSEN.get(melding.status, "text-bg-light"), "label": melding.get_status_display()}


@register.simple_tag
def volgende_stap(melding) -> str:
    """What the budget holder waits for, or has to do, now."""
    if getattr(melding, "wacht_op_budgethouder", False):
        return "Inkoop heeft een vraag aan u"
    return {
        Status.CONCEPT: "Maak af en dien in",
        Status.INGEDIEND: "Wacht op Inkoop",
        Status.IN_BEHANDELING: "Inkoop stelt het advies op",
        Status.ADVIES_UITGEBRACHT: "Lees het advies en start de inkoop",
        Status.TRAJECT_GESTART: "Inkooptraject loopt",
        Status.GEGUND: "Opdracht gegund",
        Status.AFGEROND: "Klaar",
        Status.INGETROKKEN: "Ingetrokken",
        Status.VERVALLEN: "Vervallen",
    }.get(melding.status, "")


@register.filter
def is_te_laat(melding, grens) -> bool:
    return (melding.status in (Status.INGEDIEND, Status.IN_BEHANDELING) and melding.ingediend_op is not None
            and melding.ingediend_op < grens)


@register.filter
def lokaal(moment):
    return timezone.localtime(moment) if moment else moment
