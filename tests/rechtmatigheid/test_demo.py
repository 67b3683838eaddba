"""rechtmatigheid.demo: the 2024 signals and one 2024 sample, harmless when run twice."""

from io import StringIO

import pytest

from rechtmatigheid import demo
from rechtmatigheid.models import Signaal, Steekproef

pytestmark = pytest.mark.django_db


def test_the_demo_computes_signals_and_draws_one_sample_idempotently(organisatie, grootboek):
    for i in range(70):
        grootboek.regel(grootboek.crediteur(f"1{i:05d}", None), f"{1000 + i * 300}.00")
    demo.laad(organisatie, stdout=StringIO())
    signalen = set(Signaal.objects.values_list("pk", flat=True))
    demo.laad(organisatie, stdout=StringIO())
    assert signalen and set(Signaal.objects.values_list("pk", flat=True)) == signalen
    [sp] = Steekproef.objects.all()
    assert (sp.jaar, sp.omvang, sp.zaad) == (2024, demo.DEMO_OMVANG, demo.DEMO_ZAAD)


def test_without_spend_the_demo_skips_quietly(organisatie):
    uit = StringIO()
    demo.laad(organisatie, stdout=uit)
    assert "overgeslagen" in uit.getvalue()
    assert not Steekproef.objects.exists()
