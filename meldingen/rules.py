"""Permissions of the meldingen app (django-rules), used by the menu and the views.

Role rules: `meldingen.bekijk_eigen` (budgethouder: "Mijn meldingen"), `meldingen.aanmaken`
(budgethouder; an inkoper may file on behalf), `meldingen.behandelen` (inkoper: the queue).
Object rules: a budgethouder sees their own meldingen and those of their afdeling; inkoper and
controller see all of their organisation; nobody sees another organisation's (views also look
records up within request.organisatie, so those give 404).
"""

import rules

from inkoop.rules import is_budgethouder, is_controller, is_inkoper, zelfde_organisatie

from .models import Status
from .workflow import HANDMATIG_BUDGETHOUDER, HANDMATIG_INKOPER, OPEN_STATUSSEN


def _melding(obj):
    # Rules on a Vraag or Bijlage ask about their melding.
    return getattr(obj, "melding", obj)


@rules.predicate
def is_eigen_of_afdeling(user, obj):
    if obj is None:
        return True
    m = _melding(obj)
    if m.budgethouder_id == user.pk:
        return True
    # Exact, as selectors._eigen_of_afdeling (an index lookup): the afdeling of a melding is
    # copied from the budget holder's membership when it is created.
    afdeling = (getattr(user, "afdeling", "") or "").strip()
    return bool(afdeling) and afdeling == (m.afdeling or "").strip()


@rules.predicate
def is_eigenaar(user, obj):
    """The budget holder the melding is for, or whoever typed it in (an inkoper on their behalf)."""
    if obj is None:
        return True
    m = _melding(obj)
    return user.pk in (m.budgethouder_id, m.aangemaakt_door_id)


@rules.predicate
def in_organisatie(user, obj):
    return zelfde_organisatie(user, _melding(obj) if obj is not None else None)


@rules.predicate
def is_concept(user, obj):
    return obj is None or _melding(obj).status == Status.CONCEPT


@rules.predicate
def is_open(user, obj):
    return obj is None or _melding(obj).status in OPEN_STATUSSEN


@rules.predicate
def is_ingediend_en_open(user, obj):
    return obj is None or _melding(obj).status in OPEN_STATUSSEN[1:]


@rules.predicate
def vraag_is_open(user, obj):
    return obj is None or getattr(obj, "beantwoord_op", None) is None


ziet_alles = is_inkoper | is_controller
mag_bekijken = in_organisatie & (ziet_alles | (is_budgethouder & is_eigen_of_afdeling))

rules.add_perm("meldingen.bekijk_eigen", is_budgethouder)
rules.add_perm("meldingen.aanmaken", is_budgethouder | is_inkoper)
rules.add_perm("meldingen.behandelen", is_inkoper)
# Object rules (obj = Inkoopmelding, or a Vraag/Bijlage for their melding).
rules.add_perm("meldingen.bekijken", mag_bekijken)
rules.add_perm("meldingen.wijzigen", in_organisatie & is_concept
               & (is_inkoper | (is_budgethouder & is_eigen_of_afdeling)))
rules.add_perm("meldingen.indienen", in_organisatie & is_concept
               & (is_inkoper | (is_budgethouder & is_eigen_of_afdeling)))
# A concept nobody else has seen yet: its owner may throw it away (submitted ones are withdrawn).
rules.add_perm("meldingen.verwijderen", in_organisatie & is_concept & is_eigenaar
               & (is_inkoper | is_budgethouder))
rules.add_perm("meldingen.intrekken", in_organisatie & is_open
               & (is_inkoper | (is_budgethouder & is_eigen_of_afdeling)))
rules.add_perm("meldingen.status_wijzigen", in_organisatie & (is_inkoper | (is_budgethouder & is_eigen_of_afdeling)))
rules.add_perm("meldingen.toewijzen", in_organisatie & is_inkoper & is_ingediend_en_open)
rules.add_perm("meldingen.vraag_stellen", in_organisatie & is_inkoper & is_ingediend_en_open)
rules.add_perm("meldingen.vraag_beantwoorden", mag_bekijken & vraag_is_open
               & (is_inkoper | is_budgethouder))
rules.add_perm("meldingen.bijlage_bekijken", mag_bekijken)
rules.add_perm("meldingen.bijlage_toevoegen", mag_bekijken & is_open & (is_inkoper | is_budgethouder))
rules.add_perm("meldingen.bijlage_verwijderen", in_organisatie & is_concept
               & (is_inkoper | (is_budgethouder & is_eigen_of_afdeling)))


def handmatige_overgangen(user, melding) -> list[str]:
    """The transitions this user may make by hand on the detail page (buttons)."""
    from .workflow import mag_overgaan

    if not user.has_perm("meldingen.status_wijzigen", melding):
        return []
    kandidaten = HANDMATIG_INKOPER if is_inkoper(user) else HANDMATIG_BUDGETHOUDER
    return [s for s in kandidaten if mag_overgaan(melding.status, s)]
