"""The domain vocabulary, defined once (conventions.md: one constants module, as Open Zaak does).

Every app imports its terms from here: models, forms, exports, OCDS and the report. The advice
engine (adviezen/engine, pure Python) cannot import Django; it uses the same machine values and
tests/beleid/test_begrippen.py holds the engine's codes and sentence names to this module.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Procedure(models.TextChoices):
    """All procedures of the Aanbestedingswet 2012, plus the national ones below the EU threshold
    (Gids Proportionaliteit) and the sale of land (Didam, HR 26-11-2021) that the department runs.

    The machine values are those of the contract register import (interfaces.md §8).
    """

    ENKELVOUDIG = "enkelvoudig", _("Enkelvoudig onderhands")
    MEERVOUDIG_ONDERHANDS = "meervoudig_onderhands", _("Meervoudig onderhands")
    NATIONAAL_OPENBAAR = "nationaal_openbaar", _("Nationaal openbaar")
    NATIONAAL_NIET_OPENBAAR = "nationaal_niet_openbaar", _("Nationaal niet-openbaar")
    # Directive 2014/24/EU art. 26(2), 27 and 28: open and restricted are free to choose.
    EUROPEES_OPENBAAR = "europees_openbaar", _("Europees openbaar")
    EUROPEES_NIET_OPENBAAR = "europees_niet_openbaar", _("Europees niet-openbaar")
    # Only on a ground of Aw 2012 art. 2.28 (Directive 2014/24/EU art. 26(4), 29 and 30).
    EUROPEES_MEDEDINGINGSPROCEDURE = ("europees_mededingingsprocedure",
                                      _("Europese mededingingsprocedure met onderhandeling"))
    EUROPEES_CONCURRENTIEGERICHTE_DIALOOG = ("europees_concurrentiegerichte_dialoog",
                                             _("Europese concurrentiegerichte dialoog"))
    # Directive 2014/24/EU art. 31 (innovation partnership).
    EUROPEES_INNOVATIEPARTNERSCHAP = "europees_innovatiepartnerschap", _("Europees innovatiepartnerschap")
    # Only on a ground of Aw 2012 art. 2.32-2.32a (Directive 2014/24/EU art. 32).
    ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING = (
        "onderhandelingsprocedure_zonder_aankondiging",
        _("Onderhandelingsprocedure zonder aankondiging"))
    # Aw 2012 art. 2.38-2.39, Directive 2014/24/EU art. 74-76 and Annex XIV: the light regime.
    SOCIAAL_EN_SPECIFIEK = ("sociaal_en_specifiek",
                            _("Sociale en andere specifieke diensten (verlicht regime)"))
    DIDAM_OPENBARE_SELECTIE = "didam_openbare_selectie", _("Openbare selectieprocedure (Didam)")
    DIDAM_ENIGE_SERIEUZE_GEGADIGDE = ("didam_enige_serieuze_gegadigde",
                                      _("Verkoop aan de enige serieuze gegadigde (Didam)"))
    BIEDINGSPROCEDURE = "biedingsprocedure", _("Biedingsprocedure (verkoop)")


# Published in the EU (TED): the procedures of part 2 of the Aanbestedingswet 2012.
EUROPESE_PROCEDURES = frozenset({
    Procedure.EUROPEES_OPENBAAR, Procedure.EUROPEES_NIET_OPENBAAR, Procedure.EUROPEES_MEDEDINGINGSPROCEDURE,
    Procedure.EUROPEES_CONCURRENTIEGERICHTE_DIALOOG, Procedure.EUROPEES_INNOVATIEPARTNERSCHAP,
    Procedure.ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING, Procedure.SOCIAAL_EN_SPECIFIEK,
})
# The national procedures a band of the policy may prescribe (adviesregels.md §3, P-10/P-11).
PROCEDURES_NATIONAAL = (Procedure.ENKELVOUDIG, Procedure.MEERVOUDIG_ONDERHANDS, Procedure.NATIONAAL_OPENBAAR)
# The procedures the policy may leave to the budget holder (Beleid.traject_door_budgethouder):
# the private ones. A public or European procedure is announced on TenderNed (Aw 2012 art. 1.13,
# 2.52) and is always guided by Inkoop.
PROCEDURES_ZELF_UIT_TE_VOEREN = (Procedure.ENKELVOUDIG, Procedure.MEERVOUDIG_ONDERHANDS)
# A tender ("aanbesteding") in the sense of the MVI-zelfevaluatie: competition between several
# firms for a public contract. Not a single quote, not a sale of land (Didam/bieding), not a
# negotiation with one firm without a notice.
AANBESTEDINGEN = frozenset({
    Procedure.MEERVOUDIG_ONDERHANDS, Procedure.NATIONAAL_OPENBAAR, Procedure.NATIONAAL_NIET_OPENBAAR,
    *(EUROPESE_PROCEDURES - {Procedure.ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING}),
})
# The sale of land or property (Didam): no procurement procedure of the Aanbestedingswet.
PROCEDURES_DIDAM = frozenset({Procedure.DIDAM_OPENBARE_SELECTIE, Procedure.DIDAM_ENIGE_SERIEUZE_GEGADIGDE})


class SoortOpdracht(models.TextChoices):
    """Aanbestedingswet 2012 art. 1.1 (werk, levering, dienst); the social and other specific
    services of art. 2.38 (Annex XIV) and the sale of land, which follow their own rules."""

    LEVERING = "levering", _("Levering")
    DIENST = "dienst", _("Dienst")
    WERK = "werk", _("Werk")
    SOCIALE_DIENST = "sociale_dienst", _("Sociale of andere specifieke dienst")
    VERKOOP_GROND = "verkoop_grond", _("Verkoop van grond of vastgoed")


# The three kinds of public contract of Aw 2012 art. 1.1 (inkooppakket, contract register §8).
SOORTEN_AW = (SoortOpdracht.LEVERING, SoortOpdracht.DIENST, SoortOpdracht.WERK)
# The kinds a policy band is set for (adviesregels.md §3).
SOORTEN_BANDEN = (*SOORTEN_AW, SoortOpdracht.SOCIALE_DIENST)


def keuzes(*waarden) -> list[tuple[str, str]]:
    """Choices for a field that allows only some terms of one vocabulary, with their labels."""
    return [(w.value, w.label) for w in waarden]


class WerkCategorie(models.TextChoices):
    """The categories of works with their own bands (inkoopbeleid Twente, P-11)."""

    BOUW = "bouw", _("Bouw (gebouwen)")
    GWW = "gww", _("Grond-, weg- en waterbouw")
    CULTUURTECHNISCH = "cultuurtechnisch", _("Cultuurtechnisch (groen, landschap)")


class Branche(models.TextChoices):
    """The branches of a purchase: those the advice engine knows (interfaces.md §1) and the fields
    of the Beleidsregel Wet Bibob gemeente Enschede 2019 and the 2024 report. Which of them call
    for a Bibob screening is policy (Beleid.bibob_branches), not this list."""

    BOUW = "bouw", _("Bouw")
    MILIEU = "milieu", _("Milieu (afval, bodem)")
    ICT = "ict", _("ICT")
    VERVOER = "vervoer", _("Vervoer")
    BEVEILIGING = "beveiliging", _("Beveiliging en veiligheid")
    OPENBARE_ORDE = "openbare_orde", _("Openbare orde")
    ZORG = "zorg", _("(Jeugd)zorg en welzijn")
    EXTERNE_INHUUR = "externe_inhuur", _("Externe inhuur")
    ARCHIEF = "archief", _("Bewerken van het archief")
    OVERIG = "overig", _("Overig")


class MvoiThema(models.TextChoices):
    """The six themes of the Manifest MVOI 2022-2025 (Stcrt. 2024, 806; adviesregels.md §8)."""

    KLIMAAT = "klimaat", _("Klimaat")
    CIRCULAIR = "circulair", _("Circulair (inclusief biobased)")
    KETENVERANTWOORDELIJKHEID = ("ketenverantwoordelijkheid",
                                 _("Ketenverantwoordelijkheid (internationale sociale voorwaarden)"))
    DIVERSITEIT_INCLUSIE = "diversiteit_inclusie", _("Diversiteit en inclusie")
    SOCIAL_RETURN = "social_return", _("Social return")
    MILIEU = "milieu", _("Milieu (inclusief biodiversiteit)")


class MvoiWijze(models.TextChoices):
    """How a theme is applied (MVI-zelfevaluatietool, PIANOo/TenderNed). The published figure
    counts only minimumeisen and gunningscriteria; a contract clause is shown on its own."""

    MINIMUMEIS = "minimumeis", _("Minimumeis")
    GUNNINGSCRITERIUM = "gunningscriterium", _("Gunningscriterium")
    CONTRACTVOORWAARDE = "contractvoorwaarde", _("Contractvoorwaarde")


class Grond(models.TextChoices):
    """The grounds on which a procedure other than open or restricted may be used."""

    # Aw 2012 art. 2.28 lid 1 (Directive 2014/24/EU art. 26(4)): mededingingsprocedure met
    # onderhandeling and concurrentiegerichte dialoog.
    AANPASSING_NODIG = "aanpassing_nodig", _(
        "De behoeften kunnen niet worden vervuld zonder aanpassing van direct beschikbare oplossingen "
        "(Aw 2012 art. 2.28 lid 1 onder a, 1°)")
    ONTWERP_OF_INNOVATIE = "ontwerp_of_innovatie", _(
        "De opdracht omvat ontwerp of innovatieve oplossingen (Aw 2012 art. 2.28 lid 1 onder a, 2°)")
    ONDERHANDELEN_NODIG = "onderhandelen_nodig", _(
        "Door de aard, complexiteit, juridische of financiële voorwaarden of risico’s kan niet worden gegund "
        "zonder onderhandelingen (Aw 2012 art. 2.28 lid 1 onder a, 3°)")
    SPECIFICATIES_ONMOGELIJK = "specificaties_onmogelijk", _(
        "De technische specificaties kunnen niet nauwkeurig genoeg worden vastgesteld "
        "(Aw 2012 art. 2.28 lid 1 onder a, 4°)")
    ONREGELMATIGE_INSCHRIJVINGEN = "onregelmatige_inschrijvingen", _(
        "Een openbare of niet-openbare procedure leverde alleen onregelmatige of onaanvaardbare inschrijvingen op "
        "(Aw 2012 art. 2.28 lid 1 onder b)")
    # Directive 2014/24/EU art. 31: innovatiepartnerschap.
    INNOVATIEF_NIET_OP_MARKT = "innovatief_niet_op_markt", _(
        "Er is behoefte aan een innovatief product, dienst of werk dat nog niet op de markt te koop is "
        "(Richtlijn 2014/24/EU art. 31)")
    # Aw 2012 art. 2.32 (Directive 2014/24/EU art. 32(2)): onderhandelingsprocedure zonder aankondiging.
    GEEN_GESCHIKTE_INSCHRIJVINGEN = "geen_geschikte_inschrijvingen", _(
        "Een openbare of niet-openbare procedure leverde geen of geen geschikte inschrijvingen of verzoeken op "
        "(Aw 2012 art. 2.32 lid 1 onder a)")
    EEN_ONDERNEMER = "een_ondernemer", _(
        "Alleen één ondernemer kan de opdracht uitvoeren: kunstwerk of artistieke prestatie, geen mededinging om "
        "technische redenen, of bescherming van exclusieve rechten (Aw 2012 art. 2.32 lid 1 onder b)")
    DWINGENDE_SPOED = "dwingende_spoed", _(
        "Dwingende spoed door onvoorziene gebeurtenissen die de gemeente niet zijn toe te rekenen "
        "(Aw 2012 art. 2.32 lid 1 onder c)")
    # Aw 2012 art. 2.32a and further (Directive 2014/24/EU art. 32(3) and (5)).
    AANVULLENDE_LEVERINGEN = "aanvullende_leveringen", _(
        "Aanvullende leveringen door de oorspronkelijke leverancier, of levering op een grondstoffenmarkt of onder "
        "bijzonder gunstige voorwaarden (Richtlijn 2014/24/EU art. 32 lid 3)")
    HERHALING = "herhaling", _(
        "Herhaling van soortgelijke werken of diensten volgens een eerder aanbestede basisopdracht "
        "(Richtlijn 2014/24/EU art. 32 lid 5)")


_MEDEDINGING = (Grond.AANPASSING_NODIG, Grond.ONTWERP_OF_INNOVATIE, Grond.ONDERHANDELEN_NODIG,
                Grond.SPECIFICATIES_ONMOGELIJK, Grond.ONREGELMATIGE_INSCHRIJVINGEN)
# The procedures that need a ground, and which. Open and restricted are free to choose
# (Directive 2014/24/EU art. 26(2)); the light regime needs a service of Annex XIV instead
# (adviezen/engine/bijlage_xiv.py).
GRONDEN = {
    Procedure.EUROPEES_MEDEDINGINGSPROCEDURE: _MEDEDINGING,
    Procedure.EUROPEES_CONCURRENTIEGERICHTE_DIALOOG: _MEDEDINGING,
    Procedure.EUROPEES_INNOVATIEPARTNERSCHAP: (Grond.INNOVATIEF_NIET_OP_MARKT,),
    Procedure.ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING: (
        Grond.GEEN_GESCHIKTE_INSCHRIJVINGEN, Grond.EEN_ONDERNEMER, Grond.DWINGENDE_SPOED,
        Grond.AANVULLENDE_LEVERINGEN, Grond.HERHALING),
}
