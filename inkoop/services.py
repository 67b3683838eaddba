"""Write operations of the inkoop core."""

from django.db import transaction
from django.utils.text import slugify

from .models import Gebruiker, Lidmaatschap, Organisatie


def organisatie_verzekeren(*, naam: str) -> tuple[Organisatie, bool]:
    """Return the organisation called `naam`, creating it when it does not exist yet.

    Apps that keep per-organisation defaults (the default policy) react in their own services;
    this core function only creates the record.
    """
    org = Organisatie.objects.filter(naam=naam).first()
    if org:
        return org, False
    basis = slugify(naam)[:50] or "organisatie"
    slug, n = basis, 2
    while Organisatie.objects.filter(slug=slug).exists():
        slug, n = f"{basis}-{n}", n + 1
    return Organisatie.objects.create(naam=naam, slug=slug), True


@transaction.atomic
def gebruiker_met_rol(*, organisatie, gebruikersnaam: str, rol: str, wachtwoord: str,
                      voornaam: str = "", achternaam: str = "", email: str = "",
                      afdeling: str = "") -> Gebruiker:
    """Create or update a user with a role in `organisatie` and set the password."""
    gebruiker, _ = Gebruiker.objects.get_or_create(username=gebruikersnaam)
    gebruiker.first_name = voornaam or gebruiker.first_name
    gebruiker.last_name = achternaam or gebruiker.last_name
    gebruiker.email = email or gebruiker.email
    gebruiker.set_password(wachtwoord)
    gebruiker.save()
    Lidmaatschap.objects.update_or_create(
        gebruiker=gebruiker, organisatie=organisatie, defaults={"rol": rol, "afdeling": afdeling}
    )
    return gebruiker
