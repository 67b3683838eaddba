"""Importing the same facturen again changes nothing; a changed row replaces; identity is boekjaar,
crediteurnummer, factuurnummer and the position among that invoice's lines in the file."""

from decimal import Decimal

import pytest

from uitgaven.models import Factuurregel, Jaaromzet

from .conftest import FACTUREN, KOP_FACTUREN, grootboek, schrijf


def _jaaromzet(organisatie):
    return sorted(Jaaromzet.objects.filter(organisatie=organisatie).values_list(
        "boekjaar", "crediteur__nummer", "kostenplaats__code", "bedrag", "regels"))


def _uit_grootboek(organisatie):
    """Jaaromzet as it should be: summed from the ledger itself."""
    from collections import defaultdict

    som = defaultdict(lambda: [Decimal(0), 0])
    for f in Factuurregel.objects.filter(organisatie=organisatie).select_related("crediteur", "kostenplaats"):
        s = som[(f.boekjaar, f.crediteur.nummer, f.kostenplaats.code)]
        s[0] += f.bedrag
        s[1] += 1
    return sorted((*k, v[0], v[1]) for k, v in som.items())


@pytest.mark.django_db
def test_importing_the_same_files_again_adds_nothing(stam, facturen, importeer, organisatie):
    assert importeer(stam, facturen).code == 0
    voor = grootboek(organisatie)
    tweede = importeer(stam, facturen)
    assert tweede.code == 0
    assert "; 0 nieuw, 0 gewijzigd, 16 ongewijzigd;" in tweede.uit
    assert grootboek(organisatie) == voor
    assert _jaaromzet(organisatie) == _uit_grootboek(organisatie)


@pytest.mark.django_db
def test_a_row_with_other_values_replaces_the_stored_one(stam, facturen, importeer, organisatie, tmp_path):
    assert importeer(stam, facturen).code == 0
    nieuw = schrijf(tmp_path / "correctie.csv", [
        KOP_FACTUREN, FACTUREN[0], FACTUREN[1].replace("100,00", "150,00"), FACTUREN[2], FACTUREN[3],
        "2024;20-03-2024;W-18;100002;KP02;44204;Belijning;500,00"])
    uitkomst = importeer(nieuw)
    assert uitkomst.code == 0, uitkomst.fout
    assert "; 1 nieuw, 1 gewijzigd, 3 ongewijzigd;" in uitkomst.uit
    regel = Factuurregel.objects.get(organisatie=organisatie, factuurnummer="F-001", volgnummer=2)
    assert regel.bedrag == Decimal("150.00")
    assert Factuurregel.objects.filter(organisatie=organisatie).count() == 5
    assert _jaaromzet(organisatie) == _uit_grootboek(organisatie)


@pytest.mark.django_db
def test_the_lines_of_one_invoice_are_told_apart_by_their_position(stam, importeer, organisatie, tmp_path):
    regel = "2024;01-02-2024;F-7;100001;KP01;1;Zorg;10,00"
    bestand = schrijf(tmp_path / "drie.csv", [KOP_FACTUREN, regel, regel, regel.replace("10,00", "20,00")])
    assert importeer(stam, bestand).code == 0
    assert list(Factuurregel.objects.filter(organisatie=organisatie).order_by("volgnummer")
                .values_list("volgnummer", "bedrag")) == [(1, Decimal("10.00")), (2, Decimal("10.00")),
                                                          (3, Decimal("20.00"))]
    assert "; 0 nieuw, 0 gewijzigd, 3 ongewijzigd;" in importeer(bestand).uit


@pytest.mark.django_db
def test_master_data_is_updated_in_place(stam, facturen, importeer, organisatie, tmp_path):
    from uitgaven.models import Crediteur, Kostenplaats

    assert importeer(stam, facturen).code == 0
    cred = Crediteur.objects.get(organisatie=organisatie, nummer="100003")
    schrijf(stam / "crediteuren.csv", ["crediteurnummer;naam;kvk_nummer;postcode;plaats;land;inkooppakket",
                                       "100003;Adviesbureau Enschede;87654321;7511 AA;ENSCHEDE;NL;01.01"])
    schrijf(stam / "kostenplaatsen.csv", ["kostenplaats;omschrijving;domein", "KP02;Wegen en verkeer;Fysiek Domein"])
    uitkomst = importeer(stam / "crediteuren.csv", stam / "kostenplaatsen.csv")
    assert uitkomst.code == 0, uitkomst.fout
    cred.refresh_from_db()
    assert (cred.naam, cred.kvk_nummer, cred.regio, cred.inkooppakket.code) == (
        "Adviesbureau Enschede", "87654321", "Lokaal", "01.01")
    assert Kostenplaats.objects.get(organisatie=organisatie, code="KP02").omschrijving == "Wegen en verkeer"
    assert Factuurregel.objects.filter(crediteur=cred).count() == 1
