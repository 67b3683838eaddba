import secrets

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import Beoordeling, Soort


class SignaalFilterForm(forms.Form):
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    soort = forms.ChoiceField(label=_("Soort"), required=False,
                              choices=[("", _("Alle soorten")), *Soort.choices])
    beoordeling = forms.ChoiceField(label=_("Beoordeling"), required=False, choices=[
        ("", _("Alle")), ("open", _("Nog niet beoordeeld")),
        (Beoordeling.TERECHT, _("Terecht")), (Beoordeling.ONTERECHT, _("Onterecht"))])
    vervallen = forms.BooleanField(label=_("Ook vervallen signalen"), required=False)
    zoek = forms.CharField(label=_("Zoeken"), required=False, max_length=100,
                           help_text=_("Crediteur, nummer, pakket of woord uit de toelichting"))

    def __init__(self, *args, jaren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(j, str(j)) for j in jaren]


class BeoordelingForm(forms.Form):
    beoordeling = forms.ChoiceField(
        label=_("Beoordeling"), widget=forms.RadioSelect,
        choices=[(Beoordeling.TERECHT, _("Terecht: het signaal wijst op een echt risico of een onrechtmatigheid")),
                 (Beoordeling.ONTERECHT, _("Onterecht: er is een verklaring, het is rechtmatig"))],
        error_messages={"required": _("Kies of het signaal terecht of onterecht is.")})
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Verplicht bij ‘onterecht’: waarom is het rechtmatig (contract, vrijstelling, correctie)?"))

    def clean(self):
        data = super().clean()
        if data.get("beoordeling") == Beoordeling.ONTERECHT and not (data.get("toelichting") or "").strip():
            self.add_error("toelichting", _("Licht toe waarom het signaal onterecht is."))
        return data


class BulkBeoordelingForm(forms.Form):
    """One assessment with one note for all ticked signals of the list."""

    beoordeling = forms.ChoiceField(
        label=_("Beoordeling van de aangevinkte signalen"),
        choices=[(Beoordeling.TERECHT, _("Terecht")), (Beoordeling.ONTERECHT, _("Onterecht"))],
        error_messages={"required": _("Kies terecht of onterecht."),
                        "invalid_choice": _("Kies terecht of onterecht.")})
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=2000,
                                  help_text=_("Verplicht bij ‘onterecht’."))

    def clean(self):
        data = super().clean()
        if data.get("beoordeling") == Beoordeling.ONTERECHT and not (data.get("toelichting") or "").strip():
            self.add_error("toelichting", _("Licht toe waarom de signalen onterecht zijn."))
        return data


def nieuw_zaad() -> str:
    """A random suggestion for the seed; the controller may type another one."""
    return str(secrets.randbelow(900000) + 100000)


class SteekproefForm(forms.Form):
    jaar = forms.TypedChoiceField(label=_("Boekjaar"), coerce=int)
    omvang = forms.IntegerField(label=_("Omvang (aantal factuurregels)"), min_value=1, max_value=100000,
                                initial=60, error_messages={
                                    "min_value": _("De omvang moet minstens 1 zijn."),
                                    "invalid": _("Vul een heel getal in, bijvoorbeeld 60."),
                                    "required": _("Vul de omvang in.")})
    zaad = forms.CharField(label=_("Zaad (seed)"), max_length=100,
                           help_text=_("Willekeurig voorgesteld; met hetzelfde zaad is de steekproef te herhalen."),
                           error_messages={"required": _("Vul een zaad in, bijvoorbeeld 482913.")},
                           # The seed goes into file names and headers of the exports.
                           validators=[RegexValidator(r"^[A-Za-z0-9._-]+$", _(
                               "Gebruik voor het zaad alleen letters, cijfers, punten en streepjes."))])

    def __init__(self, *args, jaren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [(j, str(j)) for j in jaren]
        if not self.is_bound:
            self.initial.setdefault("zaad", nieuw_zaad())
