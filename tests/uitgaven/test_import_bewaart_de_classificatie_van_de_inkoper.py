"""A crediteur's inkooppakket chosen in the web interface wins over a later import, unless
--overschrijf-classificatie is given (interfaces.md §2)."""

import pytest

from uitgaven.models import Crediteur, Inkooppakket
from uitgaven.services import crediteuren_classificeren


@pytest.mark.django_db
def test_a_classification_made_in_the_web_interface_survives_a_reimport(stam, importeer, organisatie):
    assert importeer(stam).code == 0
    cred = Crediteur.objects.get(organisatie=organisatie, nummer="100003")
    opleidingen = Inkooppakket.objects.get(organisatie=organisatie, code="01.01")
    crediteuren_classificeren(organisatie=organisatie, crediteur_ids=[cred.pk], pakket=opleidingen)
    assert importeer(stam).code == 0
    cred.refresh_from_db()
    assert cred.inkooppakket == opleidingen and cred.classificatie_handmatig


@pytest.mark.django_db
def test_overschrijf_classificatie_lets_the_file_win(stam, importeer, organisatie):
    assert importeer(stam).code == 0
    cred = Crediteur.objects.get(organisatie=organisatie, nummer="100001")
    crediteuren_classificeren(organisatie=organisatie, crediteur_ids=[cred.pk], pakket=None)
    assert importeer(stam, "--overschrijf-classificatie").code == 0
    cred.refresh_from_db()
    assert cred.inkooppakket.code == "10.01" and not cred.classificatie_handmatig


@pytest.mark.django_db
def test_without_a_hand_made_choice_the_file_decides(stam, importeer, organisatie):
    assert importeer(stam).code == 0
    regels = (stam / "crediteuren.csv").read_text(encoding="utf-8-sig").replace("100001;Lokaal Zorg B.V.;12345678;"
                                                                                "7532 SR;ENSCHEDE;NL;10.01",
                                                                                "100001;Lokaal Zorg B.V.;12345678;"
                                                                                "7532 SR;ENSCHEDE;NL;")
    (stam / "crediteuren.csv").write_text(regels, encoding="utf-8-sig")
    assert importeer(stam).code == 0
    assert Crediteur.objects.get(organisatie=organisatie, nummer="100001").inkooppakket is None


@pytest.mark.django_db
def test_classifying_a_pakket_of_another_organisation_is_refused(stam, importeer, organisatie, andere_organisatie):
    assert importeer(stam).code == 0
    assert importeer(stam, org=andere_organisatie).code == 0
    vreemd = Inkooppakket.objects.get(organisatie=andere_organisatie, code="01.01")
    with pytest.raises(ValueError):
        crediteuren_classificeren(organisatie=organisatie, crediteur_ids=[], pakket=vreemd)
