"""A crediteur's region follows from its postcode and the regio table (seed §3)."""

import pytest

from uitgaven.models import Crediteur
from uitgaven.services import regio_bepalen

from .conftest import schrijf

BEREIKEN = [(7511, 7548, "Lokaal"), (7550, 7559, "Regio Twente")]


@pytest.mark.parametrize(("postcode", "land", "plaats", "regio"), [
    ("7532 SR", "NL", "ENSCHEDE", "Lokaal"),        # first four digits in the local range
    ("7548AB", "", "ENSCHEDE", "Lokaal"),          # no space, no land: still a Dutch postcode
    ("7552 AB", "NL", "HENGELO", "Regio Twente"),  # in a regional range
    ("3511 AA", "NL", "UTRECHT", "Niet regionaal"),  # any other Dutch postcode
    ("7549 ZZ", "nl", "", "Niet regionaal"),        # between the ranges
    ("48143", "DE", "MÜNSTER", "Buitenland"),        # a land other than NL
    ("", "BE", "", "Buitenland"),
    ("", "", "", "Onbekend"),                      # no address at all
    ("", "NL", "ENSCHEDE", "Onbekend"),            # no postcode: cannot tell
    ("ABC", "NL", "", "Onbekend"),                 # not a Dutch postcode
])
def test_the_region_of_an_address(postcode, land, plaats, regio):
    assert regio_bepalen(postcode=postcode, land=land, plaats=plaats, bereiken=BEREIKEN) == regio


@pytest.mark.django_db
def test_imported_crediteuren_get_their_region(stam, importeer, organisatie):
    assert importeer(stam).code == 0
    assert dict(Crediteur.objects.filter(organisatie=organisatie).values_list("nummer", "regio")) == {
        "100001": "Lokaal", "100002": "Regio Twente", "100003": "Niet regionaal", "100004": "Buitenland",
        "100005": "Onbekend"}


@pytest.mark.django_db
def test_a_new_regio_table_derives_every_region_again(stam, importeer, organisatie, tmp_path):
    assert importeer(stam).code == 0
    regio = schrijf(tmp_path / "regio-nieuw.csv", ["postcode_van;postcode_tot;regio", "7511;7548;Lokaal",
                                                   "3500;3599;Regio Utrecht"])
    assert importeer(regio).code == 0
    assert dict(Crediteur.objects.filter(organisatie=organisatie).values_list("nummer", "regio")) == {
        "100001": "Lokaal", "100002": "Niet regionaal", "100003": "Regio Utrecht", "100004": "Buitenland",
        "100005": "Onbekend"}
