"""Factories for meldingen tests: a complete melding that may be submitted, with traits."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from meldingen.models import Inkoopmelding, Status
from uitgaven.models import Domein, Inkoopcategorie, Inkooppakket, Kostenplaats


class DomeinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Domein
        django_get_or_create = ("organisatie", "naam")

    naam = "Fysiek Domein"


class KostenplaatsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kostenplaats
        django_get_or_create = ("organisatie", "code")

    code = "KP0208"
    omschrijving = "Wegen"
    domein = factory.SubFactory(DomeinFactory, organisatie=factory.SelfAttribute("..organisatie"))


class InkooppakketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inkooppakket
        django_get_or_create = ("organisatie", "code")

    code = "08.01"
    naam = "Wegenonderhoud"
    categorie = factory.LazyAttribute(lambda o: Inkoopcategorie.objects.get_or_create(
        organisatie=o.organisatie, code="8", defaults={"naam": "GWW"})[0])


class MeldingFactory(factory.django.DjangoModelFactory):
    """A concept with everything filled in: `melding_indienen` accepts it as it is."""

    class Meta:
        model = Inkoopmelding

    omschrijving = factory.Sequence(lambda n: f"Onderhoud fietspaden deel {n}")
    soort = "dienst"
    kostenplaats = factory.SubFactory(KostenplaatsFactory, organisatie=factory.SelfAttribute("..organisatie"))
    afdeling = "Wegen"
    aangemaakt_door = factory.SelfAttribute("budgethouder")
    # Relative to today: a start date must be plausible when the test runs (meldingen.validatie).
    gewenste_startdatum = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=90))
    looptijd_maanden = 24
    prijsvorm = "totaal"
    waarde_totaal = Decimal("80000.00")
    branche = "overig"

    class Params:
        ingediend = factory.Trait(
            status=Status.INGEDIEND, ingediend_op=factory.LazyFunction(timezone.now),
            nummer=factory.Sequence(lambda n: f"2026-{9000 + n:04d}"))
        in_behandeling = factory.Trait(
            status=Status.IN_BEHANDELING, ingediend_op=factory.LazyFunction(timezone.now),
            nummer=factory.Sequence(lambda n: f"2026-{8000 + n:04d}"))
