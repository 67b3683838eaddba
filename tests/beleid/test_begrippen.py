"""One vocabulary: the engine, OCDS and the stored policy speak the terms of beleid.begrippen."""

import pytest

from adviezen.engine import INTERFACE_CODES, PROCEDURE_NAMEN, STANDAARDBELEID, ZWAARTE
from adviezen.engine.beleid import PROCEDURES_NATIONAAL, SOORTEN_AW, WERK_CATEGORIEEN
from adviezen.engine.regels import SOORT_NAMEN
from beleid import begrippen
from beleid.begrippen import Branche, MvoiThema, Procedure, SoortOpdracht, WerkCategorie
from rechtmatigheid.ocds.export import METHODE

# interfaces.md §8: the procedure column of the contract register.
PROCEDURES_INTERFACE_8 = ["enkelvoudig", "meervoudig_onderhands", "nationaal_openbaar", "europees_openbaar",
                          "europees_niet_openbaar", "europees_mededingingsprocedure",
                          "europees_concurrentiegerichte_dialoog", "onderhandelingsprocedure_zonder_aankondiging",
                          "sociaal_en_specifiek"]


def test_every_procedure_of_the_contract_register_is_in_the_vocabulary():
    assert set(PROCEDURES_INTERFACE_8) <= set(Procedure.values)


@pytest.mark.parametrize("code", sorted(PROCEDURE_NAMEN))
def test_the_engine_names_each_procedure_as_the_vocabulary_does(code):
    assert code in Procedure.values
    assert PROCEDURE_NAMEN[code].casefold() == str(Procedure(code).label).casefold()


def test_the_engine_knows_the_weight_of_every_procedure_it_advises():
    assert set(ZWAARTE) <= set(Procedure.values)
    assert set(PROCEDURES_NATIONAAL) == set(begrippen.PROCEDURES_NATIONAAL)


def test_only_the_advice_command_uses_the_two_names_of_interfaces_1():
    assert set(INTERFACE_CODES) <= set(Procedure.values)
    assert not set(INTERFACE_CODES.values()) & set(Procedure.values)


def test_the_engine_knows_the_same_kinds_and_categories():
    assert set(SOORTEN_AW) == set(begrippen.SOORTEN_BANDEN)
    assert set(SOORT_NAMEN) == set(SoortOpdracht.values)
    assert set(WERK_CATEGORIEEN) == set(WerkCategorie.values)


def test_the_default_policy_speaks_the_vocabulary():
    # `manage.py advies` takes the branch as free text (interfaces.md §1); the default policy also
    # names the word "veiligheid", which the pages offer as "Beveiliging en veiligheid".
    assert set(STANDAARDBELEID["bibob_branches"]) - {"veiligheid"} <= set(Branche.values)
    assert {t["code"] for t in STANDAARDBELEID["mvoi_themas"]} == set(MvoiThema.values)
    for bandenset in STANDAARDBELEID["banden"]:
        assert bandenset["soort"] in SoortOpdracht.values
        assert {b["procedure"] for b in bandenset["banden"]} <= set(begrippen.PROCEDURES_NATIONAAL)


def test_ocds_has_a_method_for_every_procedure():
    assert set(METHODE) == set(Procedure)
