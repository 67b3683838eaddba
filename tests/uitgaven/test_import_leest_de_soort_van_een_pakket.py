"""The optional `soort` column of inkooppakketten (interfaces.md §2): which bands apply."""

import pytest

from uitgaven.models import Inkooppakket

from .conftest import schrijf

pytestmark = pytest.mark.django_db
KOP = "pakketcode;pakketnaam;categoriecode;categorienaam"


def test_the_soort_is_stored_when_the_column_is_there(importeer, organisatie, tmp_path):
    pad = schrijf(tmp_path / "pakketten.csv", [KOP + ";soort", "08.04;Riolering;8;GWW;werk",
                                               "07.04;Schoonmaak;7;Gebouwen;Dienst", "02.01;Kantoorartikelen;2;Kantoor;"])
    assert importeer(pad).code == 0
    assert dict(Inkooppakket.objects.values_list("code", "soort")) == {"08.04": "werk", "07.04": "dienst",
                                                                       "02.01": ""}


def test_without_the_column_a_soort_set_earlier_stays(importeer, organisatie, tmp_path):
    importeer(schrijf(tmp_path / "a.csv", [KOP + ";soort", "08.04;Riolering;8;GWW;werk"]))
    uitkomst = importeer(schrijf(tmp_path / "b.csv", [KOP, "08.04;Riolering en gemalen;8;GWW"]))
    assert uitkomst.code == 0
    assert Inkooppakket.objects.values_list("naam", "soort").get() == ("Riolering en gemalen", "werk")


def test_an_unknown_soort_is_named_and_nothing_is_stored(importeer, organisatie, tmp_path):
    pad = schrijf(tmp_path / "pakketten.csv", [KOP + ";soort", "08.04;Riolering;8;GWW;werk",
                                               "07.04;Schoonmaak;7;Gebouwen;sociale_dienst"])
    uitkomst = importeer(pad)
    assert uitkomst.code == 1
    assert uitkomst.foutregels == [f"{pad}:3: soort: ‘sociale_dienst’ is geen soort; kies levering, dienst of werk"]
    assert not Inkooppakket.objects.exists()
