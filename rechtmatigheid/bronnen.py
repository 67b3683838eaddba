"""Read access to the contracts of the contracten app (runtime imports: this app only reads).

The contracten app is built after this one in the chain (uitgaven <- meldingen <- adviezen <-
contracten); until its models exist, the signals that need contracts see none.
"""

from decimal import Decimal

from django.db.models import DecimalField, F, Value
from django.db.models.functions import Coalesce


def contract_model():
    try:
        from contracten.models import Contract
    except ImportError:
        return None
    return Contract


def traject_model():
    try:
        from contracten.models import Traject
    except ImportError:
        return None
    return Traject


def _velden(model) -> set[str]:
    return {f.name for f in model._meta.get_fields()}


def contracten_van(organisatie):
    """The organisation's registered contracts, or None when the contracten app has none yet."""
    Contract = contract_model()
    if Contract is None:
        return None
    return Contract.objects.filter(organisatie=organisatie)


def contractwaarde_expressie(model):
    """The contract value including options (product.md step 3: value, extension options)."""
    nul = Value(Decimal("0.00"), output_field=DecimalField(max_digits=15, decimal_places=2))
    velden = _velden(model)
    waarde = Coalesce(F("waarde_totaal"), nul) if "waarde_totaal" in velden else nul
    if "waarde_opties" in velden:
        return waarde + Coalesce(F("waarde_opties"), nul)
    return waarde
