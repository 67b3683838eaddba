"""Long lists show page numbers around the current page, with … for the pages left out."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string

from inkoop.templatetags.paginering import paginanummers


def test_page_numbers_around_the_current_page_and_at_both_ends():
    pagina = Paginator(range(1000), 10).get_page(6)
    assert paginanummers(pagina) == [1, "…", 4, 5, 6, 7, 8, "…", 100]


def test_the_pagination_links_every_shown_page_and_keeps_the_search():
    pagina = Paginator(range(1000), 10).get_page(6)
    html = render_to_string("inkoop/_paginering.html", {"pagina": pagina, "query": "zoek=bouw"})
    for n in (1, 4, 5, 7, 8, 100):
        assert f'href="?zoek=bouw&amp;pagina={n}"' in html
    assert 'aria-current="page"' in html and "Pagina 6 van 100 (1000 in totaal)" in html


def test_a_single_page_needs_no_pagination():
    assert render_to_string("inkoop/_paginering.html", {"pagina": Paginator(range(5), 10).get_page(1)}).strip() == ""
