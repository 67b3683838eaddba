"""Permissions of the jaarverslag app.

- `jaarverslag.bekijken`: the report (HTML, downloads of versions, live XLSX/JSON) and the
  Inkoop dashboard are for the inkoper (afdeling Inkoop writes and uses it) and the controller
  (Finance & Control downloads it for the council; product.md).
- `jaarverslag.genereren`: both may start a generation (a concept version).
- `jaarverslag.publiceren`: only the controller freezes a version for the council.
- `jaarverslag.tekst_bewerken` / `jaarverslag.instellen`: the narrative per chapter and the KPI
  setting belong to afdeling Inkoop (the seed report's "Teksten afdeling Inkoop").
"""

import rules

from inkoop.rules import is_controller, is_inkoper, zelfde_organisatie

rules.add_perm("jaarverslag.bekijken", zelfde_organisatie & (is_inkoper | is_controller))
rules.add_perm("jaarverslag.genereren", zelfde_organisatie & (is_inkoper | is_controller))
rules.add_perm("jaarverslag.publiceren", zelfde_organisatie & is_controller)
rules.add_perm("jaarverslag.tekst_bewerken", zelfde_organisatie & is_inkoper)
rules.add_perm("jaarverslag.instellen", zelfde_organisatie & is_inkoper)
