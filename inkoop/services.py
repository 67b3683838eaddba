"""Write operations of the inkoop core."""

from django.db import transaction
from django.utils.text import slugify

from .models import Gebruiker, Lidmaatschap, Organisatie
from .wachtrij import in_wachtrij, na_commit


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
                                             onderwerp=een_regel(onderwerp)[:200], tekst=tekst, url=url)
    na_commit(notificatie_mailen, notificatie.id)
    return notificatie


def een_regel(tekst: str) -> str:
    """Text for a header (an e-mail subject): every line break and control character becomes a
    space. Django refuses a subject with CR/LF (header injection) and the mail would be lost."""
    return " ".join("".join(" " if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in tekst).split())


def notificaties_nakijken(*, wachttijd_minuten: int = 5, dagen: int = 2) -> int:
    """The periodic sweep: e-mails of recent notifications that were never sent (the broker was
    away when they were queued, or the mail server) are queued again; sending is idempotent."""
    from django.utils import timezone

    from .models import Notificatie
    from .tasks import notificatie_mailen

    nu = timezone.now()
    ids = (Notificatie.objects.filter(gemaild_op__isnull=True, aangemaakt_op__lt=nu - timezone.timedelta(
        minutes=wachttijd_minuten), aangemaakt_op__gte=nu - timezone.timedelta(days=dagen))
        .exclude(ontvanger__email="").values_list("pk", flat=True))
    return sum(in_wachtrij(notificatie_mailen, pk) for pk in ids)


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
        send_mail(een_regel(n.onderwerp), f"{n.tekst}{link}", None, [n.ontvanger.email])
        n.gemaild_op = timezone.now()
        n.save(update_fields=["gemaild_op"])
        return True
