"""Read access to the contracts and trajecten of the contracten app (rechtmatigheid only reads).

Runtime imports keep the app arrows one way in the module graph (contracten is to the right of
the apps whose data the signals read).
"""

from decimal import Decimal

from django.db.models import Case, CharField, DateField, DecimalField, F, Value, When
from django.db.models.functions import Coalesce, NullIf


def contract_model():
    from contracten.models import Contract

    return Contract


def traject_model():
    from contracten.models import Traject

    return Traject


def contracten_van(organisatie):
    """The organisation's registered contracts."""
    return contract_model().objects.filter(organisatie=organisatie)


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
    from contracten.models import Procedure

    return dict(Procedure.choices)


def zwaarte():
    from contracten.models import ZWAARTE

    return ZWAARTE


def europese_procedures():
    from contracten.models import EUROPESE_PROCEDURES

    return EUROPESE_PROCEDURES
