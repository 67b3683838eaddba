from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from beleid.begrippen import SOORTEN_AW, keuzes
from inkoop.formatting import OngeldigBedrag, parse_bedrag


class MeerdereBestandenInvoer(forms.ClearableFileInput):
    allow_multiple_selected = True


class MeerdereBestandenVeld(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MeerdereBestandenInvoer(attrs={"class": "form-control", "accept": ".csv,.txt,.xlsx"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        enkel = super().clean
        if isinstance(data, (list, tuple)):
            return [enkel(d, initial) for d in data]
        return [enkel(data, initial)] if data else []


class ImportForm(forms.Form):
    bestanden = MeerdereBestandenVeld(
        label=_("Bestanden"),
        help_text=_("Eén of meer CSV- of xlsx-bestanden uit de financiële administratie: inkooppakketten, "
                    "kostenplaatsen, crediteuren, regio en facturen. Het soort bestand volgt uit de kopregel."))
    overschrijf_classificatie = forms.BooleanField(
        label=_("Inkooppakket uit het bestand laat ook een indeling van de inkoper vervallen"), required=False,
        help_text=_("Zonder dit vinkje blijft een indeling die een inkoper in de applicatie maakte staan."))

    def clean_bestanden(self):
        bestanden = self.cleaned_data["bestanden"]
        if not bestanden:
            raise forms.ValidationError(_("Kies ten minste één bestand."))
        totaal = sum(f.size for f in bestanden)
        if totaal > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                _("De bestanden zijn samen %(mb)s MB; het maximum is %(max)s MB.")
                % {"mb": round(totaal / 1024 / 1024, 1), "max": settings.UPLOAD_MAX_BYTES // 1024 // 1024})
        return bestanden


class CrediteurFilterForm(forms.Form):
    zoek = forms.CharField(label=_("Zoeken"), required=False,
                           widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}))
    pakket = forms.ChoiceField(label=_("Inkooppakket"), required=False,
                               widget=forms.Select(attrs={"class": "form-select"}))
    regio = forms.ChoiceField(label=_("Regio"), required=False, widget=forms.Select(attrs={"class": "form-select"}))
    jaar = forms.TypedChoiceField(label=_("Uitgaven in"), required=False, coerce=int, empty_value=None,
                                  widget=forms.Select(attrs={"class": "form-select"}))
    minimaal = forms.CharField(label=_("Minimaal besteed"), required=False,
                               widget=forms.TextInput(attrs={"class": "form-control", "inputmode": "decimal"}))

    def __init__(self, *args, pakketten, regio_namen, jaren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pakket"].choices = [("", _("Alle")), ("geen", _("Zonder pakket (nog niet beoordeeld)"))] + [
            (str(p.pk), f"{p.code} {p.naam}") for p in pakketten]
        self.fields["regio"].choices = [("", _("Alle"))] + [(r, r) for r in regio_namen]
        self.fields["jaar"].choices = [(j, j) for j in sorted(jaren, reverse=True)] or [("", "–")]

    def clean_minimaal(self):
        tekst = self.cleaned_data["minimaal"].strip()
        if not tekst:
            return None
        try:
            return parse_bedrag(tekst)
        except OngeldigBedrag as exc:
            raise forms.ValidationError(str(exc)) from exc


class SoortForm(forms.Form):
    """The soort of one inkooppakket (which procedure band applies to its spend)."""

    soort = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("Levering of dienst (onbekend)")),
                                                                         *keuzes(*SOORTEN_AW)],
                              widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
