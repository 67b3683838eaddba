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


def notificeren(*, organisatie, ontvanger, onderwerp: str, tekst: str = "", url: str = ""):
    """Store an in-app notification and queue its e-mail once the transaction commits."""
    from .models import Notificatie
    from .tasks import notificatie_mailen

    notificatie = Notificatie.objects.create(organisatie=organisatie, ontvanger=ontvanger,
                                             onderwerp=onderwerp, tekst=tekst, url=url)
    transaction.on_commit(lambda: notificatie_mailen.delay(notificatie.id))
    return notificatie


def notificaties_gelezen_voor(*, gebruiker, organisatie, pad: str) -> int:
    """Mark read the user's notifications that point to the page at `pad`.

    A notification is read once its item is seen, whichever way the user got there (the bell,
    the e-mail, a list): its link is this path, possibly with an #anchor or ?query.
    """
    from django.db.models import Q
    from django.utils import timezone

    from .models import Notificatie

    if not pad.startswith("/") or not getattr(gebruiker, "is_authenticated", False):
        return 0
    return (Notificatie.objects
            .filter(ontvanger=gebruiker, organisatie=organisatie, gelezen_op__isnull=True)
            .filter(Q(url=pad) | Q(url__startswith=pad + "#") | Q(url__startswith=pad + "?"))
            .update(gelezen_op=timezone.now()))


def notificatie_mailen_uitvoeren(*, notificatie_id: int) -> bool:
    """Send the e-mail of a notification once; safe to run twice (gemaild_op guards it)."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.utils import timezone

    from .models import Notificatie

    with transaction.atomic():
        n = (Notificatie.objects.select_for_update().select_related("ontvanger")
             .filter(pk=notificatie_id, gemaild_op__isnull=True).first())
        if n is None or not n.ontvanger.email:
            return False
        link = f"\n\n{settings.SITE_URL}{n.url}" if n.url else ""
        send_mail(n.onderwerp, f"{n.tekst}{link}", None, [n.ontvanger.email])
        n.gemaild_op = timezone.now()
        n.save(update_fields=["gemaild_op"])
        return True
