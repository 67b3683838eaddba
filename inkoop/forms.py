"""Form pieces shared by every app: Dutch amounts in, Dutch amounts out."""

import re
from decimal import Decimal

from django import forms

from .formatting import OngeldigBedrag, getal, parse_bedrag

_OPGESLAGEN = re.compile(r"^-?\d+(\.\d{1,2})?$")


class BedragInvoer(forms.TextInput):
    """Shows a stored Decimal the Dutch way (25.000 or 25.000,50); accepts what parse_bedrag accepts."""

    input_type = "text"

    def format_value(self, value):
        if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
            tekst = getal(Decimal(value), 2)
            return tekst[:-3] if tekst.endswith(",00") else tekst
        # A stored amount as a string ("221000.00"), not what a person typed ("60.000").
        if isinstance(value, str) and _OPGESLAGEN.match(value):
            return self.format_value(Decimal(value))
        return super().format_value(value)


class BedragField(forms.CharField):
    """Dutch amounts, strictly (inkoop.formatting.parse_bedrag): 25.000 is twenty-five thousand."""

    widget = BedragInvoer

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"})

    def to_python(self, value):
        if isinstance(value, Decimal):
            return value
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_bedrag(value)
        except OngeldigBedrag as fout:
            raise forms.ValidationError(f"{self.label}: {fout}", code="bedrag") from fout
