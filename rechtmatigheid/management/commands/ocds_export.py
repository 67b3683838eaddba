"""python manage.py ocds_export JAAR [--output FILE] [--organisatie NAAM] (interfaces.md §7)."""

from django.core.management.base import BaseCommand, CommandError

from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe
from rechtmatigheid.ocds.export import GeenGegevens, ocds_pakket

from ._uitvoer import controleer_jaar, schrijf_json


class Command(BaseCommand):
    help = ("Exporteert de trajecten en contracten van JAAR (ook onder de Europese drempels) als "
            "OCDS 1.1 release package (JSON).")

    def add_arguments(self, parser):
        parser.add_argument("jaar", type=int, metavar="JAAR")
        parser.add_argument("--output", metavar="FILE", help="Schrijf de JSON naar FILE in plaats van stdout.")
        voeg_organisatie_argument_toe(parser)

    def handle(self, *args, jaar, output=None, organisatie=None, **opts):
        controleer_jaar(jaar)
        org = kies_organisatie(organisatie)
        try:
            pakket = ocds_pakket(organisatie=org, jaar=jaar)
        except GeenGegevens as exc:
            raise CommandError(str(exc)) from exc
        schrijf_json(self, pakket, output)
        if output:
            self.stderr.write(f"{len(pakket['releases'])} releases voor {jaar} geschreven naar {output}.")
