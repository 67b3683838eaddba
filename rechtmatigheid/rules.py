"""Permissions of rechtmatigheid (autodiscovered by django-rules).

The controller (Finance & Control, interne controle) works the signaleringslijst and the
steekproef; the inkoper reads them (and the OCDS export) to act on what they find.
"""

import rules

from inkoop.rules import is_budgethouder, is_controller, is_inkoper

rules.add_perm("rechtmatigheid.bekijken", is_controller | is_inkoper)
rules.add_perm("rechtmatigheid.beoordelen", is_controller)
rules.add_perm("rechtmatigheid.berekenen", is_controller)
rules.add_perm("rechtmatigheid.steekproef_trekken", is_controller)
rules.add_perm("rechtmatigheid.exporteren", is_controller | is_inkoper)
# Preventive: the budget holder and Inkoop see what will become a finding if nobody acts.
rules.add_perm("rechtmatigheid.vooruitblik", is_budgethouder | is_inkoper | is_controller)
