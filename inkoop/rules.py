"""Permission rules (django-rules): role rules plus object rules.

Role rules read the user's role in the active organisation (set by OrganisatieMiddleware).
Object rules add that a record must belong to that organisation, and for a budgethouder that it
is theirs or their afdeling's. Apps add their own permissions in their own rules.py.
"""

import rules

from .models import Rol


def heeft_rol(*rollen):
    @rules.predicate(name=f"heeft_rol({','.join(rollen)})")
    def predicaat(user):
        return bool(getattr(user, "is_authenticated", False)) and getattr(user, "rol", None) in rollen

    return predicaat


is_budgethouder = heeft_rol(Rol.BUDGETHOUDER)
is_inkoper = heeft_rol(Rol.INKOPER)
is_controller = heeft_rol(Rol.CONTROLLER)
is_beheerder = heeft_rol(Rol.BEHEERDER)
is_lid = heeft_rol(*Rol.values)


@rules.predicate
def zelfde_organisatie(user, obj):
    if obj is None:
        return True
    org = getattr(user, "organisatie", None)
    return org is not None and getattr(obj, "organisatie_id", None) == org.id


rules.add_perm("inkoop.wissel_organisatie", is_lid)
rules.add_perm("inkoop.gebruikers_beheren", is_beheerder)
