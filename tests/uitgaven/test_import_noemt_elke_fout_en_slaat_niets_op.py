"""Bad input: exit 1, `FILE:LINE: column: reason` on stderr (at most 50, then a count), nothing stored."""

import pytest

from uitgaven.models import Crediteur, Factuurregel, Importrun

from .conftest import FACTUREN, KOP_FACTUREN, grootboek, schrijf

GOED = FACTUREN[0]


def _regel(**vervang):
    v = dict(zip(KOP_FACTUREN.split(";"), GOED.split(";"), strict=True))
    v.update(vervang)
    return ";".join(v.values())


GEVALLEN = {
    "bedrag_geen_getal": (_regel(bedrag_excl_btw="12,3a"), "bedrag_excl_btw",
                          "‘12,3a’ is geen bedrag (bijvoorbeeld -1234,56 of 1234.56, hoogstens twee decimalen)"),
    "bedrag_drie_decimalen": (_regel(bedrag_excl_btw="12,345"), "bedrag_excl_btw",
                              "‘12,345’ is geen bedrag (bijvoorbeeld -1234,56 of 1234.56, hoogstens twee decimalen)"),
    "onbekende_crediteur": (_regel(crediteurnummer="999999"), "crediteurnummer",
                            "onbekende crediteur ‘999999’ (niet in de database en niet in de crediteuren van deze import)"),
    "onbekende_kostenplaats": (_regel(kostenplaats="KP99"), "kostenplaats",
                               "onbekende kostenplaats ‘KP99’ (niet in de database en niet in de kostenplaatsen van "
                               "deze import)"),
    "boekdatum_buiten_boekjaar": (_regel(boekdatum="31-12-2023"), "boekdatum", "31-12-2023 valt buiten boekjaar 2024"),
    "geen_datum": (_regel(boekdatum="31-02-2024"), "boekdatum", "‘31-02-2024’ is geen datum (dd-mm-jjjj of jjjj-mm-dd)"),
    "datum_met_schuine_strepen": (_regel(boekdatum="15/01/2024"), "boekdatum",
                                  "‘15/01/2024’ is geen datum (dd-mm-jjjj of jjjj-mm-dd)"),
    "geen_boekjaar": (_regel(boekjaar="24"), "boekjaar", "‘24’ is geen jaartal"),
    "factuurnummer_leeg": (_regel(factuurnummer=""), "factuurnummer", "ontbreekt"),
    "te_lange_omschrijving": (_regel(omschrijving="x" * 501), "omschrijving", "te lang (501 tekens, hoogstens 500)"),
    "te_weinig_kolommen": ("2024;15-01-2024;F-9;100001", "regel", "de regel heeft 4 kolommen, de kopregel 8"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("geval", GEVALLEN)
def test_a_bad_row_anywhere_is_named_and_nothing_is_stored(geval, stam, importeer, organisatie, tmp_path):
    regel, kolom, reden = GEVALLEN[geval]
    # The bad row in the middle of good ones: line 3 of the file (the header is line 1).
    bestand = schrijf(tmp_path / "facturen.csv", [KOP_FACTUREN, FACTUREN[2], regel, FACTUREN[3]])
    uitkomst = importeer(stam, bestand)
    assert uitkomst.code == 1
    assert uitkomst.uit == ""
    assert uitkomst.foutregels == [f"{bestand}:3: {kolom}: {reden}"]
    assert grootboek(organisatie) == []
    assert not Crediteur.objects.filter(organisatie=organisatie).exists()


@pytest.mark.django_db
def test_a_missing_column_is_named_at_the_header(stam, importeer, organisatie, tmp_path):
    kop = KOP_FACTUREN.replace(";kostenplaats", "")
    regels = [";".join(v for i, v in enumerate(r.split(";")) if i != 4) for r in FACTUREN]
    bestand = schrijf(tmp_path / "zonder-kostenplaats.csv", [kop, *regels])
    uitkomst = importeer(stam, bestand)
    assert uitkomst.code == 1
    assert uitkomst.foutregels == [f"{bestand}:1: kostenplaats: kolom ontbreekt in de kopregel van dit facturenbestand"]


@pytest.mark.django_db
@pytest.mark.parametrize(("inhoud", "reden"), [
    (b"%PDF-1.4\x00\x00\x01binary", "bestand: onleesbaar bestand: binaire inhoud (geen CSV of xlsx)"),
    (b"naam;adres\nJan;Dorpsstraat 1\n", "kopregel: onbekend bestand: de kopregel past bij geen van de bekende "
                                         "bestanden (inkooppakketten, kostenplaatsen, crediteuren, regio, facturen)"),
    (b"", "bestand: leeg bestand"),
], ids=["binair", "onbekende_kopregel", "leeg"])
def test_an_unreadable_file_is_named(inhoud, reden, stam, importeer, organisatie, tmp_path):
    bestand = tmp_path / "vreemd.csv"
    bestand.write_bytes(inhoud)
    uitkomst = importeer(stam, bestand)
    assert uitkomst.code == 1
    assert uitkomst.foutregels == [f"{bestand}:1: {reden}"]
    assert not Crediteur.objects.filter(organisatie=organisatie).exists()


@pytest.mark.django_db
def test_a_file_that_does_not_exist_is_named(importeer, tmp_path):
    uitkomst = importeer(tmp_path / "weg.csv")
    assert uitkomst.code == 1
    assert uitkomst.foutregels == [f"{tmp_path / 'weg.csv'}:1: bestand: bestaat niet"]


@pytest.mark.django_db
def test_bytes_that_are_neither_utf8_nor_windows_1252_make_a_file_unreadable(stam, importeer, tmp_path):
    bestand = tmp_path / "kapot.csv"
    bestand.write_bytes((KOP_FACTUREN + "\n").encode() + GOED.encode().replace(b"Jeugdhulp", b"Jeugd\x81hulp"))
    uitkomst = importeer(stam, bestand)
    assert uitkomst.code == 1
    assert uitkomst.foutregels == [f"{bestand}:1: bestand: onleesbaar bestand: de tekens zijn geen UTF-8 en geen "
                                   "Windows-1252 (byte 0x81)"]


@pytest.mark.django_db
def test_at_most_fifty_problems_are_listed_then_a_count(stam, importeer, organisatie, tmp_path):
    slecht = [_regel(factuurnummer=f"F-{i}", bedrag_excl_btw="veel") for i in range(60)]
    bestand = schrijf(tmp_path / "facturen.csv", [KOP_FACTUREN, *slecht])
    uitkomst = importeer(stam, bestand)
    assert uitkomst.code == 1
    assert len(uitkomst.foutregels) == 51
    assert uitkomst.foutregels[0].startswith(f"{bestand}:2: bedrag_excl_btw: ‘veel’ is geen bedrag")
    assert uitkomst.foutregels[49].startswith(f"{bestand}:51: ")
    assert uitkomst.foutregels[50] == "... en nog 10 fouten (60 in totaal)"


@pytest.mark.django_db
def test_master_data_problems_are_named_too(tmp_path, importeer, organisatie):
    map_ = tmp_path / "stam"
    schrijf(map_ / "regio.csv", ["postcode_van;postcode_tot;regio", "7511;7548;Lokaal", "7540;7560;Regio Twente",
                                 "12;7600;Elders"])
    schrijf(map_ / "crediteuren.csv", ["crediteurnummer;naam;kvk_nummer;postcode;plaats;land;inkooppakket",
                                       "1;Een;;;;Nederland;", "2;Twee;;;;NL;99.99", ";Drie;;;;;"])
    uitkomst = importeer(map_)
    assert uitkomst.code == 1
    assert uitkomst.foutregels == [
        f"{map_ / 'regio.csv'}:4: postcode_van: ‘12’ is geen postcode van vier cijfers (1000-9999)",
        f"{map_ / 'regio.csv'}:3: postcode_van: 7540-7560 overlapt met 7511-7548 ({map_ / 'regio.csv'}:2)",
        f"{map_ / 'crediteuren.csv'}:2: land: ‘Nederland’ is geen landcode van twee letters (zoals NL, DE)",
        f"{map_ / 'crediteuren.csv'}:3: inkooppakket: onbekend inkooppakket ‘99.99’ (niet in de database en niet in "
        "de inkooppakketten van deze import)",
        f"{map_ / 'crediteuren.csv'}:4: crediteurnummer: ontbreekt",
    ]


@pytest.mark.django_db
def test_a_failed_run_is_on_record_with_its_problems(stam, importeer, organisatie, tmp_path):
    bestand = schrijf(tmp_path / "facturen.csv", [KOP_FACTUREN, _regel(bedrag_excl_btw="x")])
    importeer(stam, bestand)
    run = Importrun.objects.get(organisatie=organisatie)
    assert run.status == Importrun.Status.MISLUKT
    assert run.fouten == [f"{bestand}:2: bedrag_excl_btw: ‘x’ is geen bedrag (bijvoorbeeld -1234,56 of 1234.56, "
                          "hoogstens twee decimalen)"]
    assert run.aantallen["fouten"] == 1
    assert not Factuurregel.objects.exists()
