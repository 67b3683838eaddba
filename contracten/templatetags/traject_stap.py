"""`{% volgende_stap advies as stap %}`: the next step after an advice, on the advice and melding pages.

Included by the adviezen templates as adviezen/_bij_melding.html is by the melding page (ADR 0002):
the page to the left shows what the app to its right knows, without importing it.
"""

from django import template

from contracten.selectors import volgende_stap as _volgende_stap

register = template.Library()


@register.simple_tag(takes_context=True)
def volgende_stap(context, advies):
    return _volgende_stap(advies=advies, gebruiker=context["request"].user)
