"""Read access to the contracts of the contracten app (rechtmatigheid sits above it and only reads)."""

from decimal import Decimal

from django.db.models import DecimalField, F, Value
from django.db.models.functions import Coalesce

from contracten.models import Contract, Traject


def contract_model():
    return Contract


def traject_model():
    return Traject


def contracten_van(organisatie):
    """The organisation's registered contracts."""
    return Contract.objects.filter(organisatie=organisatie)


def contractwaarde_expressie(model=Contract):
    """The contract value including options (product.md step 3: value, extension options; Aw 2012
    art. 2.13)."""
    nul = Value(Decimal("0.00"), output_field=DecimalField(max_digits=15, decimal_places=2))
    return Coalesce(F("waarde_totaal"), nul) + Coalesce(F("waarde_opties"), nul)
