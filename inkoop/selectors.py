"""Read-only queries of the inkoop core."""

from .models import Notificatie


def ongelezen_notificaties(*, gebruiker, organisatie, aantal: int = 5):
    """The user's unread notifications (newest first) and whether there are more, in one query."""
    qs = Notificatie.objects.filter(ontvanger=gebruiker, organisatie=organisatie, gelezen_op__isnull=True)
    rijen = list(qs.order_by("-aangemaakt_op", "-id")[: aantal + 1])
    return rijen[:aantal], len(rijen) > aantal


def startpagina_gegevens(*, gebruiker) -> dict:
    """What the start page shows: organisation, role, the menu's tiles and unread notifications."""
    notificaties, meer = ([], False)
    if gebruiker.organisatie is not None:
        notificaties, meer = ongelezen_notificaties(gebruiker=gebruiker, organisatie=gebruiker.organisatie)
    return {"organisatie": gebruiker.organisatie, "rol": gebruiker.rol,
            "notificaties": notificaties, "notificaties_meer": meer}
