"""Read-only queries of the inkoop core."""


def startpagina_gegevens(*, gebruiker) -> dict:
    """What the start page shows: the user's organisation and role; apps add their tiles."""
    return {"organisatie": gebruiker.organisatie, "rol": gebruiker.rol}
