"""The REST API (interfaces.md §9): thin views over the services and selectors of the apps.

Every view finds records only within the organisation of the request (a record of another
organisation is 404, as in the web pages) and checks the same django-rules permission as the web
page that does the same thing. Writes go through the web page's form and the app's service.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from adviezen.engine import advies_als_json
from adviezen.models import Advies
from beleid.selectors import beleid_voor, beleidsregels
from contracten import services as contract_services
from contracten.forms import ContractForm, TrajectForm
from contracten.models import Contract, Traject
from contracten.selectors import zichtbare_contracten, zichtbare_trajecten
from inkoop.models import Rol
from meldingen import services as melding_services
from meldingen.forms import MeldingForm
from meldingen.models import Inkoopmelding
from meldingen.selectors import zichtbare_meldingen
from meldingen.workflow import OngeldigeOvergang
from rechtmatigheid import services as signaal_services
from rechtmatigheid.models import Signaal
from uitgaven import services as uitgaven_services
from uitgaven.models import Crediteur, Importrun, Inkooppakket

from . import filters
from . import serializers as s
from .basis import OrganisatieViewSet
from .formulier import formulier_data, geldig_formulier
from .fouten import Conflict, NietVerwerkbaar, ongeldig
from .permissies import Regels

IF_MATCH = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=True,
    description="De ETag van het record zoals u het las (uit GET). Past die niet meer: 412.")
IF_MATCH_OPTIONEEL = OpenApiParameter(
    "If-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
    description="Optioneel: de ETag van het record zoals u het las; past die niet meer: 412.")


class LeesMixin(mixins.ListModelMixin):
    # List, and a detail with its ETag (no docstring: it would become the Dutch docs' text).

    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        return self.met_etag(Response(self.serializer_class(obj, context=self.get_serializer_context()).data), obj)

    def antwoord(self, obj, *, status_code=status.HTTP_200_OK, locatie=False):
        obj = self.get_queryset().get(pk=obj.pk)
        antwoord = Response(self.serializer_class(obj, context=self.get_serializer_context()).data,
                            status=status_code)
        if locatie:
            antwoord["Location"] = antwoord.data["url"]
        return self.met_etag(antwoord, obj)

    def invoer(self, serializer_class, *, partial=False):
        ser = serializer_class(data=self.request.data, context=self.get_serializer_context(), partial=partial)
        ser.is_valid(raise_exception=True)
        return ser.validated_data


# --- meldingen ------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Meldingen die u mag zien", tags=["meldingen"]),
    retrieve=extend_schema(summary="Eén melding (met ETag)", tags=["meldingen"]),
)
class MeldingViewSet(LeesMixin, OrganisatieViewSet):
    queryset = Inkoopmelding.objects.none()
    serializer_class = s.MeldingSerializer
    filterset_class = filters.MeldingFilter
    http_method_names = ["get", "post", "patch", "head", "options"]
    regels = {"list": "meldingen.bekijken", "retrieve": "meldingen.bekijken", "create": "meldingen.aanmaken",
              "partial_update": "meldingen.wijzigen", "indienen": "meldingen.indienen"}

    def lees(self):
        return (zichtbare_meldingen(gebruiker=self.request.user, organisatie=self.organisatie)
                .select_related("budgethouder", "inkoper", "kostenplaats", "inkooppakket")
                .order_by("-aangemaakt_op", "-id"))

    def _form(self, data=None, instance=None):
        return MeldingForm(data, instance=instance, organisatie=self.organisatie, gebruiker=self.request.user)

    @extend_schema(summary="Nieuwe melding (concept)", tags=["meldingen"], request=s.MeldingNieuwSerializer,
                   responses={200: s.MeldingSerializer, 201: s.MeldingSerializer})
    def create(self, request):
        gegevens = self.invoer(s.MeldingNieuwSerializer)
        sleutel = gegevens.pop("sleutel", None)
        form = geldig_formulier(self._form(formulier_data(gegevens, huidig_formulier=self._form(),
                                                          lijstvelden=("percelen",))))
        melding = melding_services.melding_opslaan(organisatie=self.organisatie, door=request.user,
                                                   gegevens=form.gegevens(), sleutel=sleutel)
        # The same sleutel again: the melding that exists (idempotent), not a second one.
        return self.antwoord(melding, status_code=status.HTTP_200_OK if melding.herhaald else status.HTTP_201_CREATED,
                             locatie=not melding.herhaald)

    @extend_schema(summary="Concept wijzigen", tags=["meldingen"], request=s.MeldingWijzigSerializer,
                   parameters=[IF_MATCH], responses={200: s.MeldingSerializer})
    def partial_update(self, request, pk=None):
        self.get_object()  # another organisation's record is 404 whatever the body says
        gegevens = self.invoer(s.MeldingWijzigSerializer, partial=True)
        with transaction.atomic():
            melding = self.vergrendeld_object()
            form = geldig_formulier(self._form(formulier_data(gegevens, huidig_formulier=self._form(instance=melding),
                                                              lijstvelden=("percelen",)),
                                               instance=Inkoopmelding.objects.get(pk=melding.pk)))
            try:
                melding = melding_services.melding_opslaan(organisatie=self.organisatie, door=request.user,
                                                           gegevens=form.gegevens(), melding=melding,
                                                           versie=melding.versie)
            except (melding_services.MeldingConflict, OngeldigeOvergang) as fout:
                raise Conflict(str(fout)) from fout
        return self.antwoord(melding)

    @extend_schema(summary="Melding indienen bij Inkoop", tags=["meldingen"], request=None,
                   parameters=[IF_MATCH_OPTIONEEL], responses={200: s.MeldingSerializer})
    @action(detail=True, methods=["post"])
    def indienen(self, request, pk=None):
        with transaction.atomic():
            melding = self.vergrendeld_object(if_match_vereist=False)
            try:
                melding_services.melding_indienen(melding=melding, door=request.user)
            except melding_services.MeldingOnvolledig as fout:
                raise ongeldig(fout.velden, _("De melding is nog niet compleet.")) from fout
            except OngeldigeOvergang as fout:
                raise Conflict(str(fout)) from fout
        return self.antwoord(melding)


# --- adviezen -------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Adviezen die u mag lezen", tags=["adviezen"]),
    retrieve=extend_schema(summary="Eén adviesversie (met ETag)", tags=["adviezen"]),
)
class AdviesViewSet(LeesMixin, OrganisatieViewSet):
    queryset = Advies.objects.none()
    serializer_class = s.AdviesSerializer
    filterset_class = filters.AdviesFilter
    regels = {"list": "adviezen.bekijken", "retrieve": "adviezen.bekijken"}

    def lees(self):
        qs = Advies.objects.filter(organisatie=self.organisatie).select_related("melding")
        gebruiker = self.request.user
        if gebruiker.rol == Rol.BUDGETHOUDER:
            # adviezen.rules: the issued advice on their own (afdeling's) melding, never a draft.
            zichtbaar = zichtbare_meldingen(gebruiker=gebruiker, organisatie=self.organisatie)
            qs = qs.filter(melding__in=zichtbaar.values("pk")).exclude(status=Advies.Status.CONCEPT)
        return qs.order_by("-gewijzigd_op", "-id")


class AdviesVoorbeeld(APIView):
    """The advice for the facts of an intended purchase, without storing anything: the same input
    and output as `python manage.py advies` (interfaces.md §1), under the policy of the
    organisation."""

    permission_classes = [Regels]
    regels = {None: "meldingen.aanmaken"}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        request._request.organisatie = request.user.organisatie

    @extend_schema(
        summary="Adviesvoorbeeld (zoals het commando advies)", tags=["adviezen"],
        description=("Het procedureadvies voor de feiten van een voorgenomen inkoop, onder het beleid van uw "
                     "organisatie; er wordt niets opgeslagen. Invoer en uitvoer zijn die van "
                     "`python manage.py advies` (sleutels: zie interfaces.md §1)."),
        request=OpenApiTypes.OBJECT,
        examples=[OpenApiExample("Dienst van 80.000", request_only=True, value={
            "soort": "dienst", "datum": "2025-03-01", "prijsvorm": "totaal", "waarde_totaal": 80000,
            "looptijd_maanden": 24, "branche": "overig", "regionale_markt_beschikbaar": True})],
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description="Het advies (interfaces.md §1)."),
                   422: OpenApiResponse(s.FoutSerializer, description="Geen drempels bekend voor de datum.")})
    def post(self, request):
        model = beleid_voor(request.user.organisatie)
        if model is None:
            raise NietVerwerkbaar(_("Er is geen beleid geconfigureerd."))
        code, antwoord = advies_als_json(request.data, beleidsregels(model))
        if code == 2:
            raise ongeldig(antwoord.get("velden") or {}, _("De feiten zijn niet in orde: zie ‘velden’."))
        if code == 3:
            raise NietVerwerkbaar(antwoord.get("melding") or _("Voor deze datum zijn geen drempels bekend."))
        return Response(antwoord)


# --- trajecten en contracten ----------------------------------------------------------------

def _service(functie, **kwargs):
    try:
        return functie(**kwargs)
    except DjangoValidationError as fout:
        raise ongeldig(fout.message_dict if hasattr(fout, "error_dict") else {"algemeen": fout.messages}) from fout


@extend_schema_view(
    list=extend_schema(summary="Trajecten", tags=["trajecten"]),
    retrieve=extend_schema(summary="Eén traject (met ETag)", tags=["trajecten"]),
)
class TrajectViewSet(LeesMixin, OrganisatieViewSet):
    queryset = Traject.objects.none()
    serializer_class = s.TrajectSerializer
    filterset_class = filters.TrajectFilter
    http_method_names = ["get", "post", "patch", "head", "options"]
    regels = {"list": "contracten.bekijken", "retrieve": "contracten.bekijken", "create": "contracten.beheren",
              "partial_update": "contracten.beheren"}

    def lees(self):
        return (zichtbare_trajecten(gebruiker=self.request.user, organisatie=self.organisatie)
                .select_related("melding", "inkoper").order_by("-startdatum", "-id"))

    def _form(self, data=None, instance=None):
        return TrajectForm(data, instance=instance, organisatie=self.organisatie)

    @staticmethod
    def _velden(form):
        d = dict(form.cleaned_data)
        d["melding"] = d.pop("meldingnummer")
        return d

    @extend_schema(summary="Nieuw traject", tags=["trajecten"], request=s.TrajectInvoerSerializer,
                   responses={201: s.TrajectSerializer})
    def create(self, request):
        gegevens = self.invoer(s.TrajectInvoerSerializer)
        form = geldig_formulier(self._form(formulier_data(gegevens, huidig_formulier=self._form())))
        traject = _service(contract_services.traject_registreren, organisatie=self.organisatie, door=request.user,
                           **self._velden(form))
        return self.antwoord(traject, status_code=status.HTTP_201_CREATED, locatie=True)

    @extend_schema(summary="Traject wijzigen", tags=["trajecten"], request=s.TrajectWijzigSerializer,
                   parameters=[IF_MATCH], responses={200: s.TrajectSerializer})
    def partial_update(self, request, pk=None):
        self.get_object()
        gegevens = self.invoer(s.TrajectWijzigSerializer, partial=True)
        with transaction.atomic():
            traject = self.vergrendeld_object()
            form = geldig_formulier(self._form(formulier_data(gegevens, huidig_formulier=self._form(instance=traject)),
                                               instance=Traject.objects.get(pk=traject.pk)))
            traject = _service(contract_services.traject_wijzigen, traject=Traject.objects.get(pk=traject.pk),
                               door=request.user, **self._velden(form))
        return self.antwoord(traject)


@extend_schema_view(
    list=extend_schema(summary="Contractregister", tags=["contracten"]),
    retrieve=extend_schema(summary="Eén contract (met ETag)", tags=["contracten"]),
)
class ContractViewSet(LeesMixin, OrganisatieViewSet):
    queryset = Contract.objects.none()
    serializer_class = s.ContractSerializer
    filterset_class = filters.ContractFilter
    http_method_names = ["get", "post", "patch", "head", "options"]
    regels = {"list": "contracten.bekijken", "retrieve": "contracten.bekijken", "create": "contracten.beheren",
              "partial_update": "contracten.beheren"}

    def lees(self):
        return (zichtbare_contracten(gebruiker=self.request.user, organisatie=self.organisatie)
                .select_related("crediteur", "inkooppakket", "traject", "melding", "eigenaar")
                .order_by("-startdatum", "-id"))

    def _form(self, data=None, instance=None, nieuw=True):
        return ContractForm(data, instance=instance, organisatie=self.organisatie, nieuw=nieuw)

    @extend_schema(summary="Nieuw contract", tags=["contracten"], request=s.ContractNieuwSerializer,
                   responses={201: s.ContractSerializer})
    def create(self, request):
        gegevens = self.invoer(s.ContractNieuwSerializer)
        traject = gegevens.pop("traject", None)
        form = geldig_formulier(self._form(formulier_data(gegevens, huidig_formulier=self._form())))
        d = form.cleaned_data
        velden = {k: d[k] for k in form.Meta.fields if k not in ("meldingnummer", "sroi_percentage")}
        contract = _service(contract_services.contract_registreren, organisatie=self.organisatie, door=request.user,
                            traject=traject, melding=d["meldingnummer"] or (traject.melding if traject else None),
                            sroi_percentage=d["sroi_percentage"], **velden)
        return self.antwoord(contract, status_code=status.HTTP_201_CREATED, locatie=True)

    @extend_schema(summary="Contract wijzigen", tags=["contracten"], request=s.ContractWijzigSerializer,
                   parameters=[IF_MATCH], responses={200: s.ContractSerializer})
    def partial_update(self, request, pk=None):
        self.get_object()
        gegevens = self.invoer(s.ContractWijzigSerializer, partial=True)
        with transaction.atomic():
            contract = self.vergrendeld_object()
            huidig = self._form(instance=contract, nieuw=False)
            form = geldig_formulier(self._form(formulier_data(gegevens, huidig_formulier=huidig),
                                               instance=Contract.objects.get(pk=contract.pk), nieuw=False))
            d = form.cleaned_data
            velden = {k: d[k] for k in form.Meta.fields if k in form.fields and k != "meldingnummer"}
            contract = _service(contract_services.contract_wijzigen, contract=Contract.objects.get(pk=contract.pk),
                                door=request.user, melding=d["meldingnummer"], **velden)
        return self.antwoord(contract)


# --- uitgaven: classificatie en import ------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Inkooppakketten", tags=["classificatie"]),
    retrieve=extend_schema(summary="Eén inkooppakket (met ETag)", tags=["classificatie"]),
)
class InkooppakketViewSet(LeesMixin, OrganisatieViewSet):
    queryset = Inkooppakket.objects.none()
    serializer_class = s.InkooppakketSerializer
    http_method_names = ["get", "patch", "head", "options"]
    regels = {"list": "uitgaven.pakketten_beheren", "retrieve": "uitgaven.pakketten_beheren",
              "partial_update": "uitgaven.pakketten_beheren"}

    def lees(self):
        return Inkooppakket.objects.filter(organisatie=self.organisatie).select_related("categorie").order_by("code", "id")

    @extend_schema(summary="Soort van een pakket vastleggen", tags=["classificatie"],
                   request=s.InkooppakketWijzigSerializer, parameters=[IF_MATCH],
                   responses={200: s.InkooppakketSerializer})
    def partial_update(self, request, pk=None):
        self.get_object()
        gegevens = self.invoer(s.InkooppakketWijzigSerializer)
        with transaction.atomic():
            pakket = self.vergrendeld_object()
            uitgaven_services.pakket_soort_wijzigen(pakket=pakket, soort=gegevens["soort"])
        return self.antwoord(pakket)


@extend_schema_view(
    list=extend_schema(summary="Crediteuren", tags=["classificatie"]),
    retrieve=extend_schema(summary="Eén crediteur (met ETag)", tags=["classificatie"]),
)
class CrediteurViewSet(LeesMixin, OrganisatieViewSet):
    queryset = Crediteur.objects.none()
    serializer_class = s.CrediteurSerializer
    filterset_class = filters.CrediteurFilter
    http_method_names = ["get", "patch", "head", "options"]
    regels = {"list": "uitgaven.bekijken", "retrieve": "uitgaven.bekijken",
              "partial_update": "uitgaven.classificeren"}

    def lees(self):
        return Crediteur.objects.filter(organisatie=self.organisatie).select_related("inkooppakket").order_by("nummer", "id")

    @extend_schema(summary="Crediteur classificeren (inkooppakket)", tags=["classificatie"],
                   request=s.CrediteurWijzigSerializer, parameters=[IF_MATCH], responses={200: s.CrediteurSerializer})
    def partial_update(self, request, pk=None):
        self.get_object()
        gegevens = self.invoer(s.CrediteurWijzigSerializer)
        with transaction.atomic():
            crediteur = self.vergrendeld_object()
            uitgaven_services.crediteuren_classificeren(organisatie=self.organisatie, crediteur_ids=[crediteur.pk],
                                                        pakket=gegevens["inkooppakket"])
        return self.antwoord(crediteur)


@extend_schema_view(
    list=extend_schema(summary="Importruns", tags=["import"]),
    retrieve=extend_schema(summary="Status van een import", tags=["import"]),
)
class ImportViewSet(LeesMixin, OrganisatieViewSet):
    queryset = Importrun.objects.none()
    serializer_class = s.ImportrunSerializer
    filterset_class = filters.ImportrunFilter
    parser_classes = [MultiPartParser, FormParser]
    http_method_names = ["get", "post", "head", "options"]
    regels = {"list": "uitgaven.importeren", "retrieve": "uitgaven.importeren", "create": "uitgaven.importeren"}

    def lees(self):
        return Importrun.objects.filter(organisatie=self.organisatie).order_by("-gestart_op", "-id")

    @extend_schema(summary="Bestanden importeren (asynchroon)", tags=["import"],
                   request={"multipart/form-data": s.ImportInvoerSerializer},
                   responses={202: s.ImportrunSerializer})
    def create(self, request):
        ser = s.ImportInvoerSerializer(data=request.data, context=self.get_serializer_context())
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        # The same import as the command line (uitgaven.importeren), queued as a task; the answer
        # points to the run, whose status, progress and errors the client polls.
        run = uitgaven_services.import_voorbereiden(organisatie=self.organisatie, door=request.user,
                                                    bestanden=d["bestanden"], proefrun=d["proefrun"],
                                                    overschrijf_classificatie=d["overschrijf_classificatie"])
        return self.antwoord(run, status_code=status.HTTP_202_ACCEPTED, locatie=True)


# --- signalen -------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="Signaleringslijst", tags=["signalen"]),
    retrieve=extend_schema(summary="Eén signaal (met ETag)", tags=["signalen"]),
)
class SignaalViewSet(LeesMixin, OrganisatieViewSet):
    queryset = Signaal.objects.none()
    serializer_class = s.SignaalSerializer
    filterset_class = filters.SignaalFilter
    regels = {"list": "rechtmatigheid.bekijken", "retrieve": "rechtmatigheid.bekijken",
              "beoordelen": "rechtmatigheid.beoordelen"}

    def lees(self):
        return (Signaal.objects.filter(organisatie=self.organisatie).select_related("beoordeeld_door")
                .order_by("-jaar", "soort", "-bedrag", "id"))

    @extend_schema(summary="Signaal beoordelen", tags=["signalen"], request=s.BeoordelingSerializer,
                   parameters=[IF_MATCH_OPTIONEEL], responses={200: s.SignaalSerializer})
    @action(detail=True, methods=["post"])
    def beoordelen(self, request, pk=None):
        from rechtmatigheid.forms import BeoordelingForm

        self.get_object()
        gegevens = self.invoer(s.BeoordelingSerializer)
        form = geldig_formulier(BeoordelingForm(formulier_data(gegevens)))
        with transaction.atomic():
            signaal = self.vergrendeld_object(if_match_vereist=False)
            signaal_services.signaal_beoordelen(signaal=signaal, beoordeling=form.cleaned_data["beoordeling"],
                                                toelichting=form.cleaned_data["toelichting"], door=request.user)
        return self.antwoord(signaal)


# --- jaarverslag en OCDS --------------------------------------------------------------------

JAAR = OpenApiParameter("jaar", OpenApiTypes.INT, OpenApiParameter.PATH, description="Het jaar, bijvoorbeeld 2024.")


class JaarView(APIView):
    permission_classes = [Regels]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        request._request.organisatie = request.user.organisatie

    @staticmethod
    def controleer(jaar):
        if not 1900 <= jaar <= 2999:
            raise Http404


class JaarverslagView(JaarView):
    regels = {None: "jaarverslag.bekijken"}

    @extend_schema(summary="Cijfers van het inkoopjaarverslag", tags=["jaarverslag"], parameters=[JAAR],
                   responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description=(
                       "Dezelfde JSON als `python manage.py jaarverslag JAAR` (interfaces.md §3)."))})
    def get(self, request, jaar):
        from jaarverslag.selectors import als_json, heeft_uitgaven, jaarverslag_gegevens

        self.controleer(jaar)
        if not heeft_uitgaven(organisatie=request.user.organisatie, jaar=jaar):
            raise Http404
        return Response(als_json(jaarverslag_gegevens(organisatie=request.user.organisatie, jaar=jaar)))


class OcdsView(JaarView):
    regels = {None: "rechtmatigheid.exporteren"}

    @extend_schema(summary="OCDS-releasepakket van een jaar", tags=["open data"], parameters=[JAAR],
                   responses={200: OpenApiResponse(OpenApiTypes.OBJECT, description=(
                       "OCDS 1.1 release package met percelen (lots-extensie) en items met CPV-code."))})
    def get(self, request, jaar):
        from rechtmatigheid.ocds.export import GeenGegevens, ocds_pakket

        self.controleer(jaar)
        try:
            pakket = ocds_pakket(organisatie=request.user.organisatie, jaar=jaar)
        except GeenGegevens as fout:
            raise Http404(str(fout)) from fout
        return Response(pakket)
