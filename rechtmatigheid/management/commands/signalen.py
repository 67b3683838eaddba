"""python manage.py signalen JAAR [--json FILE] [--organisatie NAAM] (interfaces.md §5)."""

from django.core.management.base import BaseCommand

from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe
from rechtmatigheid.selectors import signaal_als_json
from rechtmatigheid.services import signalen_berekenen

from ._uitvoer import controleer_jaar, schrijf_json


class Command(BaseCommand):
    help = ("Berekent de signaleringslijst (rechtmatigheidsrisico's) van JAAR, bewaart hem met de "
            "bestaande beoordelingen en geeft hem als JSON.")

    def add_arguments(self, parser):
        parser.add_argument("jaar", type=int, metavar="JAAR")
        parser.add_argument("--json", metavar="FILE", help="Schrijf de JSON naar FILE in plaats van stdout.")
        voeg_organisatie_argument_toe(parser)

    def handle(self, *args, jaar, json=None, organisatie=None, **opts):
        controleer_jaar(jaar)
        org = kies_organisatie(organisatie)
        signalen = signalen_berekenen(organisatie=org, jaar=jaar)
        schrijf_json(self, [signaal_als_json(s) for s in signalen], json)
        if json:
            self.stderr.write(f"{len(signalen)} signalen voor {jaar} geschreven naar {json}.")
