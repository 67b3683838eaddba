"""Serializer fields shared by the resources: records of the request's organisation by their
code (kostenplaats, inkooppakket, crediteurnummer, gebruikersnaam), never another's."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from inkoop.models import Gebruiker


class OrganisatieCode(serializers.SlugRelatedField):
    """A related record by its code, looked up in the request's organisation only."""

    default_error_messages = {
        "does_not_exist": _("‘{value}’ bestaat niet in uw organisatie."),
        "invalid": _("Ongeldige waarde."),
    }

    def __init__(self, model, slug_field="code", **kwargs):
        self.model = model
        kwargs.setdefault("queryset", model.objects.none())
        super().__init__(slug_field=slug_field, **kwargs)

    def get_queryset(self):
        org = getattr(self.context.get("request"), "organisatie", None)
        return self.model.objects.filter(organisatie=org)


class Gebruikersnaam(serializers.SlugRelatedField):
    """A user by username, among the members of the request's organisation."""

    default_error_messages = {
        "does_not_exist": _("Gebruiker ‘{value}’ heeft geen rol in uw organisatie."),
        "invalid": _("Ongeldige waarde."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Gebruiker.objects.none())
        kwargs.setdefault("help_text", _("Gebruikersnaam van iemand met een rol in uw organisatie."))
        super().__init__(slug_field="username", **kwargs)

    def get_queryset(self):
        org = getattr(self.context.get("request"), "organisatie", None)
        return Gebruiker.objects.filter(lidmaatschappen__organisatie=org).distinct()


def geld(**kwargs):
    """Money: a decimal string with two decimals out; a JSON number or decimal string in."""
    kwargs.setdefault("max_digits", 15)
    kwargs.setdefault("decimal_places", 2)
    kwargs.setdefault("min_value", 0)
    kwargs.setdefault("error_messages", {
        "invalid": _("Dit is geen bedrag: geef een getal, bijvoorbeeld 25000.00 (met een punt voor de centen)."),
        "max_decimal_places": _("Een bedrag heeft hoogstens twee decimalen (centen)."),
        "max_digits": _("Dit bedrag is onwaarschijnlijk groot; controleer het aantal nullen."),
        "max_whole_digits": _("Dit bedrag is onwaarschijnlijk groot; controleer het aantal nullen."),
        "min_value": _("Een bedrag kan niet negatief zijn."),
    })
    return serializers.DecimalField(**kwargs)


def formulierwaarde(waarde):
    """A validated API value as the Django form of the web page takes it: the form then applies
    exactly the rules it applies to what a person types."""
    from datetime import date
    from decimal import Decimal

    from django.db.models import Model

    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, Decimal):
        return f"{waarde:.2f}"
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, Model):
        return waarde.pk
    return waarde
