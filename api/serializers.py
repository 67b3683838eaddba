"""The representations of the API (read) and the shapes of its input (write).

Input is checked twice, on purpose: the serializer checks the wire format (types, codes of the
organisation), then the web page's own Django form checks the content with exactly the rules a
person meets (api/formulier.py). Output money is a decimal string with two decimals
(interfaces.md).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from adviezen.models import Advies
from adviezen.models import Procedure as AdviesProcedure
from beleid.begrippen import SOORTEN_AW, keuzes
from contracten.models import Contract, Procedure, Traject
from meldingen.models import (
    Branche,
    Inkoopmelding,
    MvoiThema,
    Prijsvorm,
    SerieuzeGegadigden,
    SoortOpdracht,
    WerkCategorie,
)
from rechtmatigheid.models import Beoordeling, Signaal
from uitgaven.models import Crediteur, Importrun, Inkooppakket, Kostenplaats

from .velden import Gebruikersnaam, OrganisatieCode, geld


def _keuzes(choices, leeg=False):
    return ([("", "")] if leeg else []) + [(k, v) for k, v in choices if k != ""]


def keuze_of_leeg(choices):
    """A read-only choice that may be blank (a model field with blank=True): the schema says so."""
    return serializers.ChoiceField(_keuzes(choices), allow_blank=True, read_only=True)


class Link(serializers.Field):
    """The URL of a record in the API."""

    def __init__(self, naam, **kwargs):
        self.naam = naam
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj):
        pad = reverse(self.naam, kwargs={"pk": obj.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request else pad


extend_schema_field(OpenApiTypes.URI)(Link)


# --- meldingen ------------------------------------------------------------------------------

class MeldingSerializer(serializers.ModelSerializer):
    url = Link("api:melding-detail")
    inkooppakket = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    kostenplaats = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    budgethouder = serializers.SlugRelatedField(slug_field="username", read_only=True, help_text=_("Gebruikersnaam."))
    inkoper = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True,
                                           help_text=_("Gebruikersnaam."))
    percelen = serializers.ListField(child=geld(), read_only=True)
    mvoi_themas = serializers.ListField(child=serializers.ChoiceField(MvoiThema.choices), read_only=True)
    soort = keuze_of_leeg(SoortOpdracht.choices)
    werk_categorie = keuze_of_leeg(WerkCategorie.choices)
    branche = keuze_of_leeg(Branche.choices)
    serieuze_gegadigden = keuze_of_leeg(SerieuzeGegadigden.choices)

    class Meta:
        model = Inkoopmelding
        fields = ["id", "url", "nummer", "status", "omschrijving", "toelichting", "soort", "inkooppakket",
                  "kostenplaats", "afdeling", "budgethouder", "inkoper", "gewenste_startdatum",
                  "looptijd_maanden", "onbepaalde_looptijd", "verlengingen_aantal", "verlenging_maanden",
                  "prijsvorm", "waarde_totaal", "waarde_opties", "waarde_per_jaar", "percelen",
                  "geraamde_waarde", "gerekende_maanden", "werk_categorie", "branche",
                  "regionale_markt_beschikbaar", "serieuze_gegadigden", "bestaand_contract",
                  "bestaand_contract_einddatum", "mvoi_themas", "mvoi_ambities", "spoed", "spoed_reden",
                  "ingediend_op", "aangemaakt_op", "gewijzigd_op", "versie"]
        read_only_fields = fields


class MeldingInvoerSerializer(serializers.Serializer):
    # What a budget holder fills in on the melding form (an inkoper also names the budget holder).

    omschrijving = serializers.CharField(max_length=300)
    toelichting = serializers.CharField(required=False, allow_blank=True)
    soort = serializers.ChoiceField(_keuzes(SoortOpdracht.choices, leeg=True), required=False, allow_blank=True)
    inkooppakket = OrganisatieCode(Inkooppakket, required=False, allow_null=True,
                                   help_text=_("Pakketcode; leeg als u het niet weet."))
    kostenplaats = OrganisatieCode(Kostenplaats, required=False, allow_null=True, help_text=_("Kostenplaatscode."))
    afdeling = serializers.CharField(max_length=200, required=False, allow_blank=True)
    budgethouder = Gebruikersnaam(required=False, allow_null=True,
                                  help_text=_("Alleen voor een inkoper: de budgethouder namens wie u meldt."))
    gewenste_startdatum = serializers.DateField(required=False, allow_null=True)
    looptijd_maanden = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=600)
    onbepaalde_looptijd = serializers.BooleanField(required=False)
    verlengingen_aantal = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=600)
    verlenging_maanden = serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=600)
    prijsvorm = serializers.ChoiceField(Prijsvorm.choices, required=False)
    waarde_totaal = geld(required=False, allow_null=True)
    waarde_opties = geld(required=False, allow_null=True)
    waarde_per_jaar = geld(required=False, allow_null=True)
    percelen = serializers.ListField(child=geld(), required=False, max_length=100,
                                     help_text=_("De waarde van elk perceel (ten minste twee), of leeg."))
    werk_categorie = serializers.ChoiceField(_keuzes(WerkCategorie.choices, leeg=True), required=False,
                                             allow_blank=True)
    branche = serializers.ChoiceField(_keuzes(Branche.choices, leeg=True), required=False, allow_blank=True)
    regionale_markt_beschikbaar = serializers.BooleanField(required=False)
    serieuze_gegadigden = serializers.ChoiceField(_keuzes(SerieuzeGegadigden.choices, leeg=True), required=False,
                                                  allow_blank=True)
    bestaand_contract = serializers.CharField(max_length=300, required=False, allow_blank=True)
    bestaand_contract_einddatum = serializers.DateField(required=False, allow_null=True)
    mvoi_themas = serializers.ListField(child=serializers.ChoiceField(MvoiThema.choices), required=False,
                                        max_length=len(MvoiThema.choices))
    mvoi_ambities = serializers.CharField(required=False, allow_blank=True)
    spoed = serializers.BooleanField(required=False)
    spoed_reden = serializers.CharField(required=False, allow_blank=True)


class MeldingNieuwSerializer(MeldingInvoerSerializer):
    sleutel = serializers.UUIDField(required=False, help_text=_(
        "Optioneel: een eigen sleutel (UUID). Wordt dezelfde melding nog eens gestuurd met dezelfde "
        "sleutel, dan komt er geen tweede melding."))


class MeldingWijzigSerializer(MeldingInvoerSerializer):
    omschrijving = serializers.CharField(max_length=300, required=False)


# --- adviezen -------------------------------------------------------------------------------

class AdviesSerializer(serializers.ModelSerializer):
    url = Link("api:advies-detail")
    melding = serializers.PrimaryKeyRelatedField(read_only=True)
    meldingnummer = serializers.CharField(source="melding.nummer", read_only=True)
    berekend = serializers.JSONField(read_only=True, help_text=_(
        "Het berekende advies, met dezelfde sleutels als de uitvoer van het commando advies."))
    procedure = keuze_of_leeg(AdviesProcedure.choices)

    class Meta:
        model = Advies
        fields = ["id", "url", "melding", "meldingnummer", "versie", "status", "peildatum", "procedure",
                  "geraamde_waarde", "eu_drempel", "uit_te_nodigen_min", "uit_te_nodigen_max", "min_regionaal",
                  "sroi_verplicht", "sroi_percentage", "bibob", "opmerkingen", "afwijking_motivering",
                  "berekend", "uitgebracht_op", "geaccepteerd_op", "gewijzigd_op"]
        read_only_fields = fields


# --- trajecten en contracten ------------------------------------------------------------------

class TrajectSerializer(serializers.ModelSerializer):
    url = Link("api:traject-detail")
    meldingnummer = serializers.CharField(source="melding.nummer", read_only=True, allow_null=True, default=None)
    inkoper = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True,
                                           help_text=_("Gebruikersnaam."))

    class Meta:
        model = Traject
        fields = ["id", "url", "nummer", "omschrijving", "meldingnummer", "procedure", "soort", "status",
                  "startdatum", "publicatiedatum", "afgerond_op", "ingetrokken_op", "reden_intrekking",
                  "begeleid_door_inkoop", "verbonden_partij", "afdeling", "inkoper", "geraamde_waarde",
                  "gegunde_waarde", "gouden_aanbesteding", "tenderboard_advies_gevraagd", "tenderboard_advies",
                  "tenderned_kenmerk", "cpv_code", "toelichting", "gewijzigd_op"]
        read_only_fields = fields


class TrajectInvoerSerializer(serializers.Serializer):
    omschrijving = serializers.CharField(max_length=300)
    meldingnummer = serializers.CharField(max_length=20, required=False, allow_blank=True)
    procedure = serializers.ChoiceField(Procedure.choices)
    soort = serializers.ChoiceField(SoortOpdracht.choices)
    startdatum = serializers.DateField()
    begeleid_door_inkoop = serializers.BooleanField(required=False)
    verbonden_partij = serializers.CharField(max_length=200, required=False, allow_blank=True)
    afdeling = serializers.CharField(max_length=200, required=False, allow_blank=True)
    inkoper = Gebruikersnaam(required=False, allow_null=True)
    geraamde_waarde = geld(required=False, allow_null=True)
    gouden_aanbesteding = serializers.BooleanField(required=False)
    tenderboard_advies_gevraagd = serializers.BooleanField(required=False)
    tenderboard_advies = serializers.CharField(required=False, allow_blank=True)
    tenderned_kenmerk = serializers.CharField(max_length=40, required=False, allow_blank=True)
    cpv_code = serializers.CharField(max_length=10, required=False, allow_blank=True,
                                     help_text=_("Hoofdcode uit de CPV, bijvoorbeeld 90910000-9."))
    toelichting = serializers.CharField(required=False, allow_blank=True)


class TrajectWijzigSerializer(TrajectInvoerSerializer):
    omschrijving = serializers.CharField(max_length=300, required=False)
    procedure = serializers.ChoiceField(Procedure.choices, required=False)
    soort = serializers.ChoiceField(SoortOpdracht.choices, required=False)
    startdatum = serializers.DateField(required=False)


class ContractSerializer(serializers.ModelSerializer):
    url = Link("api:contract-detail")
    crediteurnummer = serializers.CharField(source="crediteur.nummer", read_only=True, allow_null=True, default=None)
    inkooppakket = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    traject = serializers.SlugRelatedField(slug_field="nummer", read_only=True, allow_null=True)
    meldingnummer = serializers.CharField(source="melding.nummer", read_only=True, allow_null=True, default=None)
    eigenaar = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True,
                                           help_text=_("Gebruikersnaam."))
    waarde_incl_opties = geld(read_only=True)

    class Meta:
        model = Contract
        fields = ["id", "url", "nummer", "omschrijving", "crediteurnummer", "leverancier_naam", "inkooppakket",
                  "soort", "traject", "meldingnummer", "afdeling", "eigenaar", "waarde_totaal", "waarde_opties",
                  "waarde_incl_opties", "waarde_per_jaar", "startdatum", "einddatum", "verlengingen_aantal",
                  "verlenging_maanden", "verlengingen_benut", "beslistermijn_maanden", "niet_verlengen",
                  "beslisdatum", "einddatum_uiterlijk", "toelichting", "gewijzigd_op"]
        read_only_fields = fields


class ContractInvoerSerializer(serializers.Serializer):
    omschrijving = serializers.CharField(max_length=300)
    crediteur = serializers.CharField(max_length=300, required=False, allow_blank=True, help_text=_(
        "Crediteurnummer (of een deel van de naam dat precies één crediteur vindt)."))
    leverancier_naam = serializers.CharField(max_length=300, required=False, allow_blank=True)
    inkooppakket = OrganisatieCode(Inkooppakket, required=False, allow_null=True)
    soort = serializers.ChoiceField(SoortOpdracht.choices)
    afdeling = serializers.CharField(max_length=200, required=False, allow_blank=True)
    eigenaar = Gebruikersnaam(required=False, allow_null=True)
    waarde_totaal = geld()
    waarde_opties = geld(required=False, allow_null=True)
    waarde_per_jaar = geld(required=False, allow_null=True)
    startdatum = serializers.DateField()
    einddatum = serializers.DateField(required=False, allow_null=True)
    verlengingen_aantal = serializers.IntegerField(required=False, min_value=0, max_value=32767)
    verlenging_maanden = serializers.IntegerField(required=False, min_value=0, max_value=32767)
    beslistermijn_maanden = serializers.IntegerField(required=False, min_value=0, max_value=32767)
    meldingnummer = serializers.CharField(max_length=20, required=False, allow_blank=True)
    toelichting = serializers.CharField(required=False, allow_blank=True)


class ContractNieuwSerializer(ContractInvoerSerializer):
    traject = OrganisatieCode(Traject, slug_field="nummer", required=False, allow_null=True,
                              help_text=_("Trajectnummer, als het contract uit een traject voortkomt."))
    sroi_percentage = serializers.DecimalField(max_digits=5, decimal_places=2, required=False, allow_null=True,
                                               min_value=0, max_value=100)


class ContractWijzigSerializer(ContractInvoerSerializer):
    omschrijving = serializers.CharField(max_length=300, required=False)
    soort = serializers.ChoiceField(SoortOpdracht.choices, required=False)
    waarde_totaal = geld(required=False)
    startdatum = serializers.DateField(required=False)


# --- uitgaven: classificatie en import ----------------------------------------------------------

class InkooppakketSerializer(serializers.ModelSerializer):
    url = Link("api:inkooppakket-detail")
    categoriecode = serializers.CharField(source="categorie.code", read_only=True)
    categorienaam = serializers.CharField(source="categorie.naam", read_only=True)
    soort = keuze_of_leeg(keuzes(*SOORTEN_AW))

    class Meta:
        model = Inkooppakket
        fields = ["id", "url", "code", "naam", "categoriecode", "categorienaam", "soort"]
        read_only_fields = fields


class InkooppakketWijzigSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(_keuzes(keuzes(*SOORTEN_AW), leeg=True), allow_blank=True, help_text=_(
        "Welke band geldt voor uitgaven in dit pakket: levering, dienst of werk (leeg: leveringen/diensten)."))


class CrediteurSerializer(serializers.ModelSerializer):
    url = Link("api:crediteur-detail")
    inkooppakket = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Crediteur
        fields = ["id", "url", "nummer", "naam", "kvk_nummer", "postcode", "plaats", "land", "regio",
                  "inkooppakket", "classificatie_handmatig"]
        read_only_fields = fields


class CrediteurWijzigSerializer(serializers.Serializer):
    inkooppakket = OrganisatieCode(Inkooppakket, allow_null=True, help_text=_(
        "Pakketcode, of null voor ‘nog niet beoordeeld’. De keuze wint van een latere import."))


class ImportrunSerializer(serializers.ModelSerializer):
    url = Link("api:import-detail")
    bestanden = serializers.SerializerMethodField()
    aantallen = serializers.JSONField(read_only=True)
    fouten = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Importrun
        fields = ["id", "url", "status", "proefrun", "overschrijf_classificatie", "gestart_op", "klaar_op",
                  "voortgang", "stap", "bestanden", "aantallen", "fouten", "seconden"]
        read_only_fields = fields

    def get_bestanden(self, run) -> list[dict[str, str]]:
        # The storage path is internal; name and checksum are the record.
        return [{k: str(v) for k, v in b.items() if k in ("naam", "sha256", "soort")} for b in run.bestanden]


class ImportInvoerSerializer(serializers.Serializer):
    bestanden = serializers.ListField(child=serializers.FileField(), min_length=1, max_length=20, help_text=_(
        "De bestanden (CSV of XLSX), herkend aan hun kopregel zoals bij import_uitgaven."))
    proefrun = serializers.BooleanField(required=False, default=False, help_text=_(
        "Alleen controleren, niets opslaan (zoals --dry-run)."))
    overschrijf_classificatie = serializers.BooleanField(required=False, default=False)


# --- signalen -----------------------------------------------------------------------------------

class SignaalSerializer(serializers.ModelSerializer):
    url = Link("api:signaal-detail")
    beoordeeld_door = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True,
                                           help_text=_("Gebruikersnaam."))
    details = serializers.JSONField(read_only=True)

    class Meta:
        model = Signaal
        fields = ["id", "url", "jaar", "soort", "sleutel", "crediteurnummer", "crediteurnaam", "onderwerp",
                  "bedrag", "drempel", "toelichting", "details", "actueel", "berekend_op", "beoordeling",
                  "beoordeling_toelichting", "beoordeeld_door", "beoordeeld_op"]
        read_only_fields = fields


class BeoordelingSerializer(serializers.Serializer):
    beoordeling = serializers.ChoiceField([c for c in Beoordeling.choices if c[0]])
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=2000)


# --- fouten (schema only) -------------------------------------------------------------------

class FoutSerializer(serializers.Serializer):
    fout = serializers.CharField(help_text=_("Code van de fout, bijvoorbeeld ongeldige_invoer of geen_toegang."))
    melding = serializers.CharField(help_text=_("Wat er mis is, in het Nederlands."))
    velden = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False,
                                   help_text=_("Per veld de redenen (bij ongeldige invoer)."))
