from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from . import cijfercache
from .models import Gebruiker, Lidmaatschap, Organisatie


class CijfersVersieMixin:
    """For the admin of records that cached figures are computed from (inkoop.cijfercache): a
    change or deletion here raises the organisation's version, so no page shows stale figures."""

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


class LidmaatschapInline(admin.TabularInline):
    model = Lidmaatschap
    extra = 0

@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    inlines = [LidmaatschapInline]

@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug"]
    prepopulated_fields = {"slug": ["naam"]}
