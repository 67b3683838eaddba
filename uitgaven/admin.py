"""The Django admin for uitgaven (staff only; the applicatie's own pages are for the roles)."""

from django.contrib import admin

from inkoop.admin import CijfersVersieMixin

from .models import Crediteur, Domein, Importrun, Inkoopcategorie, Inkooppakket, Kostenplaats, Regio


class CijfersAdmin(CijfersVersieMixin, admin.ModelAdmin):
    """Master data the spend dashboard shows: a change here invalidates its cached figures."""


@admin.register(Inkoopcategorie)
class InkoopcategorieAdmin(CijfersAdmin):
    list_display = ("code", "naam", "organisatie")
    list_filter = ("organisatie",)


@admin.register(Inkooppakket)
class InkooppakketAdmin(CijfersAdmin):
    list_display = ("code", "naam", "categorie", "soort", "organisatie")
    list_filter = ("organisatie", "soort")
    search_fields = ("code", "naam")


@admin.register(Domein)
class DomeinAdmin(CijfersAdmin):
    list_display = ("naam", "organisatie")


@admin.register(Kostenplaats)
class KostenplaatsAdmin(CijfersAdmin):
    list_display = ("code", "omschrijving", "domein", "organisatie")
    list_filter = ("organisatie",)


@admin.register(Regio)
class RegioAdmin(CijfersAdmin):
    list_display = ("postcode_van", "postcode_tot", "naam", "organisatie")
    list_filter = ("organisatie",)


@admin.register(Crediteur)
class CrediteurAdmin(CijfersAdmin):
    list_display = ("nummer", "naam", "plaats", "regio", "inkooppakket", "classificatie_handmatig")
    list_filter = ("organisatie", "regio", "classificatie_handmatig")
    search_fields = ("nummer", "naam", "kvk_nummer")
    raw_id_fields = ("inkooppakket",)


@admin.register(Importrun)
class ImportrunAdmin(admin.ModelAdmin):
    list_display = ("gestart_op", "organisatie", "gestart_door", "proefrun", "status", "seconden")
    list_filter = ("organisatie", "status", "proefrun")
    readonly_fields = [f.name for f in Importrun._meta.fields]

    def has_add_permission(self, request):
        return False
