"""python manage.py import_contracten PATH [PATH ...] (interfaces.md §8).

Exit 0 with one summary line on stdout; exit 1 with `FILE:LINE: column: reason` lines on stderr
(at most 50, then a count) and nothing stored.
"""

from django.core.management.base import BaseCommand

from contracten.importeren import contracten_importeren
from inkoop.organisatie_arg import kies_organisatie, voeg_organisatie_argument_toe
from uitgaven.management.commands.import_uitgaven import te_importeren, uitkomst_melden


class Command(BaseCommand):
    help = ("Importeert een bestaand contractregister (CSV of xlsx) in één transactie; "
            "importeer eerst de crediteuren en inkooppakketten met import_uitgaven.")

    def add_arguments(self, parser):
        parser.add_argument("paden", nargs="+", metavar="PATH", help="Bestand of map (elk bestand erin).")
        voeg_organisatie_argument_toe(parser)
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren, niets opslaan.")

    def handle(self, *args, paden, organisatie=None, dry_run=False, **opts):
        org = kies_organisatie(organisatie)
        resultaat = contracten_importeren(organisatie=org, paden=te_importeren(self, paden), proefrun=dry_run)
        uitkomst_melden(self, resultaat, len(resultaat.fouten))
