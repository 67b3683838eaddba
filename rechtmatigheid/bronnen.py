"""Read access to the contracts and trajecten of the contracten app (rechtmatigheid only reads).

rechtmatigheid sits above contracten in the layers (ADR 0005), so it imports its models directly.
"""

from decimal import Decimal

from django.db.models import Case, CharField, DateField, DecimalField, F, Value, When
from django.db.models.functions import Coalesce, NullIf

from beleid.begrippen import EUROPESE_PROCEDURES, Procedure
from contracten.models import Contract, Traject


def contract_model():
    return Contract


def traject_model():
    return Traject


def contracten_van(organisatie):
    """The organisation's registered contracts."""
    return Contract.objects.filter(organisatie=organisatie)


def contractwaarde_expressie(model=None):
    """The contract value including options (Aw 2012 art. 2.13: the value includes all options)."""
    nul = Value(Decimal("0.00"), output_field=DecimalField(max_digits=15, decimal_places=2))
    return Coalesce(F("waarde_totaal"), nul) + Coalesce(F("waarde_opties"), nul)


def procedure_expressie():
    """The procedure a contract was awarded with: its own (an imported register) or its traject's."""
    return Coalesce(NullIf(F("procedure"), Value("")), F("traject__procedure"), Value(""),
                    output_field=CharField())


def gunningsdatum_expressie():
    """The award date: recorded, else the traject's completion, else the contract's start."""
    return Coalesce(F("gunningsdatum"), F("traject__afgerond_op"), F("startdatum"), output_field=DateField())


def einde_expressie():
    """The end of the term including exercised options; NULL for an indefinite contract."""
    return Case(When(einddatum__isnull=True, then=Value(None, output_field=DateField())),
                default=F("einddatum"), output_field=DateField())


def procedure_namen():
    return dict(Procedure.choices)


# How much competition a procedure brings, for comparing the procedure used with the one the
# policy requires (procedure_te_licht): every announced European procedure meets the EU
# obligation (Aw 2012 art. 2.25-2.31, the light regime art. 2.39); nationaal openbaar the national
# works band (P-11); meervoudig onderhands the band of P-10. The negotiated procedure without a
# notice weighs as one party asked: it is lawful only on a ground of Aw 2012 art. 2.32, which the
# assessment of the signal records (judged onterecht with that ground as note).
ZWAARTE = {
    Procedure.ENKELVOUDIG: 1,
    Procedure.ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING: 1,
    Procedure.MEERVOUDIG_ONDERHANDS: 2,
    Procedure.NATIONAAL_OPENBAAR: 3,
    Procedure.NATIONAAL_NIET_OPENBAAR: 3,
    **dict.fromkeys(EUROPESE_PROCEDURES - {Procedure.ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING}, 4),
}


def zwaarte():
    return ZWAARTE


def europese_procedures():
    """Procedures that put the contract out to competition in Europe (covering a pakket's spend)."""
    return EUROPESE_PROCEDURES - {Procedure.ONDERHANDELINGSPROCEDURE_ZONDER_AANKONDIGING}
