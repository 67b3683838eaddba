"""python manage.py organisatie_aanmaken "Gemeente X" --beheerder x@gemeente.nl

A new organisation with its first beheerder. The beheerder gets the invitation e-mail (a link
to choose a password) and the link is printed too, for when mail is not configured yet; from
then on the beheerder invites the colleagues in the application.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from inkoop.services import GebruikersbeheerFout, organisatie_met_beheerder, uitnodiging_link


class Command(BaseCommand):
    help = "Maakt een organisatie met haar eerste beheerder en nodigt die uit per e-mail."

    def add_arguments(self, parser):
        parser.add_argument("naam", help='Naam van de organisatie, bijvoorbeeld "Gemeente Hengelo".')
        parser.add_argument("--beheerder", required=True, metavar="E-MAIL",
                            help="E-mailadres van de eerste beheerder (wordt ook de gebruikersnaam).")
        parser.add_argument("--voornaam", default="")
        parser.add_argument("--achternaam", default="")

    def handle(self, *args, naam, beheerder, voornaam, achternaam, **opts):
        naam = naam.strip()
        if not naam:
            raise CommandError("Geef de naam van de organisatie.")
        try:
            validate_email(beheerder)
        except ValidationError as exc:
            raise CommandError(f"--beheerder: {beheerder!r} is geen geldig e-mailadres.") from exc
        try:
            with transaction.atomic():
                org, lid = organisatie_met_beheerder(naam=naam, email=beheerder, voornaam=voornaam,
                                                     achternaam=achternaam)
        except GebruikersbeheerFout as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(self.style.SUCCESS(f"Organisatie aangemaakt: {org.naam} (korte naam {org.slug})"))
        self.stdout.write(f"Beheerder: {lid.gebruiker.username}")
        if lid.gebruiker.has_usable_password():
            self.stdout.write("Deze gebruiker had al een wachtwoord en kan direct inloggen.")
        else:
            self.stdout.write("Uitnodiging per e-mail verstuurd. De link om een wachtwoord te kiezen:")
            self.stdout.write(f"  {uitnodiging_link(lid.gebruiker)}")
