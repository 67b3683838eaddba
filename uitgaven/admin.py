"""The Django admin for uitgaven (staff only; the applicatie's own pages are for the roles)."""

from django.contrib import admin

from .models import Crediteur, Domein, Importrun, Inkoopcategorie, Inkooppakket, Kostenplaats, Regio


@admin.register(Inkoopcategorie)
class InkoopcategorieAdmin(admin.ModelAdmin):
    list_display = ("code", "naam", "organisatie")
    list_filter = ("organisatie",)


@admin.register(Inkooppakket)
class InkooppakketAdmin(admin.ModelAdmin):
    list_display = ("code", "naam", "categorie", "soort", "organisatie")
    list_filter = ("organisatie", "soort")
    search_fields = ("code", "naam")


@admin.register(Domein)
class DomeinAdmin(admin.ModelAdmin):
    list_display = ("naam", "organisatie")


@admin.register(Kostenplaats)
class KostenplaatsAdmin(admin.ModelAdmin):
    list_display = ("code", "omschrijving", "domein", "organisatie")
    list_filter = ("organisatie",)


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin):
    list_display = ("postcode_van", "postcode_tot", "naam", "organisatie")
    list_filter = ("organisatie",)


@admin.register(Crediteur)
class CrediteurAdmin(admin.ModelAdmin):
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
