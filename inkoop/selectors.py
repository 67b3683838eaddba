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


def rolhistorie(*, organisatie, aantal: int = 200) -> list[dict]:
    """Every role given, changed or withdrawn in `organisatie`, newest first, with what it was.

    From the history rows of Lidmaatschap (django-simple-history): one query for the rows, one
    for the previous row of each membership (its previous values), whatever the number of rows.
    """
    from .models import Lidmaatschap, Rol

    historie = Lidmaatschap.history.model
    rijen = list(historie.objects.filter(organisatie=organisatie)
                 .select_related("gebruiker", "history_user").order_by("-history_date", "-history_id")[:aantal])
    # Each row's predecessor (same membership id) among all history rows of the organisation.
    alle = list(historie.objects.filter(organisatie=organisatie, id__in={r.id for r in rijen})
                .order_by("history_date", "history_id").values("history_id", "id", "rol", "afdeling"))
    vorige, laatst = {}, {}
    for rij in alle:
        vorige[rij["history_id"]] = laatst.get(rij["id"])
        laatst[rij["id"]] = rij
    soorten = {"+": "toegekend", "~": "gewijzigd", "-": "ingetrokken"}
    rollen = dict(Rol.choices)
    uit = []
    for r in rijen:
        oud = vorige.get(r.history_id)
        uit.append({
            "wanneer": r.history_date, "gebruiker": r.gebruiker, "door": r.history_user,
            "soort": soorten[r.history_type],
            "rol": rollen.get(r.rol, r.rol), "afdeling": r.afdeling,
            "rol_was": rollen.get(oud["rol"], oud["rol"]) if oud and oud["rol"] != r.rol else "",
            "afdeling_was": oud["afdeling"] if oud and oud["afdeling"] != r.afdeling else None,
        })
    return uit
