"""Two imports of the same file at the same time on PostgreSQL: they run one after the other, and
nothing is doubled."""

import threading

import pytest
from django.db import connection, connections

from uitgaven.models import Factuurregel, Jaaromzet

from .conftest import FACTUREN, KOP_FACTUREN, schrijf


@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_of_the_same_file_double_nothing(stam, importeer, organisatie, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("gelijktijdigheid alleen op PostgreSQL (SQLite heeft één schrijver)")
    regels = [KOP_FACTUREN, *FACTUREN] + [f"2024;01-03-2024;G-{i};100001;KP01;1;Zorg;{i},00" for i in range(500)]
    bestand = schrijf(tmp_path / "facturen.csv", regels)
    assert importeer(stam).code == 0
    uitkomsten, start = [], threading.Barrier(2)

    def draai():
        try:
            start.wait()
            uitkomsten.append(importeer(bestand))
        finally:
            connections.close_all()

    draden = [threading.Thread(target=draai) for _ in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(60)
    assert [u.code for u in uitkomsten] == [0, 0], [u.fout for u in uitkomsten]
    samenvattingen = sorted(u.uit for u in uitkomsten)
    assert any("504 nieuw" in s for s in samenvattingen) and any("504 ongewijzigd" in s for s in samenvattingen)
    assert Factuurregel.objects.filter(organisatie=organisatie).count() == 504
    assert Jaaromzet.objects.filter(organisatie=organisatie, boekjaar=2024).values_list("regels", flat=True)
    assert sum(Jaaromzet.objects.filter(organisatie=organisatie).values_list("regels", flat=True)) == 504
