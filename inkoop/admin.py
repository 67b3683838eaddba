from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import Gebruiker, Lidmaatschap, Organisatie


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
