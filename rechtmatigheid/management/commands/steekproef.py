"""python manage.py steekproef JAAR --omvang N --zaad S [--json FILE] [--organisatie NAAM] (§6)."""

from django.core.management.base import BaseCommand, CommandError

from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe
from rechtmatigheid.selectors import steekproefregel_als_json
from rechtmatigheid.services import steekproef_trekken
from rechtmatigheid.steekproef import SteekproefFout

from ._uitvoer import controleer_jaar, schrijf_json


class Command(BaseCommand):
    help = ("Trekt een reproduceerbare, naar bedrag gestratificeerde steekproef van N factuurregels "
            "van JAAR met zaad S, bewaart hem en geeft de regels als JSON.")

    def add_arguments(self, parser):
        parser.add_argument("jaar", type=int, metavar="JAAR")
        parser.add_argument("--omvang", type=int, required=True, metavar="N",
                            help="Aantal factuurregels in de steekproef.")
        parser.add_argument("--zaad", required=True, metavar="S",
                            help="Zaad (seed); hetzelfde zaad geeft dezelfde steekproef.")
        parser.add_argument("--json", metavar="FILE", help="Schrijf de JSON naar FILE in plaats van stdout.")
        voeg_organisatie_argument_toe(parser)

    def handle(self, *args, jaar, omvang, zaad, json=None, organisatie=None, **opts):
        controleer_jaar(jaar)
        org = kies_organisatie(organisatie)
        try:
            sp = steekproef_trekken(organisatie=org, jaar=jaar, omvang=omvang, zaad=zaad)
        except SteekproefFout as exc:
            raise CommandError(str(exc)) from exc
        schrijf_json(self, [steekproefregel_als_json(r) for r in sp.regels.order_by("volgnummer")], json)
        self.stderr.write(f"Steekproef {sp.pk}: {sp.omvang} van {sp.populatie_aantal} factuurregels "
                          f"van {jaar}, zaad {sp.zaad}.")
