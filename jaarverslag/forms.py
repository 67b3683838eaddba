from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MAX_TEKST


class VerhaaltekstForm(forms.Form):
    tekst = forms.CharField(
        label=_("Tekst"), required=False, max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 18, "class": "form-control font-monospace"}),
        help_text=_("Markdown: een lege regel begint een nieuwe alinea; **vet**, *cursief*, ### tussenkop, "
                    "- opsomming, > citaat. Afbeeldingen en HTML-opmaak worden weggelaten."))


class InstellingForm(forms.Form):
    tijdig_weken = forms.IntegerField(
        label=_("Tijdig gemeld: aantal weken vóór de gewenste startdatum"), min_value=0, max_value=52,
        widget=forms.NumberInput(attrs={"class": "form-control"}))
