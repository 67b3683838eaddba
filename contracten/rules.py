"""Permissions of the contracten app.

- `contracten.bekijken`: inkoper and controller see all trajecten and contracts of the
  organisation; a budgethouder sees those of their own afdeling and the contracts they own
  (they are the contract owner and get the calendar reminders).
- `contracten.beheren`: the inkoper records trajecten, contracts, MVOI, SROI, Bibob, complaints.
- `contracten.traject_starten` (obj = an advice): once the budget holder accepted the advice,
  the inkoper starts its traject; the budget holder does so for their own melding when the
  policy lets them run that procedure themselves (Beleid.traject_door_budgethouder).
- `contracten.werkpakt_bekijken` / `contracten.werkpakt_beheren`: the Werkpakt register is
  readable for every role (budget holders look for keurmerk holders to invite) and kept by the
  inkoper and the beheerder (product.md: the beheerder configures Werkpakt keurmerk holders).
"""

import rules

from inkoop.rules import (
    is_beheerder,
    is_budgethouder,
    is_controller,
    is_inkoper,
    is_lid,
    zelfde_organisatie,
)


@rules.predicate
def eigen_of_van_afdeling(user, obj):
    """A budgethouder's own records: their afdeling's, or a contract they own."""
    if obj is None:
        return True
    afdeling = getattr(user, "afdeling", "")
    if afdeling and getattr(obj, "afdeling", "") == afdeling:
        return True
    return getattr(obj, "eigenaar_id", None) == user.pk


@rules.predicate
def advies_geaccepteerd(user, advies):
    return advies is not None and advies.status == "uitgebracht" and advies.geaccepteerd_op is not None


@rules.predicate
def eigen_advies_zelf_uitvoeren(user, advies):
    from .selectors import traject_door_budgethouder

    return advies.melding.budgethouder_id == user.pk and traject_door_budgethouder(advies)


kan_bekijken = zelfde_organisatie & (is_inkoper | is_controller | (is_budgethouder & eigen_of_van_afdeling))

rules.add_perm("contracten.bekijken", kan_bekijken)
rules.add_perm("contracten.beheren", zelfde_organisatie & is_inkoper)
rules.add_perm("contracten.traject_starten", zelfde_organisatie & advies_geaccepteerd
               & (is_inkoper | (is_budgethouder & eigen_advies_zelf_uitvoeren)))
rules.add_perm("contracten.werkpakt_bekijken", is_lid)
rules.add_perm("contracten.werkpakt_beheren", zelfde_organisatie & (is_inkoper | is_beheerder))
# The organisation-wide figures (MVOI self-evaluation, SROI totals): not for a budgethouder, who
# sees only their own contracts.
rules.add_perm("contracten.cijfers_bekijken", is_inkoper | is_controller)
