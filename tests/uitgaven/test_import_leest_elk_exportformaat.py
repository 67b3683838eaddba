"""Every format of interfaces.md §2 gives the same ledger: `;` or `,`, UTF-8 with or without BOM or
Windows-1252, decimal comma or point, dd-mm-jjjj or ISO dates, CRLF or LF."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from .conftest import FACTUREN, KOP_FACTUREN, STAM, grootboek, schrijf

VERWACHT = [
    (2023, date(2023, 12, 31), "U-9", 1, "100003", "KP02", "44204", "Advies", Decimal("99.99")),
    (2024, date(2024, 1, 15), "F-001", 1, "100001", "KP01", "44262", "Jeugdhulp januari", Decimal("1234.56")),
    (2024, date(2024, 1, 15), "F-001", 2, "100001", "KP01", "44262", "Jeugdhulp januari, tweede regel",
     Decimal("100.00")),
    (2024, date(2024, 2, 3), "W-17", 1, "100002", "KP02", "44204", "Asfalt", Decimal("-250.50")),
]


def _als_komma(regels):
    """The same table comma separated: fields with a comma (amounts too) between quotes."""
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=",", lineterminator="\n")
    for r in regels:
        w.writerow(r.split(";"))
    return uit.getvalue().splitlines()


def _iso(regel: str) -> str:
    v = regel.split(";")
    d, m, j = v[1].split("-")
    v[1] = f"{j}-{m}-{d}"
    v[7] = v[7].replace(",", ".")
    return ";".join(v)


VARIANTEN = {
    "puntkomma_utf8_bom_crlf": {"regels": [KOP_FACTUREN, *FACTUREN]},
    "puntkomma_utf8_zonder_bom_lf": {"regels": [KOP_FACTUREN, *FACTUREN], "codering": "utf-8", "regeleinde": "\n"},
    "komma_gescheiden": {"regels": _als_komma([KOP_FACTUREN, *FACTUREN])},
    "windows_1252": {"regels": [KOP_FACTUREN, *FACTUREN], "codering": "cp1252"},
    "iso_datums_en_decimale_punt": {"regels": [KOP_FACTUREN, *map(_iso, FACTUREN)], "codering": "utf-8"},
    "tab_gescheiden": {"regels": [r.replace(";", "\t") for r in [KOP_FACTUREN, *FACTUREN]]},
    "duizendtallen_en_spaties": {"regels": [KOP_FACTUREN, *[r.replace("1234,56", " 1.234,56 ") for r in FACTUREN]]},
    "lege_regels_en_kolommen_in_andere_volgorde": {"regels": [
        "bedrag_excl_btw;boekjaar;boekdatum;factuurnummer;crediteurnummer;kostenplaats;grootboekrekening;omschrijving",
        *[";".join([r.split(";")[7], *r.split(";")[:7]]) for r in FACTUREN], "", ""]},
}


@pytest.mark.django_db
@pytest.mark.parametrize("variant", VARIANTEN)
def test_each_export_format_gives_the_same_ledger(variant, stam, importeer, organisatie, tmp_path):
    bestand = schrijf(tmp_path / "export.txt", **VARIANTEN[variant])
    uitkomst = importeer(stam, bestand)
    assert uitkomst.code == 0, uitkomst.fout
    assert grootboek(organisatie) == VERWACHT


@pytest.mark.django_db
def test_master_data_in_windows_1252_keeps_its_accents(tmp_path, importeer, organisatie):
    from uitgaven.models import Crediteur

    map_ = tmp_path / "cp1252"
    for naam, regels in STAM.items():
        schrijf(map_ / naam, regels, codering="cp1252")
    assert importeer(map_).code == 0
    assert Crediteur.objects.get(organisatie=organisatie, nummer="100004").naam == "Münster GmbH"


@pytest.mark.django_db
def test_files_are_recognised_by_their_header_whatever_their_name(tmp_path, importeer, organisatie):
    from uitgaven.models import Crediteur, Factuurregel

    map_ = tmp_path / "willekeurig"
    for i, (_naam, regels) in enumerate(STAM.items()):
        schrijf(map_ / f"export-{i}.dat", regels)
    schrijf(map_ / "aaa.txt", [KOP_FACTUREN, *FACTUREN])
    assert importeer(*sorted(map_.iterdir())).code == 0
    assert Crediteur.objects.filter(organisatie=organisatie).count() == 5
    assert Factuurregel.objects.filter(organisatie=organisatie).count() == 4


@pytest.mark.django_db
def test_a_windows_1252_file_whose_first_accent_comes_late_is_read_right(stam, importeer, organisatie, tmp_path):
    from django.db import connection

    from uitgaven.models import Factuurregel, Importrun

    veel = [f"2024;01-03-2024;V-{i};100002;KP02;1;Onderhoud wegen en bermen;{i},00" for i in range(2500)]
    bestand = schrijf(tmp_path / "laat.csv", [KOP_FACTUREN, *veel, "2024;02-03-2024;V-x;100002;KP02;1;Café;1,00"],
                      codering="cp1252")
    uitkomst = importeer(stam, bestand)
    assert uitkomst.code == 0, uitkomst.fout
    assert Factuurregel.objects.get(organisatie=organisatie, factuurnummer="V-x").omschrijving == "Café"
    if connection.vendor == "postgresql":
        tijden = Importrun.objects.get(organisatie=organisatie).aantallen["tijden"]
        assert "python" not in tijden  # copied again in the right encoding, not read line by line


@pytest.mark.django_db
def test_text_with_tabs_backslashes_and_quotes_and_dutch_amounts_is_stored_as_written(stam, importeer, organisatie,
                                                                                       tmp_path):
    """On PostgreSQL these rows stream straight into the ledger (grootboek_pg.stroom), which writes
    COPY's text format itself; a second import of the file changes nothing."""
    from django.db import connection

    from uitgaven.models import Importrun, Jaaromzet

    bestand = schrijf(tmp_path / "facturen.csv", [
        KOP_FACTUREN,
        '2024;15-01-2024;  F-1\\a ;100001;KP01;44262;"Jeugdhulp;\tmet tab en \\N";1.234,56',
        '2024;2024-2-3;W-17;100002;KP02;;"regel\nmet einde";-250,5',
        "2023;31-12-2023;U-9;100003;KP02;44204;Advies;99.99",
    ])
    assert importeer(stam, bestand).code == 0
    verwacht = [
        (2023, date(2023, 12, 31), "U-9", 1, "100003", "KP02", "44204", "Advies", Decimal("99.99")),
        (2024, date(2024, 1, 15), "F-1\\a", 1, "100001", "KP01", "44262", "Jeugdhulp;\tmet tab en \\N",
         Decimal("1234.56")),
        (2024, date(2024, 2, 3), "W-17", 1, "100002", "KP02", "", "regel\nmet einde", Decimal("-250.50")),
    ]
    assert grootboek(organisatie) == verwacht
    omzet = sorted(Jaaromzet.objects.filter(organisatie=organisatie).values_list("boekjaar", "bedrag", "regels"))
    assert omzet == [(2023, Decimal("99.99"), 1), (2024, Decimal("-250.50"), 1), (2024, Decimal("1234.56"), 1)]
    if connection.vendor == "postgresql":
        tijden = Importrun.objects.get(organisatie=organisatie).aantallen["tijden"]
        assert "stroom" in tijden and "python" not in tijden and "upsert" not in tijden
    uitkomst = importeer(bestand)
    assert uitkomst.code == 0 and "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in uitkomst.uit
    assert grootboek(organisatie) == verwacht
