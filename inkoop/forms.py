"""Form pieces shared by every app: Dutch amounts in, Dutch amounts out."""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .formatting import OngeldigBedrag, getal, parse_bedrag
from .models import Lidmaatschap, Organisatie, Rol

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


# --- User administration and the organisation's own details -------------------------------------


class UitnodigingForm(forms.Form):
    email = forms.EmailField(label=_("E-mailadres"), max_length=254,
                             help_text=_("De collega krijgt hier een link om een wachtwoord te kiezen."))
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=150, required=False)
    rol = forms.ChoiceField(label=_("Rol"), choices=Rol.choices)
    afdeling = forms.CharField(label=_("Afdeling"), max_length=200, required=False,
                               help_text=_("Voor een budgethouder: de meldingen van deze afdeling zijn zichtbaar."))


class LidmaatschapForm(forms.ModelForm):
    class Meta:
        model = Lidmaatschap
        fields = ["rol", "afdeling"]


LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_PIXELS = 4000 * 4000
# Printed at most 60 × 20 mm on the cover and the letterhead: more pixels only weigh down the PDF.
LOGO_FORMAAT = (900, 300)


class OrganisatieForm(forms.ModelForm):
    logo_bestand = forms.ImageField(
        label=_("Logo"), required=False,
        help_text=_("PNG of JPEG, hoogstens 1 MB; komt op de omslag van het jaarverslag en op de adviesbrief."))
    logo_verwijderen = forms.BooleanField(label=_("Logo verwijderen"), required=False)

    class Meta:
        model = Organisatie
        fields = ["naam", "adres"]
        help_texts = {"adres": _("Komt in het briefhoofd van de adviesbrief.")}
        widgets = {"adres": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.logo:
            del self.fields["logo_verwijderen"]

    def clean_logo_bestand(self):
        bestand = self.cleaned_data.get("logo_bestand")
        if not bestand:
            return None
        if bestand.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("Het logo is %(mb)s MB; hoogstens 1 MB is toegestaan.")
                                        % {"mb": getal(Decimal(bestand.size) / (1024 * 1024), 1)})
        # Django's ImageField has opened it with Pillow: a file that is no image never gets here.
        if bestand.image.format not in {"PNG", "JPEG"}:
            raise forms.ValidationError(_("Alleen PNG of JPEG; dit bestand is %(formaat)s.")
                                        % {"formaat": bestand.image.format})
        breedte, hoogte = bestand.image.size
        if breedte * hoogte > LOGO_MAX_PIXELS:
            raise forms.ValidationError(_("Het logo is %(b)s × %(h)s pixels; hoogstens 4000 × 4000.")
                                        % {"b": breedte, "h": hoogte})
        return logo_als_png(bestand)

    def save(self, commit=True):
        org = super().save(commit=False)
        if self.cleaned_data.get("logo_bestand"):
            org.logo = self.cleaned_data["logo_bestand"]
        elif self.cleaned_data.get("logo_verwijderen"):
            org.logo = b""
        if commit:
            org.save()
        return org


def logo_als_png(bestand) -> bytes:
    """Re-encode the upload as a small PNG: drops metadata and anything hidden after the image."""
    import io

    from PIL import Image

    bestand.seek(0)
    with Image.open(bestand) as beeld:
        beeld.load()
        beeld = beeld.convert("RGBA")
        beeld.thumbnail(LOGO_FORMAAT)
        uit = io.BytesIO()
        beeld.save(uit, format="PNG", optimize=True)
    return uit.getvalue()
