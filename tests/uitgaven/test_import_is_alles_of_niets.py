"""One invocation is one transaction: a failure in the last file of a run leaves nothing."""

import pytest
from django.db import connection

from uitgaven.models import (
    Crediteur,
    Domein,
    Factuurregel,
    Importrun,
    Inkooppakket,
    Jaaromzet,
    Kostenplaats,
    Regio,
)

from .conftest import FACTUREN, KOP_FACTUREN, schrijf


def _leeg(organisatie):
    for model in (Regio, Inkooppakket, Kostenplaats, Domein, Crediteur, Factuurregel, Jaaromzet):
        assert not model.objects.filter(organisatie=organisatie).exists(), model.__name__


@pytest.mark.django_db
def test_a_failure_in_the_last_file_of_a_run_leaves_nothing(stam, facturen, importeer, organisatie, tmp_path):
    laatste = schrijf(tmp_path / "zz-2025.csv", [KOP_FACTUREN, "2025;01-01-2025;Z-1;100001;KP01;1;x;1,00",
                                                 "2025;01-01-2025;Z-2;100001;KP01;1;x;een euro"])
    uitkomst = importeer(stam, facturen, laatste)
    assert uitkomst.code == 1
    assert uitkomst.foutregels == [f"{laatste}:3: bedrag_excl_btw: ‘een euro’ is geen bedrag (bijvoorbeeld -1234,56 "
                                   "of 1234.56, hoogstens twee decimalen)"]
    _leeg(organisatie)
    assert Importrun.objects.get(organisatie=organisatie).status == Importrun.Status.MISLUKT


@pytest.mark.django_db
def test_a_failed_reimport_keeps_what_was_there(stam, facturen, importeer, organisatie, tmp_path):
    assert importeer(stam, facturen).code == 0
    voor = list(Factuurregel.objects.filter(organisatie=organisatie).values_list("factuurnummer", "bedrag"))
    gewijzigd = schrijf(tmp_path / "gewijzigd.csv", [KOP_FACTUREN, FACTUREN[0].replace("1234,56", "1,00"),
                                                     FACTUREN[1].replace("100001", "nobody")])
    assert importeer(gewijzigd).code == 1
    assert list(Factuurregel.objects.filter(organisatie=organisatie).values_list("factuurnummer", "bedrag")) == voor


@pytest.mark.django_db
def test_a_dry_run_checks_everything_and_stores_nothing_but_its_record(stam, facturen, importeer, organisatie):
    uitkomst = importeer(stam, facturen, "--dry-run")
    assert uitkomst.code == 0, uitkomst.fout
    assert uitkomst.uit.startswith("Proefrun, niets opgeslagen: 5 bestanden (regio 2, inkooppakketten 3, "
                                   "kostenplaatsen 2, crediteuren 5, facturen 4); 16 nieuw, 0 gewijzigd, 0 ongewijzigd;")
    _leeg(organisatie)
    run = Importrun.objects.get(organisatie=organisatie)
    assert run.status == Importrun.Status.GECONTROLEERD and run.proefrun
    assert run.aantallen["facturen"] == {"regels": 4, "nieuw": 4, "gewijzigd": 0, "ongewijzigd": 0}


@pytest.mark.django_db
def test_the_summary_is_one_line_with_files_rows_per_kind_counts_and_seconds(stam, facturen, importeer):
    uitkomst = importeer(stam, facturen)
    regels = uitkomst.uit.strip().splitlines()
    assert len(regels) == 1
    assert regels[0].startswith("Geïmporteerd: 5 bestanden (regio 2, inkooppakketten 3, kostenplaatsen 2, "
                                "crediteuren 5, facturen 4); 16 nieuw, 0 gewijzigd, 0 ongewijzigd; ")
    assert regels[0].endswith(" s")


@pytest.mark.django_db
def test_every_run_is_recorded_with_the_checksums_of_its_files(stam, facturen, importeer, organisatie):
    import hashlib

    importeer(stam, facturen)
    run = Importrun.objects.get(organisatie=organisatie)
    assert run.status == Importrun.Status.GESLAAGD and run.voortgang == 100 and run.seconden > 0
    per_naam = {b["naam"]: b for b in run.bestanden}
    assert per_naam[str(facturen)]["sha256"] == hashlib.sha256(facturen.read_bytes()).hexdigest()
    assert per_naam[str(facturen)]["soort"] == "facturen" and per_naam[str(facturen)]["regels"] == 4
    assert run.aantallen["crediteuren"]["nieuw"] == 5
    if connection.vendor == "postgresql":
        # The export format takes the COPY fast path, not the line-by-line reader.
        assert "copy" in run.aantallen["tijden"] and "python" not in run.aantallen["tijden"]
