"""Django admin (/beheer/, staff only) for the contracten records; day-to-day work uses the pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from inkoop.admin import CijfersVersieMixin

from .models import BibobToets, Contract, Klacht, SroiVerplichting, Traject, WerkpaktKeurmerkhouder


@admin.register(Traject)
class TrajectAdmin(CijfersVersieMixin, SimpleHistoryAdmin):
    # The MVOI page's cached figures are computed from the trajecten (inkoop.cijfercache).
    list_display = ["nummer", "omschrijving", "procedure", "status", "startdatum", "afgerond_op", "organisatie"]
    list_filter = ["status", "procedure", "begeleid_door_inkoop", "organisatie"]
    search_fields = ["nummer", "omschrijving"]
    raw_id_fields = ["melding", "inkoper"]


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ["nummer", "omschrijving", "crediteur", "waarde_totaal", "startdatum", "einddatum", "organisatie"]
    list_filter = ["soort", "organisatie"]
    search_fields = ["nummer", "omschrijving", "crediteur__naam"]
    raw_id_fields = ["crediteur", "inkooppakket", "traject", "perceel", "melding", "eigenaar"]


admin.site.register(SroiVerplichting, SimpleHistoryAdmin, raw_id_fields=["contract"])
admin.site.register(BibobToets, list_display=["betrokkene", "branche", "uitgevoerd_op", "advies_lbb_gevraagd"],
                    raw_id_fields=["traject"])
admin.site.register(Klacht, list_display=["ontvangen_op", "soort", "uitkomst"], raw_id_fields=["traject"])
admin.site.register(WerkpaktKeurmerkhouder, list_display=["naam", "verleend_op", "ingetrokken_op"],
                    raw_id_fields=["crediteur"])
