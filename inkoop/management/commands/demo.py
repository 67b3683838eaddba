"""python manage.py demo: the demo organisation "Gemeente Enschede" (interfaces.md §4).

Each app contributes its part through a module `<app>.demo` with a function
`laad(organisatie, *, stdout)`; they run in the order of the arrows between the apps, so that
spend exists before meldingen, meldingen before adviezen, and so on. Running it twice is harmless:
every step is idempotent.
"""

import importlib
import secrets

from django.core.management.base import BaseCommand
from django.db import transaction

from inkoop.models import Rol
from inkoop.services import gebruiker_met_rol, organisatie_verzekeren

DEMO_ORGANISATIE = "Gemeente Enschede"
DEMO_STAPPEN = ["uitgaven.demo", "adviezen.demo", "meldingen.demo", "contracten.demo",
                "rechtmatigheid.demo", "jaarverslag.demo"]
DEMO_GEBRUIKERS = [
    ("budgethouder", Rol.BUDGETHOUDER, "Bram", "Budgethouder", "Wegen"),
    ("inkoper", Rol.INKOPER, "Iris", "Inkoper", ""),
    ("controller", Rol.CONTROLLER, "Carla", "Controller", ""),
    ("beheerder", Rol.BEHEERDER, "Bas", "Beheerder", ""),
]


class Command(BaseCommand):
    help = "Laadt de demo-organisatie Gemeente Enschede met gebruikers per rol en voorbeelddata."

    def add_arguments(self, parser):
        parser.add_argument("--wachtwoord", metavar="PW",
                            help="Zet dit wachtwoord voor alle vier demogebruikers.")

    def handle(self, *args, wachtwoord=None, **opts):
        with transaction.atomic():
            org, nieuw = organisatie_verzekeren(naam=DEMO_ORGANISATIE)
            inloggegevens = []
            for naam, rol, voornaam, achternaam, afdeling in DEMO_GEBRUIKERS:
                pw = wachtwoord or secrets.token_urlsafe(12)
                gebruiker_met_rol(organisatie=org, gebruikersnaam=naam, rol=rol, wachtwoord=pw,
                                  voornaam=voornaam, achternaam=achternaam,
                                  email=f"{naam}@enschede.example", afdeling=afdeling)
                inloggegevens.append((naam, pw))
        for stap in DEMO_STAPPEN:
            try:
                module = importlib.import_module(stap)
            except ModuleNotFoundError as exc:
                if exc.name != stap:
                    raise
                continue
            module.laad(org, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo-organisatie: {org.naam}"))
        self.stdout.write("Inloggegevens (alleen nu getoond):")
        for naam, pw in inloggegevens:
            self.stdout.write(f"  {naam:<13} {pw}")
