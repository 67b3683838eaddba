"""python manage.py api_token GEBRUIKERSNAAM [--organisatie NAAM] [--naam TEKST] (interfaces.md §9).

Prints a new token once on stdout; only its hash is stored."""

from django.core.management.base import BaseCommand, CommandError

from api.services import GeenLid, token_maken
from inkoop.models import Gebruiker, Lidmaatschap
from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe


class Command(BaseCommand):
    help = "Maakt een API-sleutel voor GEBRUIKERSNAAM en toont die één keer; alleen de hash wordt bewaard."

    def add_arguments(self, parser):
        parser.add_argument("gebruikersnaam", metavar="GEBRUIKERSNAAM")
        parser.add_argument("--naam", default="Gemaakt met api_token", help="Waarvoor de sleutel is.")
        voeg_organisatie_argument_toe(parser)

    def handle(self, *args, gebruikersnaam, naam, organisatie=None, **opts):
        gebruiker = Gebruiker.objects.filter(username=gebruikersnaam).first()
        if gebruiker is None:
            raise CommandError(f"Gebruiker ‘{gebruikersnaam}’ bestaat niet.")
        if organisatie is None:
            # The user's only organisation needs no naming, even when the database holds several.
            leden = list(Lidmaatschap.objects.filter(gebruiker=gebruiker).select_related("organisatie")[:2])
            if len(leden) == 1:
                org = leden[0].organisatie
            elif not leden:
                raise CommandError(f"{gebruikersnaam} heeft in geen enkele organisatie een rol.")
            else:
                raise CommandError(f"{gebruikersnaam} heeft een rol in meerdere organisaties; geef --organisatie NAAM op.")
        else:
            org = kies_organisatie(organisatie)
        try:
            _token, sleutel = token_maken(gebruiker=gebruiker, organisatie=org, naam=naam)
        except GeenLid as fout:
            raise CommandError(str(fout)) from fout
        self.stdout.write(sleutel)
        self.stderr.write(f"Sleutel voor {gebruikersnaam} in {org}; bewaar hem nu, hij wordt niet nog eens getoond.")
