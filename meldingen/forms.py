"""The melding form: parse and check what the budget holder typed; the service stores it."""

import uuid
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from inkoop.formatting import OngeldigBedrag, getal, parse_bedrag
from inkoop.forms import BedragField as GedeeldBedragField
from uitgaven.models import Inkooppakket, Kostenplaats

from . import validatie
from .bijlagen import MAX_BYTES, OMSCHRIJVING, OngeldigeBijlage, controleer_bijlage
from .models import (
    Branche,
    Inkoopmelding,
    MvoiThema,
    Prijsvorm,
    SerieuzeGegadigden,
    SoortOpdracht,
    WerkCategorie,
)
from .waarde import meldingsdrempel, uitleg

# The fields that change the estimated value: the live panel posts these (data-raming).
RAMING_VELDEN = ["soort", "prijsvorm", "waarde_totaal", "waarde_opties", "waarde_per_jaar",
                 "looptijd_maanden", "verlengingen_aantal", "verlenging_maanden", "onbepaalde_looptijd",
                 "percelen"]

SOORT_UITLEG = {
    SoortOpdracht.LEVERING: "U koopt, huurt of least spullen (apparatuur, meubilair, voertuigen, software-licenties).",
    SoortOpdracht.DIENST: "Iemand doet werk voor u (advies, onderhoud, schoonmaak, ICT-diensten, inhuur).",
    SoortOpdracht.WERK: "Bouwen, slopen of aanleggen (gebouwen, wegen, riolering, groen).",
    SoortOpdracht.SOCIALE_DIENST: "Zorg, jeugdhulp, Wmo-ondersteuning, re-integratie en andere sociale diensten.",
    SoortOpdracht.VERKOOP_GROND: "De gemeente verkoopt of verhuurt grond of vastgoed (Didam).",
}



class BedragField(GedeeldBedragField):
    """Optional by default: a concept may leave amounts open."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)


class PercelenField(forms.CharField):
    """One amount per line (or separated by ‘;’): the value of each lot."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            regels = []
            for p in value:
                tekst = getal(Decimal(str(p)), 2)
                regels.append(tekst[:-3] if tekst.endswith(",00") else tekst)
            return "\n".join(regels)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        value = super().to_python(value)
        if not value:
            return []
        delen = [d.strip() for regel in value.replace(";", "\n").splitlines() for d in [regel] if d.strip()]
        bedragen, fouten = [], []
        for i, deel in enumerate(delen, start=1):
            try:
                bedragen.append(parse_bedrag(deel))
            except OngeldigBedrag as fout:
                fouten.append(f"Percelen, perceel {i}: {fout}")
        if fouten:
            raise forms.ValidationError(fouten)
        if len(bedragen) == 1:
            raise forms.ValidationError("Percelen: noem ten minste twee percelen, of laat dit veld leeg.")
        # Stored as decimal strings in a JSONField (exact, no float).
        return [str(b) for b in bedragen]


class MeerdereBestandenInvoer(forms.ClearableFileInput):
    allow_multiple_selected = True


class BijlagenField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MeerdereBestandenInvoer(attrs={
            "accept": ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.txt,.csv"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        bestanden = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        fouten, goed = [], []
        for b in bestanden:
            try:
                controleer_bijlage(b)
                goed.append(b)
            except OngeldigeBijlage as fout:
                fouten.append(f"Bijlagen: {fout}")
        if fouten:
            raise forms.ValidationError(fouten)
        return goed


class KostenplaatsKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.omschrijving} ({obj.domein.naam})"


class MeldingForm(forms.ModelForm):
    soort = forms.ChoiceField(
        label=_("Soort opdracht"), required=False, widget=forms.RadioSelect,
        choices=[(k, f"{v} – {SOORT_UITLEG[k]}") for k, v in SoortOpdracht.choices])
    prijsvorm = forms.ChoiceField(
        label=_("Hoe wordt er betaald?"), widget=forms.RadioSelect, initial=Prijsvorm.TOTAAL,
        choices=[(Prijsvorm.TOTAAL, "Een totaalprijs voor de hele opdracht"),
                 (Prijsvorm.PERIODIEK, "Een bedrag per jaar (abonnement, onderhoud, doorlopende dienst)")])
    waarde_totaal = BedragField(label=_("Totale waarde"),
                                help_text=_("Exclusief btw, voor de hele looptijd. Bijvoorbeeld 45.000 of € 45.000,00."))
    waarde_opties = BedragField(label=_("Waarde van opties en verlengingen"),
                                help_text=_("Exclusief btw. Wat komt erbij als alle opties en verlengingen worden gebruikt?"))
    waarde_per_jaar = BedragField(label=_("Waarde per jaar"),
                                  help_text=_("Exclusief btw. Bijvoorbeeld 12.500."))
    percelen = PercelenField(
        label=_("Waarde per perceel"),
        help_text=_("Alleen als de opdracht in delen (percelen) wordt verdeeld: één bedrag per regel. "
                    "De percelen tellen samen op (Aanbestedingswet art. 2.18)."))
    mvoi_themas = forms.MultipleChoiceField(
        label=_("Welke thema's van maatschappelijk verantwoord inkopen spelen een rol?"), required=False,
        choices=MvoiThema.choices, widget=forms.CheckboxSelectMultiple)
    bijlagen = BijlagenField(
        label=_("Bijlagen toevoegen"),
        help_text=_("Bijvoorbeeld een programma van eisen, offerte of begroting. Toegestaan: %(typen)s, "
                    "hoogstens %(mb)s MB per bestand.") % {"typen": OMSCHRIJVING, "mb": MAX_BYTES // (1024 * 1024)})
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
    sleutel = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Inkoopmelding
        fields = ["omschrijving", "toelichting", "soort", "inkooppakket", "branche", "werk_categorie",
                  "serieuze_gegadigden", "budgethouder", "afdeling", "kostenplaats", "gewenste_startdatum",
                  "looptijd_maanden", "onbepaalde_looptijd", "verlengingen_aantal", "verlenging_maanden",
                  "bestaand_contract", "bestaand_contract_einddatum", "spoed", "spoed_reden", "prijsvorm",
                  "waarde_totaal", "waarde_opties", "waarde_per_jaar", "percelen", "regionale_markt_beschikbaar",
                  "mvoi_themas", "mvoi_ambities"]
        labels = {
            "omschrijving": _("Korte omschrijving"),
            "toelichting": _("Toelichting"),
            "inkooppakket": _("Inkooppakket"),
            "branche": _("Branche van de leveranciers"),
            "werk_categorie": _("Soort werk"),
            "serieuze_gegadigden": _("Zijn er serieuze gegadigden?"),
            "afdeling": _("Afdeling"),
            "kostenplaats": _("Kostenplaats"),
            "gewenste_startdatum": _("Wanneer moet de opdracht ingaan?"),
            "looptijd_maanden": _("Looptijd in maanden"),
            "onbepaalde_looptijd": _("De opdracht heeft geen vaste einddatum (onbepaalde looptijd)"),
            "verlengingen_aantal": _("Aantal verlengingen"),
            "verlenging_maanden": _("Maanden per verlenging"),
            "bestaand_contract": _("Vervangt deze inkoop een bestaand contract? Zo ja, welk?"),
            "bestaand_contract_einddatum": _("Einddatum van dat contract"),
            "spoed": _("Deze inkoop heeft spoed"),
            "spoed_reden": _("Waarom is het spoedeisend?"),
            "regionale_markt_beschikbaar": _("Er zijn geschikte lokale of regionale aanbieders"),
            "mvoi_ambities": _("Uw ambities en ideeën"),
        }
        help_texts = {
            "omschrijving": _("Kort en herkenbaar, bijvoorbeeld ‘Onderhoud openbare verlichting 2026-2029’."),
            "toelichting": _("Wat is het doel, wat is de aanleiding? Wat moet de leverancier precies doen?"),
            "inkooppakket": _("Weet u het niet? Laat het leeg, Inkoop vult het aan."),
            "branche": _("Voor bouw, milieu, ICT, vervoer, beveiliging en openbare orde volgt een Bibob-toets."),
            "werk_categorie": _("Alleen bij een werk."),
            "serieuze_gegadigden": _("Alleen bij verkoop van grond of vastgoed (Didam-arrest)."),
            "afdeling": _("Uw afdeling: collega's van dezelfde afdeling zien de melding ook."),
            "kostenplaats": _("Waarop worden de uitgaven geboekt? Het domein volgt uit de kostenplaats."),
            "gewenste_startdatum": _("Meld ruim op tijd: een Europese aanbesteding duurt al snel een half jaar."),
            "looptijd_maanden": _("Inclusief de eerste periode, zonder verlengingen. Bijvoorbeeld 24."),
            "verlengingen_aantal": _("Bijvoorbeeld 2 (keer)."),
            "verlenging_maanden": _("Bijvoorbeeld 12 (maanden)."),
            "bestaand_contract": _("Naam of nummer van het contract en de leverancier."),
            "spoed_reden": _("Alleen bij spoed."),
            "regionale_markt_beschikbaar": _("Bij een meervoudig onderhandse procedure nodigt Inkoop dan ten minste "
                                             "twee lokale of regionale ondernemers uit."),
            "mvoi_ambities": _("Bijvoorbeeld: emissievrij vervoer, circulaire materialen, werkplekken voor "
                               "mensen met afstand tot de arbeidsmarkt."),
        }
        widgets = {
            "omschrijving": forms.TextInput(attrs={"autocomplete": "off"}),
            "toelichting": forms.Textarea(attrs={"rows": 3}),
            "gewenste_startdatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "bestaand_contract_einddatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "spoed_reden": forms.Textarea(attrs={"rows": 2}),
            "mvoi_ambities": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisatie, gebruiker, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisatie, self.gebruiker = organisatie, gebruiker
        self.fields["kostenplaats"] = KostenplaatsKeuze(
            queryset=Kostenplaats.objects.filter(organisatie=organisatie).select_related("domein").order_by("code"),
            required=False, label=self.fields["kostenplaats"].label, help_text=self.fields["kostenplaats"].help_text,
            empty_label="Kies een kostenplaats")
        self.fields["inkooppakket"].queryset = Inkooppakket.objects.filter(organisatie=organisatie).order_by("code")
        self.fields["inkooppakket"].empty_label = "Weet ik niet"
        for naam in ("gewenste_startdatum", "bestaand_contract_einddatum"):
            self.fields[naam].input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y"]
        # The browser's hint; meldingen.validatie gives the reason (and the server enforces it).
        for naam, hoogstens in (("looptijd_maanden", validatie.LOOPTIJD_MAX_MAANDEN),
                                ("verlengingen_aantal", validatie.VERLENGINGEN_MAX),
                                ("verlenging_maanden", validatie.VERLENGING_MAX_MAANDEN)):
            veld = self.fields[naam]
            veld.required = False
            veld.widget.attrs.update({"min": 0, "max": hoogstens, "inputmode": "numeric"})
        self.fields["branche"].choices = [("", "Kies een branche")] + list(Branche.choices)
        self.fields["werk_categorie"].choices = [("", "—")] + list(WerkCategorie.choices)
        self.fields["serieuze_gegadigden"].choices = [("", "—")] + list(SerieuzeGegadigden.choices)
        if gebruiker.rol == "inkoper":
            from .selectors import budgethouders

            keuzes = budgethouders(organisatie=organisatie)
            self.fields["budgethouder"].queryset = self.fields["budgethouder"].queryset.filter(
                pk__in=[u.pk for u in keuzes])
            self.fields["budgethouder"].required = True
            self.fields["budgethouder"].label = _("Budgethouder (u meldt namens deze persoon)")
        else:
            del self.fields["budgethouder"]
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("afdeling", gebruiker.afdeling)
            self.initial.setdefault("sleutel", uuid.uuid4())
        if self.instance.pk:
            self.initial.setdefault("versie", self.instance.versie)
        for naam in RAMING_VELDEN:
            self.fields[naam].widget.attrs["data-raming"] = ""
        self.fields["omschrijving"].error_messages["required"] = _(
            "Vul in wat u wilt inkopen; dan kunt u de melding ook als concept opslaan.")

    # Set by the view when the user chose "indienen": then everything that stops a submit is
    # reported in the same round as the typing errors, and nothing is stored.
    indienen = False

    def clean_soort(self):
        return self.cleaned_data.get("soort") or ""

    def _fouten_toevoegen(self, fouten: dict[str, list[str]]):
        for veld, teksten in fouten.items():
            if veld in self.errors:
                continue  # the field's own error (it did not parse) says enough
            for tekst in teksten:
                self.add_error(veld if veld in self.fields else None, tekst)

    def clean(self):
        data = super().clean()
        if not self.indienen:
            self._fouten_toevoegen(validatie.controleer_gegevens(data))
        return data

    def _post_clean(self):
        super()._post_clean()
        if self.indienen:
            # The instance now carries the valid values typed (ModelForm._post_clean).
            if not self.instance.pk:
                self.instance.organisatie = self.organisatie
            fouten = validatie.controleer_indienbaar(self.instance)
            if set(RAMING_VELDEN) & set(self.errors):
                fouten.pop("geraamde_waarde", None)  # computed from a value that did not parse
            self._fouten_toevoegen(fouten)

    def gegevens(self) -> dict:
        """The cleaned values the service stores."""
        d = {k: v for k, v in self.cleaned_data.items() if k not in ("versie", "sleutel", "bijlagen")}
        d["verlengingen_aantal"] = d.get("verlengingen_aantal") or 0
        d["verlenging_maanden"] = d.get("verlenging_maanden") or 0
        return d

    def raming_melding(self) -> Inkoopmelding:
        """An unsaved melding with the value fields that are valid, for the live estimate."""
        m = Inkoopmelding(prijsvorm=Prijsvorm.TOTAAL)
        for naam in RAMING_VELDEN:
            if naam in self.cleaned_data:
                waarde = self.cleaned_data[naam]
                if naam in ("verlengingen_aantal", "verlenging_maanden") and waarde is None:
                    waarde = 0
                setattr(m, naam, waarde)
        return m

    def raming_fouten(self) -> list[str]:
        return [str(f) for naam in RAMING_VELDEN for f in self.errors.get(naam, [])]

    def uitleg(self):
        if not hasattr(self, "_drempel"):
            self._drempel = meldingsdrempel(self.organisatie)
        if not self.is_bound:
            return uitleg(self.instance, self._drempel)
        if not hasattr(self, "cleaned_data"):
            self.full_clean()
        return uitleg(self.raming_melding(), self._drempel)


class RamingForm(MeldingForm):
    """The live estimate posts only the value fields: nothing else is required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():
            if naam not in RAMING_VELDEN:
                veld.required = False


class StatusForm(forms.Form):
    naar = forms.CharField(widget=forms.HiddenInput)
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ToewijzenForm(forms.Form):
    inkoper = forms.ModelChoiceField(queryset=None, label=_("Inkoper"), empty_label=None,
                                     widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        from inkoop.models import Gebruiker

        from .selectors import inkopers

        self.fields["inkoper"].queryset = Gebruiker.objects.filter(pk__in=[u.pk for u in inkopers(organisatie=organisatie)])


class VraagForm(forms.Form):
    tekst = forms.CharField(label=_("Uw vraag aan de budgethouder"), widget=forms.Textarea(attrs={"rows": 3}),
                            max_length=4000)


class AntwoordForm(forms.Form):
    antwoord = forms.CharField(label=_("Uw antwoord"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class BijlagenForm(forms.Form):
    bijlagen = BijlagenField(label=_("Bijlagen toevoegen"), widget=MeerdereBestandenInvoer(attrs={
        "class": "form-control", "accept": ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.txt,.csv"}))
