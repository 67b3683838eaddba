"""Permissions of the API: every member may make tokens for themselves (a token has exactly the
rights its user has in its organisation, so it grants nothing new)."""

import rules

from inkoop.rules import is_lid

rules.add_perm("api.tokens_beheren", is_lid)
