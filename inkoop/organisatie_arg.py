"""The `--organisatie NAAM` argument shared by every management command (interfaces.md)."""

from django.core.management.base import CommandError

from .models import Organisatie


def voeg_organisatie_argument_toe(parser):
    parser.add_argument(
        "--organisatie", metavar="NAAM",
        help="Naam van de organisatie; mag weg als de database precies één organisatie bevat.",
    )


def kies_organisatie(naam: str | None) -> Organisatie:
    if naam:
        org = Organisatie.objects.filter(naam=naam).first() or Organisatie.objects.filter(slug=naam).first()
        if org is None:
            raise CommandError(f"Organisatie ‘{naam}’ bestaat niet.")
        return org
    orgs = list(Organisatie.objects.all()[:2])
    if len(orgs) == 1:
        return orgs[0]
    if not orgs:
        raise CommandError("Er is nog geen organisatie; importeer eerst uitgaven of draai ‘demo’.")
    raise CommandError("De database bevat meerdere organisaties; geef --organisatie NAAM op.")
