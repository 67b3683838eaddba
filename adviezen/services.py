"""Write operations of the adviezen app (HackSoft styleguide: services write, selectors read)."""


def concept_advies_maken_uitvoeren(*, melding_id: int):
    """Create the draft advice of a melding; filled in by the Advies model (work in progress)."""
    return None
