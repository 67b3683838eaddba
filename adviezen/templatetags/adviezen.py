"""`{% advies_bij_melding melding as info %}`: the advice block on the melding detail page."""

from django import template

from adviezen.models import Advies
from adviezen.selectors import advies_weergave

register = template.Library()


@register.simple_tag(takes_context=True)
def advies_bij_melding(context, melding):
    request = context.get("request")
    user = getattr(request, "user", None)
    versies = list(melding.adviezen.select_related("beleid", "uitgebracht_door", "geaccepteerd_door")
                   .order_by("-versie"))
    uitgebracht = next((v for v in versies if v.status == Advies.Status.UITGEBRACHT), None)
    concept = next((v for v in versies if v.status == Advies.Status.CONCEPT), None)
    is_inkoop = bool(user and user.has_perm("adviezen.overzicht"))
    # Inkoop works on the newest draft; everyone else sees the issued advice only.
    getoond = (concept or uitgebracht) if is_inkoop else uitgebracht
    if getoond is not None and user is not None and not user.has_perm("adviezen.bekijken", getoond):
        getoond = None
    mag = {p: bool(getoond and user.has_perm(f"adviezen.{p}", getoond))
           for p in ("bewerken", "uitbrengen", "accepteren", "vraag_stellen", "brief", "nieuwe_versie")}
    return {
        "advies": getoond,
        "uitgebracht": uitgebracht,
        "concept": concept if is_inkoop else None,
        "weergave": advies_weergave(getoond) if getoond else None,
        "mag": mag,
        "is_inkoop": is_inkoop,
        "kan_berekenen": bool(user and user.has_perm("adviezen.concept_maken", melding)) and not versies,
        "aantal_versies": len([v for v in versies if is_inkoop or v.status != Advies.Status.CONCEPT]),
    }
