"""Who may do what with spend data (product.md: controller imports, inkoper classifies)."""

import rules

from inkoop.rules import is_beheerder, is_controller, is_inkoper

rules.add_perm("uitgaven.importeren", is_controller)
rules.add_perm("uitgaven.classificeren", is_inkoper)
rules.add_perm("uitgaven.bekijken", is_controller | is_inkoper)
# The soort of an inkooppakket decides which band applies to its spend (signalen).
rules.add_perm("uitgaven.pakketten_beheren", is_inkoper | is_beheerder)
