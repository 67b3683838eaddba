"""Permissions of the contracten app.

- `contracten.bekijken`: inkoper and controller see all trajecten and contracts of the
  organisation; a budgethouder sees those of their own afdeling and the contracts they own
  (they are the contract owner and get the calendar reminders).
- `contracten.beheren`: the inkoper records trajecten, contracts, MVOI, SROI, Bibob, complaints.
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


kan_bekijken = zelfde_organisatie & (is_inkoper | is_controller | (is_budgethouder & eigen_of_van_afdeling))

rules.add_perm("contracten.bekijken", kan_bekijken)
rules.add_perm("contracten.beheren", zelfde_organisatie & is_inkoper)
rules.add_perm("contracten.werkpakt_bekijken", is_lid)
rules.add_perm("contracten.werkpakt_beheren", zelfde_organisatie & (is_inkoper | is_beheerder))
# The organisation-wide figures (MVOI self-evaluation, SROI totals): not for a budgethouder, who
# sees only their own contracts.
rules.add_perm("contracten.cijfers_bekijken", is_inkoper | is_controller)
