from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    """`?pagina=2&per_pagina=100` (at most 500), with `count`, `next`, `previous`, `results`."""

    page_size = 25
    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    max_page_size = 500
    page_query_description = "Het nummer van de pagina (vanaf 1)."
    page_size_query_description = "Aantal resultaten per pagina (standaard 25, hoogstens 500)."
