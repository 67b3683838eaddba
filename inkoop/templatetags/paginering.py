"""Page numbers for long lists: 1 … 4 5 [6] 7 8 … 40 (Paginator.get_elided_page_range)."""

from django import template

register = template.Library()


@register.filter
def paginanummers(pagina):
    """The page numbers to show around the current page, with "…" where pages are left out."""
    return list(pagina.paginator.get_elided_page_range(pagina.number, on_each_side=2, on_ends=1))
