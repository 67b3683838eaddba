"""The list pages run a fixed number of queries, whatever the number of meldingen."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meldingen.models import Vraag

from .factories import MeldingFactory

# Session, user, membership (middleware), the page's own queries (counts, paginator count, the
# page's keys, its rows),
# unread notifications, the menu's permission checks, and one for the policy in force (melding
# threshold, resp. advice term: beleid.selectors.beleid_voor without details). Fixed: it does not
# grow with the rows.
# (An empty page is one query less: Django does not query a slice of length zero; the fixtures
# always put rows on every tab.)
MIJN_QUERIES = 11
WERKVOORRAAD_QUERIES = 15


def _vul(organisatie, budgethouder, inkoper, aantal):
    nu = timezone.now()
    for i in range(aantal):
        m = MeldingFactory(organisatie=organisatie, budgethouder=budgethouder, ingediend=True,
                           ingediend_op=nu - timedelta(days=20 * i), inkoper=inkoper if i % 2 else None,
                           status="in_behandeling" if i % 2 else "ingediend")
        if i % 3 == 0:
            Vraag.objects.create(melding=m, tekst="Vraag?", gesteld_door=inkoper)
    MeldingFactory(organisatie=organisatie, budgethouder=budgethouder)  # a concept


def _aantal(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("tab", ["nieuw", "mijn", "wacht", "te_laat", "open", "alle"])
def test_the_queue_runs_a_fixed_number_of_queries(tab, client, organisatie, budgethouder, inkoper,
                                                  django_assert_num_queries):
    client.force_login(inkoper)
    url = reverse("meldingen:werkvoorraad") + f"?tab={tab}&sortering=waarde"
    _vul(organisatie, budgethouder, inkoper, 3)
    with django_assert_num_queries(WERKVOORRAAD_QUERIES):
        client.get(url)
    _vul(organisatie, budgethouder, inkoper, 40)
    with django_assert_num_queries(WERKVOORRAAD_QUERIES):
        client.get(url)


@pytest.mark.django_db
@pytest.mark.parametrize("groep", ["", "vraag", "concept", "bij_inkoop"])
def test_my_meldingen_run_a_fixed_number_of_queries(groep, client, organisatie, budgethouder, inkoper,
                                                    django_assert_num_queries):
    client.force_login(budgethouder)
    url = reverse("meldingen:mijn") + f"?groep={groep}"
    _vul(organisatie, budgethouder, inkoper, 3)
    with django_assert_num_queries(MIJN_QUERIES):
        client.get(url)
    _vul(organisatie, budgethouder, inkoper, 40)
    with django_assert_num_queries(MIJN_QUERIES):
        client.get(url)


@pytest.mark.django_db
def test_the_lists_are_paginated(client, organisatie, budgethouder, inkoper):
    _vul(organisatie, budgethouder, inkoper, 30)
    client.force_login(inkoper)
    tekst = client.get(reverse("meldingen:werkvoorraad") + "?tab=alle").content.decode()
    assert "Pagina 1 van 2" in tekst
    assert tekst.count('href="/meldingen/') - tekst.count('href="/meldingen/nieuw') - tekst.count(
        'href="/meldingen/werkvoorraad') <= 25 + 1
