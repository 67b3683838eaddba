"""Template filters for Dutch numbers: {{ bedrag|euro }}, {{ bedrag|euro_centen }}, {{ x|procent }}.

`euro_exact` shows an amount a person typed (or computed from typed amounts) with its cents,
never rounded to whole euros: € 216.000,50 stays ",50"; € 216.000 stays whole."""

from django import template

from inkoop import formatting

register = template.Library()


@register.filter
def euro(waarde):
    return formatting.euro(waarde)


@register.filter
def euro_centen(waarde):
    return formatting.euro(waarde, 2)


@register.filter
def euro_exact(waarde):
    return formatting.euro_exact(waarde)


@register.filter
def procent(waarde, decimalen=0):
    return formatting.procent(waarde, int(decimalen))


@register.filter
def getal(waarde, decimalen=0):
    return formatting.getal(waarde, int(decimalen))


@register.filter
def datum_nl(waarde):
    return formatting.datum(waarde)


@register.filter
def datum_lang(waarde):
    return formatting.datum(waarde, lang=True)
