"""The Django admin for uitgaven (staff only; the applicatie's own pages are for the roles)."""

from django.contrib import admin

from inkoop import cijfercache

from .models import Crediteur, Domein, Importrun, Inkoopcategorie, Inkooppakket, Kostenplaats, Regio


class CijfersAdmin(admin.ModelAdmin):
    """Master data the spend dashboard shows: a change here invalidates its cached figures."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        cijfercache.versie_ophogen(organisatie_id=obj.organisatie_id)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        cijfercache.versie_ophogen(organisatie_id=obj.organisatie_id)

    def delete_queryset(self, request, queryset):
        organisaties = set(queryset.values_list("organisatie_id", flat=True))
        super().delete_queryset(request, queryset)
        for organisatie_id in organisaties:
            cijfercache.versie_ophogen(organisatie_id=organisatie_id)


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
