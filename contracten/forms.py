"""Forms of the contracten app: parse and check input; the services store it."""

import uuid
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inkoop.forms import BedragField
from inkoop.models import Gebruiker
from meldingen.models import Inkoopmelding
from uitgaven.models import Crediteur, Inkooppakket

from .models import (
    BibobToets,
    Contract,
    Doelgroep,
    Klacht,
    MvoiThema,
    Perceel,
    SroiWijze,
    Traject,
    TrajectStatus,
    WerkpaktKeurmerkhouder,
)


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")




class PercentageField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        tekst = value.strip().rstrip("%").strip().replace(",", ".")
        try:
            d = Decimal(tekst)
        except ArithmeticError:
            d = None
        if d is None or not d.is_finite() or not (Decimal(0) < d <= Decimal(100)) or d != d.quantize(Decimal("0.01")):
            raise forms.ValidationError(f"{self.label}: ‘{value}’ is geen percentage tussen 0 en 100 "
                                        f"(bijvoorbeeld 5 of 2,5).")
        return d


class CrediteurField(forms.CharField):
    """A crediteur by its number, or by (part of) its name when that finds exactly one."""

    def __init__(self, *args, organisatie=None, **kwargs):
        self.organisatie = organisatie
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Crediteurnummer of (een deel van) de naam."))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, Crediteur):
            return value.nummer
        if isinstance(value, int):
            c = Crediteur.objects.filter(pk=value, organisatie=self.organisatie).first()
            return c.nummer if c else ""
        return value

    def to_python(self, value):
        value = (super().to_python(value) or "").strip()
        if not value:
            return None
        qs = Crediteur.objects.filter(organisatie=self.organisatie)
        exact = qs.filter(nummer=value).first()
        if exact:
            return exact
        treffers = list(qs.filter(naam__icontains=value).order_by("naam")[:6])
        if len(treffers) == 1:
            return treffers[0]
        if not treffers:
            raise forms.ValidationError(f"{self.label}: geen crediteur gevonden met nummer of naam ‘{value}’.")
        opties = "; ".join(f"{c.nummer} {c.naam}" for c in treffers[:5])
        raise forms.ValidationError(f"{self.label}: ‘{value}’ past bij meerdere crediteuren. Vul het nummer in, "
                                    f"bijvoorbeeld: {opties}.")


def _gebruikers(organisatie, rollen=None):
    # Role and organisation in ONE filter call, so both are matched on the same membership
    # (two calls would join the memberships twice: inkoper elsewhere + member here would pass).
    lid = {"lidmaatschappen__organisatie": organisatie}
    if rollen:
        lid["lidmaatschappen__rol__in"] = rollen
    qs = Gebruiker.objects.filter(is_active=True, **lid)
    return qs.order_by("first_name", "last_name", "username").distinct()


class OrganisatieForm(forms.ModelForm):
    def __init__(self, *args, organisatie, **kwargs):
        self.organisatie = organisatie
        super().__init__(*args, **kwargs)


class EenmaligMixin(forms.Form):
    """An idempotency key for a form that creates a record: the same form posted twice (a double
    click, a reload) creates one record, as the melding form does."""

    sleutel = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            del self.fields["sleutel"]
        else:
            self.initial.setdefault("sleutel", uuid.uuid4())


class TrajectForm(EenmaligMixin, OrganisatieForm):
    geraamde_waarde = BedragField(label=_("Geraamde waarde excl. btw"), required=False)
    meldingnummer = forms.CharField(label=_("Inkoopmelding (nummer)"), required=False,
                                    help_text=_("Bijvoorbeeld 2024-0042; leeg als er geen melding is."))

    class Meta:
        model = Traject
        fields = ["omschrijving", "meldingnummer", "procedure", "soort", "startdatum", "begeleid_door_inkoop",
                  "verbonden_partij", "afdeling", "inkoper", "geraamde_waarde", "gouden_aanbesteding",
                  "tenderboard_advies_gevraagd", "tenderboard_advies", "tenderned_kenmerk", "cpv_code", "toelichting"]
        widgets = {"startdatum": DatumInvoer(), "toelichting": forms.Textarea(attrs={"rows": 3}),
                   "tenderboard_advies": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"verbonden_partij": _("Leeg laten als de eigen organisatie opdrachtgever is.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inkoper"].queryset = _gebruikers(self.organisatie, ["inkoper"])
        if self.instance.melding_id:
            self.initial["meldingnummer"] = self.instance.melding.nummer

    def clean_meldingnummer(self):
        nummer = self.cleaned_data["meldingnummer"].strip()
        if not nummer:
            return None
        melding = Inkoopmelding.objects.filter(organisatie=self.organisatie, nummer=nummer).first()
        if melding is None:
            raise forms.ValidationError(f"Er is geen inkoopmelding met nummer ‘{nummer}’.")
        return melding


class TrajectUitAdviesForm(TrajectForm):
    """The traject that carries out an accepted advice: the melding is given, the rest prefilled.

    A budget holder who runs the procedure themselves (the policy says so for this procedure)
    records only what they do: the advised procedure, not Inkoop's guidance fields.
    """

    ALLEEN_INKOOP = ("begeleid_door_inkoop", "verbonden_partij", "inkoper", "gouden_aanbesteding",
                     "tenderboard_advies_gevraagd", "tenderboard_advies", "tenderned_kenmerk")

    def __init__(self, *args, advies, door_inkoop: bool, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["meldingnummer"]
        if not door_inkoop:
            for naam in self.ALLEEN_INKOOP:
                del self.fields[naam]
            veld = self.fields["procedure"]
            veld.choices = [(k, v) for k, v in veld.choices if k == advies.procedure]
            veld.help_text = _("De procedure uit het inkoopadvies. Wilt u een andere? Vraag het Inkoop.")


class TrajectStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"))
    datum = forms.DateField(label=_("Datum"), widget=DatumInvoer())
    reden = forms.CharField(label=_("Reden (bij intrekken)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        volgende = {
            TrajectStatus.IN_VOORBEREIDING: [TrajectStatus.LOPEND, TrajectStatus.AFGEROND, TrajectStatus.INGETROKKEN],
            TrajectStatus.LOPEND: [TrajectStatus.AFGEROND, TrajectStatus.INGETROKKEN],
        }.get(traject.status, [])
        self.fields["status"].choices = [(s.value, s.label) for s in volgende]

    def clean(self):
        data = super().clean()
        if data.get("status") == TrajectStatus.INGETROKKEN and not (data.get("reden") or "").strip():
            self.add_error("reden", "Geef de reden van intrekking.")
        return data


class PerceelForm(forms.Form):
    naam = forms.CharField(label=_("Naam van het perceel"), max_length=200)
    geraamde_waarde = BedragField(label=_("Geraamde waarde excl. btw"), required=False)


def _perceel_veld(form, traject):
    form.fields["perceel"].queryset = Perceel.objects.filter(traject=traject)
    form.fields["perceel"].required = False
    form.fields["perceel"].empty_label = _("Hele traject")


class UitnodigingForm(forms.Form):
    naam = forms.CharField(label=_("Naam onderneming"), max_length=300)
    perceel = forms.ModelChoiceField(label=_("Perceel"), queryset=Perceel.objects.none())
    uitgenodigd_op = forms.DateField(label=_("Uitgenodigd op"), required=False, widget=DatumInvoer())
    regionaal = forms.BooleanField(label=_("Lokaal of regionaal"), required=False)
    werkpakt_keurmerk = forms.BooleanField(label=_("Heeft het Werkpakt keurmerk"), required=False)

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crediteur"] = CrediteurField(label=_("Crediteur"), organisatie=traject.organisatie)
        _perceel_veld(self, traject)


class InschrijvingForm(forms.Form):
    naam = forms.CharField(label=_("Inschrijver"), max_length=300)
    perceel = forms.ModelChoiceField(label=_("Perceel"), queryset=Perceel.objects.none())
    bedrag = BedragField(label=_("Inschrijfsom excl. btw"), required=False)
    ingediend_op = forms.DateField(label=_("Ingediend op"), required=False, widget=DatumInvoer())

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crediteur"] = CrediteurField(label=_("Crediteur"), organisatie=traject.organisatie)
        _perceel_veld(self, traject)


WIJZEN = (("als_minimumeis", _("Minimumeis")), ("als_gunningscriterium", _("Gunningscriterium")),
          ("als_contractvoorwaarde", _("Contractvoorwaarde")))


class MvoiForm(forms.Form):
    """The grid: six themes × three ways of application, and a reason when none applies."""

    def __init__(self, *args, bestaand=None, **kwargs):
        super().__init__(*args, **kwargs)
        bestaand = bestaand or {}
        for thema in MvoiThema:
            b = bestaand.get(thema.value)
            for veld, label in WIJZEN:
                self.fields[f"{thema.value}__{veld}"] = forms.BooleanField(
                    label=f"{thema.label}: {label}", required=False, initial=bool(b and getattr(b, veld)))
            self.fields[f"{thema.value}__reden"] = forms.CharField(
                label=f"{thema.label}: reden niet toegepast", required=False, max_length=300,
                initial=b.reden_niet_toegepast if b else "")

    def rijen(self):
        for thema in MvoiThema:
            yield {"thema": thema, "wijzen": [self[f"{thema.value}__{veld}"] for veld, _label in WIJZEN],
                   "reden": self[f"{thema.value}__reden"],
                   "fouten": self.errors.get(thema.value, [])}

    def toepassingen(self) -> dict:
        d = self.cleaned_data
        return {t.value: {**{veld: d.get(f"{t.value}__{veld}", False) for veld, _label in WIJZEN},
                          "reden_niet_toegepast": d.get(f"{t.value}__reden", "")} for t in MvoiThema}


class BibobForm(forms.ModelForm):
    class Meta:
        model = BibobToets
        fields = ["betrokkene", "branche", "uitgevoerd_op", "uitkomst", "advies_lbb_gevraagd", "toelichting"]
        widgets = {"uitgevoerd_op": DatumInvoer(), "toelichting": forms.Textarea(attrs={"rows": 2})}


class KlachtForm(forms.ModelForm):
    class Meta:
        model = Klacht
        fields = ["ontvangen_op", "soort", "ingediend_bij", "indiener", "omschrijving", "uitkomst",
                  "afgehandeld_op", "toelichting_uitkomst"]
        widgets = {"ontvangen_op": DatumInvoer(), "afgehandeld_op": DatumInvoer(),
                   "omschrijving": forms.Textarea(attrs={"rows": 2}),
                   "toelichting_uitkomst": forms.Textarea(attrs={"rows": 2})}


class ContractForm(EenmaligMixin, OrganisatieForm):
    waarde_totaal = BedragField(label=_("Contractwaarde excl. btw (initiële looptijd)"))
    waarde_opties = BedragField(label=_("Waarde van de verlengingsopties excl. btw"), required=False)
    waarde_per_jaar = BedragField(label=_("Waarde per jaar excl. btw"), required=False)
    meldingnummer = forms.CharField(label=_("Inkoopmelding (nummer)"), required=False)
    sroi_percentage = PercentageField(label=_("SROI-percentage"), required=False,
                                      help_text=_("Social return geldt vanaf € 100.000 (standaard 5%). "
                                                  "Leeg laten als er geen SROI-verplichting is."))

    class Meta:
        model = Contract
        fields = ["omschrijving", "crediteur", "leverancier_naam", "inkooppakket", "soort", "afdeling", "eigenaar",
                  "waarde_totaal", "waarde_opties", "waarde_per_jaar", "startdatum", "einddatum",
                  "verlengingen_aantal", "verlenging_maanden", "beslistermijn_maanden", "meldingnummer",
                  "sroi_percentage", "toelichting"]
        widgets = {"startdatum": DatumInvoer(), "einddatum": DatumInvoer(),
                   "toelichting": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "leverancier_naam": _("Alleen als de leverancier nog geen crediteur is."),
            "einddatum": _("Einde van de huidige looptijd; leeg bij onbepaalde looptijd."),
            "beslistermijn_maanden": _("Hoeveel maanden vóór het einde over verlenging moet zijn besloten."),
            "eigenaar": _("Krijgt de herinneringen van de inkoopkalender."),
        }

    def __init__(self, *args, nieuw=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crediteur"] = CrediteurField(label=_("Crediteur"), organisatie=self.organisatie)
        self.fields["inkooppakket"].queryset = Inkooppakket.objects.filter(organisatie=self.organisatie)
        self.fields["eigenaar"].queryset = _gebruikers(self.organisatie)
        self.fields["eigenaar"].label_from_instance = lambda u: f"{u} ({u.username})"
        self.order_fields(self.Meta.fields)
        if self.instance.melding_id:
            self.initial["meldingnummer"] = self.instance.melding.nummer
        if not nieuw:
            # The SROI obligation of an existing contract is kept on its own form on the detail page.
            del self.fields["sroi_percentage"]

    def clean_meldingnummer(self):
        nummer = self.cleaned_data["meldingnummer"].strip()
        if not nummer:
            return None
        melding = Inkoopmelding.objects.filter(organisatie=self.organisatie, nummer=nummer).first()
        if melding is None:
            raise forms.ValidationError(f"Er is geen inkoopmelding met nummer ‘{nummer}’.")
        return melding

    def clean_waarde_opties(self):
        return self.cleaned_data["waarde_opties"] or Decimal(0)


class VerplichtingForm(forms.Form):
    percentage = PercentageField(label=_("SROI-percentage"))
    grondslag = BedragField(label=_("Inkoopwaarde waarover SROI geldt"), required=False,
                            help_text=_("Leeg: de contractwaarde inclusief opties."))
    bedrag = BedragField(label=_("Te realiseren SROI-waarde"), required=False,
                         help_text=_("Leeg: percentage × inkoopwaarde."))
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RealisatieForm(forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DatumInvoer())
    bedrag = BedragField(label=_("Gerealiseerde SROI-waarde"))
    wijze = forms.ChoiceField(label=_("Wijze van invulling"), choices=SroiWijze.choices)
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, max_length=300)


class KandidaatForm(forms.Form):
    geplaatst_op = forms.DateField(label=_("Geplaatst op"), widget=DatumInvoer())
    aantal = forms.IntegerField(label=_("Aantal kandidaten"), min_value=1, max_value=100, initial=1)
    doelgroep = forms.ChoiceField(label=_("Doelgroep"), choices=Doelgroep.choices)
    uit_gemeente = forms.BooleanField(label=_("Woont in de gemeente"), required=False)


class DocumentForm(forms.Form):
    bestand = forms.FileField(label=_("Bestand"))
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, max_length=300)


class WerkpaktForm(OrganisatieForm):
    class Meta:
        model = WerkpaktKeurmerkhouder
        fields = ["naam", "crediteur", "kvk_nummer", "plaats", "verleend_op", "ingetrokken_op", "toelichting"]
        widgets = {"verleend_op": DatumInvoer(), "ingetrokken_op": DatumInvoer(),
                   "toelichting": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crediteur"] = CrediteurField(label=_("Crediteur"), organisatie=self.organisatie)
        self.order_fields(self.Meta.fields)


class BootstrapMixin:
    """Bootstrap classes for forms rendered field by field (filters), not through crispy."""

    def zet_klassen(self):
        for veld in self.fields.values():
            w = veld.widget
            w.attrs["class"] = "form-select" if isinstance(w, forms.Select) else "form-control"


class RegisterFilterForm(BootstrapMixin, forms.Form):
    STATUSSEN = [("actueel", _("Actueel")), ("", _("Alle")), ("lopend", _("Lopend")), ("binnenkort", _("Eindigt of beslissen binnen 12 maanden")),
                 ("toekomstig", _("Nog niet gestart")), ("afgelopen", _("Afgelopen"))]
    zoek = forms.CharField(label=_("Zoeken"), required=False,
                           help_text=_("Omschrijving, contractnummer, leverancier of crediteurnummer"))
    status = forms.ChoiceField(label=_("Status"), choices=STATUSSEN, required=False)
    pakket = forms.ModelChoiceField(label=_("Inkooppakket"), queryset=Inkooppakket.objects.none(), required=False,
                                    empty_label=_("Alle"))
    afdeling = forms.ChoiceField(label=_("Afdeling"), required=False)
    sroi = forms.ChoiceField(label=_("SROI"), required=False,
                             choices=[("", _("Alle")), ("ja", _("Met SROI-verplichting")), ("nee", _("Zonder"))])

    def __init__(self, *args, organisatie, afdelingen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pakket"].queryset = Inkooppakket.objects.filter(organisatie=organisatie)
        self.fields["afdeling"].choices = [("", _("Alle"))] + [(a, a) for a in afdelingen]
        self.zet_klassen()


class TrajectFilterForm(BootstrapMixin, forms.Form):
    zoek = forms.CharField(label=_("Zoeken"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Alle"))] + TrajectStatus.choices)
    procedure = forms.ChoiceField(label=_("Procedure"), required=False)
    jaar = forms.IntegerField(label=_("Actief in jaar"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import Procedure

        self.fields["procedure"].choices = [("", _("Alle"))] + Procedure.choices
        self.zet_klassen()


def traject_zoekfilter(zoek: str) -> Q:
    return Q(omschrijving__icontains=zoek) | Q(nummer__icontains=zoek) | Q(verbonden_partij__icontains=zoek)
