"""python manage.py import_contracten PATH... (interfaces.md §8): one transaction, idempotent,
FILE:LINE: column: reason with exit 1 and nothing stored, --dry-run, the ledger's formats."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from contracten.models import Contract
from uitgaven.models import Crediteur, Domein, Inkoopcategorie, Inkooppakket

pytestmark = pytest.mark.django_db
KOP = ("contractnummer;omschrijving;crediteurnummer;pakketcode;soort;procedure;gunningsdatum;startdatum;"
       "einddatum;einddatum_met_opties;waarde_incl_opties;opvolger_van")
GOED = [
    "R-2019-01;Riolering onderhoud;100001;08.04;werk;nationaal_openbaar;15-11-2018;01-01-2019;31-12-2022;;"
    "1.850.000,00;",
    "R-2023-01;Riolering onderhoud (opvolger);100001;08.04;werk;europees_openbaar;2022-10-01;2023-01-01;"
    "2026-12-31;2028-12-31;6000000;R-2019-01",
    "R-2024-07;Schoonmaak;100002;;dienst;enkelvoudig;01-02-2024;01-03-2024;28-02-2025;;25000,50;",
]


@pytest.fixture
def stamdata(organisatie):
    cat = Inkoopcategorie.objects.create(organisatie=organisatie, code="8", naam="GWW")
    pakket = Inkooppakket.objects.create(organisatie=organisatie, code="08.04", naam="Riolering", categorie=cat,
                                         soort="werk")
    Domein.objects.create(organisatie=organisatie, naam="Fysiek")
    Crediteur.objects.create(organisatie=organisatie, nummer="100001", naam="Rioolbouw Twente", inkooppakket=pakket)
    Crediteur.objects.create(organisatie=organisatie, nummer="100002", naam="Schoonmaakbedrijf Oost")
    return organisatie


def _bestand(tmp_path, regels, naam="register.csv", codering="utf-8-sig", kop=KOP):
    pad = tmp_path / naam
    pad.write_bytes(("\r\n".join([kop, *regels]) + "\r\n").encode(codering))
    return pad


def _draai(*args):
    uit, fout = StringIO(), StringIO()
    try:
        call_command("import_contracten", *args, stdout=uit, stderr=fout)
    except CommandError as exc:
        return 1, uit.getvalue(), fout.getvalue() + str(exc)
    return 0, uit.getvalue(), fout.getvalue()


def test_it_imports_the_register_with_procedure_award_and_successor(stamdata, tmp_path):
    code, uit, _ = _draai(str(_bestand(tmp_path, GOED)))
    assert code == 0 and "3 nieuw" in uit and uit.count("\n") == 1
    oud, nieuw, klein = (Contract.objects.get(nummer=n) for n in ("R-2019-01", "R-2023-01", "R-2024-07"))
    assert (oud.procedure, oud.gunningsdatum, oud.waarde_incl_opties) == (
        "nationaal_openbaar", date(2018, 11, 15), Decimal("1850000.00"))
    assert (nieuw.opvolger_van, nieuw.einddatum, nieuw.einddatum_uiterlijk) == (oud, date(2026, 12, 31),
                                                                                date(2028, 12, 31))
    assert (klein.procedure, klein.inkooppakket, klein.waarde_incl_opties) == (
        "enkelvoudig", None, Decimal("25000.50"))


def test_importing_the_same_file_again_changes_nothing_and_other_values_update(stamdata, tmp_path):
    pad = _bestand(tmp_path, GOED)
    _draai(str(pad))
    code, uit, _ = _draai(str(pad))
    assert code == 0 and "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in uit
    gewijzigd = [*GOED[:2], GOED[2].replace("25000,50", "27500,00")]
    code, uit, _ = _draai(str(_bestand(tmp_path, gewijzigd, naam="v2.csv")))
    assert code == 0 and "0 nieuw, 1 gewijzigd, 2 ongewijzigd" in uit
    assert Contract.objects.get(nummer="R-2024-07").waarde_totaal == Decimal("27500.00")
    assert Contract.objects.count() == 3


def test_windows_1252_and_comma_separated_files_are_read(stamdata, tmp_path):
    regels = [r.replace(";", ",").replace("1.850.000,00", "1850000.00").replace("25000,50", "25000.50")
              .replace("Schoonmaak", "Schoonmaak cafés") for r in GOED]
    pad = _bestand(tmp_path, regels, codering="cp1252", kop=KOP.replace(";", ","))
    assert _draai(str(pad))[0] == 0
    assert Contract.objects.get(nummer="R-2024-07").omschrijving == "Schoonmaak cafés"


@pytest.mark.parametrize("regel, fout", [
    # an unknown crediteur
    ("X-1;Iets;999999;;dienst;enkelvoudig;01-01-2024;01-01-2024;31-12-2024;;1000;",
     "register.csv:2: crediteurnummer: onbekende crediteur ‘999999’"),
    # an unknown pakket
    ("X-1;Iets;100002;99.99;dienst;enkelvoudig;01-01-2024;01-01-2024;31-12-2024;;1000;",
     "register.csv:2: pakketcode: onbekend inkooppakket ‘99.99’"),
    # a date that does not exist
    ("X-1;Iets;100002;;dienst;enkelvoudig;31-02-2024;01-03-2024;31-12-2024;;1000;",
     "register.csv:2: gunningsdatum: ‘31-02-2024’ is geen datum (dd-mm-jjjj of jjjj-mm-dd)"),
    # einddatum before startdatum
    ("X-1;Iets;100002;;dienst;enkelvoudig;01-01-2024;01-03-2024;28-02-2024;;1000;",
     "register.csv:2: einddatum: 28-02-2024 ligt vóór de startdatum 01-03-2024"),
    # an unknown procedure
    ("X-1;Iets;100002;;dienst;onderhands;01-01-2024;01-03-2024;31-12-2024;;1000;",
     "register.csv:2: procedure: onbekende procedure ‘onderhands’"),
    # an unknown soort
    ("X-1;Iets;100002;;verkoop;enkelvoudig;01-01-2024;01-03-2024;31-12-2024;;1000;",
     "register.csv:2: soort: ‘verkoop’ is geen soort"),
    # no value, or a value that is no amount (the ledger import's wording: uitgaven.bestanden.verplicht_bedrag)
    ("X-1;Iets;100002;;dienst;enkelvoudig;01-01-2024;01-03-2024;31-12-2024;;;",
     "register.csv:2: waarde_incl_opties: ontbreekt"),
    ("X-1;Iets;100002;;dienst;enkelvoudig;01-01-2024;01-03-2024;31-12-2024;;veel;",
     "register.csv:2: waarde_incl_opties: ‘veel’ is geen bedrag (bijvoorbeeld 125000,00 of 125.000,00)"),
    # a value of zero
    ("X-1;Iets;100002;;dienst;enkelvoudig;01-01-2024;01-03-2024;31-12-2024;;0,00;",
     "register.csv:2: waarde_incl_opties: de contractwaarde moet groter zijn dan nul"),
    # a successor pointing nowhere
    ("X-1;Iets;100002;;dienst;enkelvoudig;01-01-2024;01-03-2024;31-12-2024;;1000;R-0000",
     "register.csv:2: opvolger_van: contract ‘R-0000’ bestaat niet"),
])
def test_bad_rows_are_named_with_line_and_column_and_nothing_is_stored(stamdata, tmp_path, regel, fout):
    code, _, stderr = _draai(str(_bestand(tmp_path, [GOED[2], regel])))
    assert code == 1
    assert fout.replace("register.csv:2", "register.csv:3") in stderr.replace(str(tmp_path) + "/", "")
    assert Contract.objects.count() == 0


def test_a_successor_overlapping_the_contract_it_succeeds_is_refused(stamdata, tmp_path):
    overlap = GOED[1].replace("2023-01-01", "2022-06-01")
    code, _, stderr = _draai(str(_bestand(tmp_path, [GOED[0], overlap])))
    assert code == 1 and "register.csv:3: startdatum: overlapt met het contract dat het opvolgt" in stderr
    assert Contract.objects.count() == 0


def test_a_circle_of_successors_is_refused(stamdata, tmp_path):
    a = "A-1;A;100002;;dienst;enkelvoudig;01-01-2020;01-01-2020;31-12-2020;;1000;B-1"
    b = "B-1;B;100002;;dienst;enkelvoudig;01-01-2021;01-01-2021;31-12-2021;;1000;A-1"
    code, _, stderr = _draai(str(_bestand(tmp_path, [a, b])))
    assert code == 1 and "loopt in een kring" in stderr


def test_a_missing_column_is_named(stamdata, tmp_path):
    kop = KOP.replace(";opvolger_van", "")
    code, _, stderr = _draai(str(_bestand(tmp_path, [r.rsplit(";", 1)[0] for r in GOED], kop=kop)))
    assert code == 1 and "register.csv:1: opvolger_van: kolom ontbreekt" in stderr


def test_dry_run_checks_without_storing(stamdata, tmp_path):
    code, uit, _ = _draai(str(_bestand(tmp_path, GOED)), "--dry-run")
    assert code == 0 and uit.startswith("Proefrun, niets opgeslagen") and "3 nieuw" in uit
    assert Contract.objects.count() == 0


def test_xlsx_with_real_dates_and_numbers_is_read(stamdata, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(KOP.split(";"))
    ws.append(["R-9", "Riolering", "100001", "08.04", "werk", "meervoudig_onderhands", date(2024, 1, 5),
               date(2024, 2, 1), date(2024, 12, 31), None, 1670.87, None])
    pad = tmp_path / "register.xlsx"
    wb.save(pad)
    assert _draai(str(pad))[0] == 0
    c = Contract.objects.get(nummer="R-9")
    assert (c.gunningsdatum, c.waarde_totaal) == (date(2024, 1, 5), Decimal("1670.87"))


def test_it_chooses_the_organisation_by_name(stamdata, andere_organisatie, tmp_path):
    assert _draai(str(_bestand(tmp_path, GOED)))[0] == 1
    assert _draai(str(_bestand(tmp_path, GOED)), "--organisatie", "Gemeente Testdorp")[0] == 0
    assert Contract.objects.filter(organisatie=stamdata).count() == 3


@pytest.mark.parametrize("commando", ["import_contracten", "import_uitgaven"])
def test_both_imports_name_skipped_files_and_refuse_a_folder_without_data(organisatie, tmp_path, commando):
    (tmp_path / "README.md").write_text("uitleg", encoding="utf-8")
    fouten = StringIO()
    with pytest.raises(CommandError, match="Geen bestanden gevonden in de opgegeven map"):
        call_command(commando, str(tmp_path), "--organisatie", organisatie.naam, stdout=StringIO(), stderr=fouten)
    assert f"Overgeslagen (geen CSV- of xlsx-bestand): {tmp_path / 'README.md'}" in fouten.getvalue()
