"""Filters of the lists (django-filter): `?status=ingediend&soort=dienst`."""

import django_filters as df
from django.utils.translation import gettext_lazy as _

from adviezen.models import Advies
from contracten.models import Contract, Procedure, Traject, TrajectStatus
from meldingen.models import Inkoopmelding, SoortOpdracht, Status
from rechtmatigheid.models import Beoordeling, Signaal, Soort
from uitgaven.models import Crediteur, Importrun


class MeldingFilter(df.FilterSet):
    status = df.MultipleChoiceFilter(choices=Status.choices)
    soort = df.ChoiceFilter(choices=SoortOpdracht.choices)
    ingediend_vanaf = df.DateFilter(field_name="ingediend_op", lookup_expr="date__gte",
                                    label=_("ingediend op of na"))
    ingediend_tot = df.DateFilter(field_name="ingediend_op", lookup_expr="date__lte",
                                  label=_("ingediend op of voor"))

    class Meta:
        model = Inkoopmelding
        fields = ["status", "soort"]


class AdviesFilter(df.FilterSet):
    status = df.ChoiceFilter(choices=Advies.Status.choices)
    melding = df.NumberFilter(field_name="melding_id")

    class Meta:
        model = Advies
        fields = ["status", "melding"]


class TrajectFilter(df.FilterSet):
    status = df.ChoiceFilter(choices=TrajectStatus.choices)
    procedure = df.ChoiceFilter(choices=Procedure.choices)
    soort = df.ChoiceFilter(choices=SoortOpdracht.choices)

    class Meta:
        model = Traject
        fields = ["status", "procedure", "soort"]


class ContractFilter(df.FilterSet):
    crediteurnummer = df.CharFilter(field_name="crediteur__nummer")
    inkooppakket = df.CharFilter(field_name="inkooppakket__code")
    soort = df.ChoiceFilter(choices=SoortOpdracht.choices)
    loopt_op = df.DateFilter(method="_loopt_op", label=_("loopt op deze datum (start vóór of op, einde op of na)"))

    class Meta:
        model = Contract
        fields = ["crediteurnummer", "inkooppakket", "soort"]

    def _loopt_op(self, qs, naam, datum):
        from django.db.models import Q

        return qs.filter(Q(startdatum__lte=datum) & (Q(einddatum__isnull=True) | Q(einddatum__gte=datum)))


class CrediteurFilter(df.FilterSet):
    nummer = df.CharFilter()
    inkooppakket = df.CharFilter(field_name="inkooppakket__code")
    zonder_pakket = df.BooleanFilter(field_name="inkooppakket", lookup_expr="isnull",
                                     label=_("alleen crediteuren zonder inkooppakket"))

    class Meta:
        model = Crediteur
        fields = ["nummer", "inkooppakket", "zonder_pakket"]


class ImportrunFilter(df.FilterSet):
    status = df.ChoiceFilter(choices=Importrun.Status.choices)

    class Meta:
        model = Importrun
        fields = ["status"]


class SignaalFilter(df.FilterSet):
    jaar = df.NumberFilter()
    soort = df.ChoiceFilter(choices=Soort.choices)
    beoordeling = df.ChoiceFilter(choices=[("open", _("Nog niet beoordeeld"))]
                                  + [c for c in Beoordeling.choices if c[0]], method="_beoordeling")
    actueel = df.BooleanFilter()

    class Meta:
        model = Signaal
        fields = ["jaar", "soort", "actueel"]

    def _beoordeling(self, qs, naam, waarde):
        return qs.filter(beoordeling="" if waarde == "open" else waarde)
