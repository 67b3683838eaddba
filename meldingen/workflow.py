"""The workflow of an inkoopmelding: which status may follow which, and who moves it.

    concept ─► ingediend ─► in_behandeling ─► advies_uitgebracht ─► traject_gestart ─► gegund ─► afgerond
       │           │              │                   │                    │
       └───────────┴──────────────┴───────────────────┴────────────────────┴─► ingetrokken | vervallen

- concept: the budget holder is still writing; only they (their afdeling) and Inkoop see it.
- ingediend: filed (`melding_indienen`): numbered, Inkoop notified, draft advice queued.
- in_behandeling: an inkoper took it (assignment moves ingediend to in_behandeling).
- advies_uitgebracht: the advice is issued (set by the adviezen app, `adviezen.services`).
- traject_gestart: the procedure runs (set by contracten when a Traject starts, or by hand).
- gegund: awarded; afgerond: the contract is signed and registered, the melding is closed.
- ingetrokken: the budget holder (or Inkoop on their behalf) no longer wants the purchase.
- vervallen: Inkoop closes a melding that lapsed (no reaction, merged with another, no longer
  needed). Both need a written reason, and both are possible from every *open* status: concept
  up to and including traject_gestart. Once awarded (gegund) a purchase can no longer be
  withdrawn: it can only be completed.

Terminal: afgerond, ingetrokken, vervallen. A refused transition raises `OngeldigeOvergang`.
"""

from .models import OPEN_INGEDIEND, Status

OPEN_STATUSSEN = (Status.CONCEPT, *OPEN_INGEDIEND)
# Submitted, still waiting for an advice: what the queue calls "te laat" after N working days.
ZONDER_ADVIES = (Status.INGEDIEND, Status.IN_BEHANDELING)
EINDSTATUSSEN = (Status.AFGEROND, Status.INGETROKKEN, Status.VERVALLEN)

_AFSLUITEN = {Status.INGETROKKEN, Status.VERVALLEN}

OVERGANGEN: dict[str, frozenset[str]] = {
    Status.CONCEPT: frozenset({Status.INGEDIEND} | _AFSLUITEN),
    Status.INGEDIEND: frozenset({Status.IN_BEHANDELING} | _AFSLUITEN),
    Status.IN_BEHANDELING: frozenset({Status.ADVIES_UITGEBRACHT} | _AFSLUITEN),
    Status.ADVIES_UITGEBRACHT: frozenset({Status.TRAJECT_GESTART} | _AFSLUITEN),
    Status.TRAJECT_GESTART: frozenset({Status.GEGUND} | _AFSLUITEN),
    Status.GEGUND: frozenset({Status.AFGEROND}),
    Status.AFGEROND: frozenset(),
    Status.INGETROKKEN: frozenset(),
    Status.VERVALLEN: frozenset(),
}

# A written reason is required for these (the timeline must say why a melding stopped).
TOELICHTING_VERPLICHT = frozenset(_AFSLUITEN)

# Transitions an inkoper makes by hand on the detail page. ingediend is `melding_indienen`;
# in_behandeling follows from assignment; advies_uitgebracht from issuing the advice.
HANDMATIG_INKOPER = (Status.TRAJECT_GESTART, Status.GEGUND, Status.AFGEROND, Status.VERVALLEN,
                     Status.INGETROKKEN)
# ... and a budget holder: withdraw their own melding.
HANDMATIG_BUDGETHOUDER = (Status.INGETROKKEN,)


class OngeldigeOvergang(Exception):
    """A transition the workflow does not allow; the message is a Dutch sentence."""

    def __init__(self, van, naar, tekst=None):
        self.van, self.naar = van, naar
        super().__init__(tekst or (
            f"Een melding met status ‘{Status(van).label.lower()}’ kan niet naar "
            f"‘{Status(naar).label.lower()}’. Mogelijk: "
            + (", ".join(f"‘{Status(s).label.lower()}’" for s in volgende(van)) or "geen (eindstatus)")
            + "."))


def volgende(status) -> list[str]:
    """The statuses that may follow `status`, in workflow order."""
    toegestaan = OVERGANGEN[status]
    return [s for s in Status.values if s in toegestaan]


def mag_overgaan(van, naar) -> bool:
    return naar in OVERGANGEN.get(van, frozenset())
