"""Permissions of the adviezen app (django-rules).

- `adviezen.beleid_beheren`: the beheerder keeps the policy (menu "Beleid").
- `adviezen.overzicht`: the list of advices (inkoper, controller).
- Object rules on an Advies: the inkoper reviews, edits and issues drafts; the controller reads
  everything; the budget holder reads the issued advice on their own (afdeling's) melding, accepts
  it or asks a question. Drafts are Inkoop's working documents: a budget holder never sees one.
"""

import rules

from inkoop.rules import (
    is_beheerder,
    is_budgethouder,
    is_controller,
    is_inkoper,
    zelfde_organisatie,
)
from meldingen.rules import is_eigen_of_afdeling


def _advies(obj):
    return getattr(obj, "advies", obj)


@rules.predicate
def in_organisatie(user, obj):
    return zelfde_organisatie(user, obj)


@rules.predicate
def is_concept(user, obj):
    return obj is None or _advies(obj).status == "concept"


@rules.predicate
def is_uitgebracht(user, obj):
    return obj is None or _advies(obj).status == "uitgebracht"


@rules.predicate
def niet_geaccepteerd(user, obj):
    return obj is None or _advies(obj).geaccepteerd_op is None


@rules.predicate
def niet_concept(user, obj):
    return obj is None or _advies(obj).status != "concept"


@rules.predicate
def eigen_melding(user, obj):
    return obj is None or is_eigen_of_afdeling(user, _advies(obj).melding)


@rules.predicate
def vraag_open(user, obj):
    return obj is None or getattr(obj, "beantwoord_op", None) is None


budgethouder_van_melding = is_budgethouder & eigen_melding

rules.add_perm("adviezen.beleid_beheren", is_beheerder)
rules.add_perm("adviezen.overzicht", is_inkoper | is_controller)
rules.add_perm("adviezen.bekijken", in_organisatie & (is_inkoper | is_controller
                                                      | (budgethouder_van_melding & niet_concept)))
rules.add_perm("adviezen.bewerken", in_organisatie & is_inkoper & is_concept)
rules.add_perm("adviezen.uitbrengen", in_organisatie & is_inkoper & is_concept)
rules.add_perm("adviezen.nieuwe_versie", in_organisatie & is_inkoper & is_uitgebracht)
rules.add_perm("adviezen.accepteren", in_organisatie & budgethouder_van_melding & is_uitgebracht & niet_geaccepteerd)
rules.add_perm("adviezen.vraag_stellen", in_organisatie & budgethouder_van_melding & is_uitgebracht)
rules.add_perm("adviezen.vraag_beantwoorden", in_organisatie & is_inkoper & vraag_open)
# The letter: the issued advice for whoever may read it; a draft letter (marked CONCEPT) for Inkoop.
rules.add_perm("adviezen.brief", in_organisatie & (is_inkoper | is_controller | (budgethouder_van_melding & niet_concept)))


@rules.predicate
def melding_ingediend(user, melding):
    return melding is None or melding.status not in ("concept", "ingetrokken", "vervallen")


# Compute the draft by hand (obj = Inkoopmelding) when the background task has not run.
rules.add_perm("adviezen.concept_maken", is_inkoper & in_organisatie & melding_ingediend)
