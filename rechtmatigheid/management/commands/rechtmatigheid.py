"""python manage.py rechtmatigheid JAAR [--json [FILE]] [--organisatie NAAM].

The rechtmatigheidsverantwoording of JAAR: the assessed findings split into European law and own
policy, new and doorloop, against the verantwoordingsgrens of the policy (rechtmatigheid/
verantwoording.py). Without --json a readable table; with --json the JSON (on stdout, or in FILE).
"""

from django.core.management.base import BaseCommand

from inkoop.formatting import euro
from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe
from rechtmatigheid.selectors import verantwoording_van

from ._uitvoer import controleer_jaar, schrijf_json


class Command(BaseCommand):
    help = "De rechtmatigheidsverantwoording van JAAR: beoordeelde bevindingen tegen de verantwoordingsgrens."

    def add_arguments(self, parser):
        parser.add_argument("jaar", type=int, metavar="JAAR")
        parser.add_argument("--json", nargs="?", const="-", metavar="FILE",
                            help="JSON op stdout, of in FILE.")
        voeg_organisatie_argument_toe(parser)

    def handle(self, *args, jaar, json=None, organisatie=None, **opts):
        controleer_jaar(jaar)
        v = verantwoording_van(organisatie=kies_organisatie(organisatie), jaar=jaar)
        if json:
            schrijf_json(self, v.als_json(), None if json == "-" else json)
            return
        self.stdout.write(f"Rechtmatigheidsverantwoording inkoop {jaar}")
        for r in v.tabel():
            self.stdout.write(f"  {r['label']:<32} nieuw {euro(r['nieuw'], 2):>16}  doorloop "
                              f"{euro(r['doorloop'], 2):>16}  totaal {euro(r['totaal'], 2):>16}")
        grens = "niet vastgesteld" if v.verantwoordingsgrens is None else euro(v.verantwoordingsgrens, 0)
        self.stdout.write(f"  Verantwoordingsgrens: {grens}; {len(v.fouten)} bevindingen; "
                          f"{v.open_signalen} signalen nog niet beoordeeld.")
