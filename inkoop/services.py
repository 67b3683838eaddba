"""Write operations of the inkoop core."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

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
        send_mail(een_regel(n.onderwerp), f"{n.tekst}{link}", None, [n.ontvanger.email])
        n.gemaild_op = timezone.now()
        n.save(update_fields=["gemaild_op"])
        return True


# --- User administration by the organisation's beheerder -----------------------------------------


class GebruikersbeheerFout(ValueError):
    """A change the beheerder may not make; the message says why, in Dutch."""


def _beheerders_na_wijziging(*, organisatie, lidmaatschap, nieuwe_rol) -> int:
    """How many beheerders the organisation keeps after `lidmaatschap` gets `nieuwe_rol` (or none).

    The beheerder rows are locked first, so two beheerders demoting each other at the same
    moment cannot both succeed and leave the organisation without one.
    """
    beheerders = set(Lidmaatschap.objects.select_for_update()
                     .filter(organisatie=organisatie, rol="beheerder").values_list("pk", flat=True))
    beheerders.discard(lidmaatschap.pk)
    return len(beheerders) + (1 if nieuwe_rol == "beheerder" else 0)


@transaction.atomic
def collega_uitnodigen(*, organisatie, door, email: str, rol: str, voornaam: str = "",
                       achternaam: str = "", afdeling: str = "") -> Lidmaatschap:
    """Give a colleague a role in `organisatie` and e-mail them a link to set their password.

    A colleague who already has an account (another organisation, or access withdrawn earlier)
    keeps it: they get the role and, when they have no password yet, the link.
    """
    email = email.strip().lower()
    bestaande = list(Gebruiker.objects.filter(email__iexact=email)[:2])
    if len(bestaande) > 1:
        raise GebruikersbeheerFout(
            _("Er zijn meerdere accounts met het e-mailadres %(email)s; laat de applicatiebeheerder dit oplossen.")
            % {"email": email})
    if bestaande:
        gebruiker = bestaande[0]
        if Lidmaatschap.objects.filter(gebruiker=gebruiker, organisatie=organisatie).exists():
            raise GebruikersbeheerFout(_("%(email)s heeft al een rol in %(org)s; wijzig die rol in de lijst.")
                                       % {"email": email, "org": organisatie})
        if not gebruiker.is_active:
            gebruiker.is_active = True
            gebruiker.save(update_fields=["is_active"])
    else:
        if Gebruiker.objects.filter(username__iexact=email).exists():
            raise GebruikersbeheerFout(_("De gebruikersnaam %(naam)s is al in gebruik.") % {"naam": email})
        gebruiker = Gebruiker(username=email, email=email, first_name=voornaam.strip(),
                              last_name=achternaam.strip())
        gebruiker.set_unusable_password()
        gebruiker.save()
    lid = Lidmaatschap(gebruiker=gebruiker, organisatie=organisatie, rol=rol, afdeling=afdeling.strip())
    lid._history_user = door
    lid.save()
    if not gebruiker.has_usable_password():
        uitnodiging_versturen(lidmaatschap=lid)
    return lid


def uitnodiging_versturen(*, lidmaatschap: Lidmaatschap) -> None:
    """Queue the invitation e-mail once the transaction commits (the link is made in the task)."""
    from .tasks import uitnodiging_mailen

    transaction.on_commit(lambda: uitnodiging_mailen.delay(lidmaatschap.pk))


def uitnodiging_link(gebruiker: Gebruiker) -> str:
    """The one-time link to set a password: Django's password-reset token (signed with
    SECRET_KEY, void once the password is set, expiring after PASSWORD_RESET_TIMEOUT)."""
    from django.conf import settings
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    pad = reverse("uitnodiging_accepteren", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(gebruiker.pk)),
        "token": default_token_generator.make_token(gebruiker)})
    return f"{settings.SITE_URL.rstrip('/')}{pad}"


def uitnodiging_mailen_uitvoeren(*, lidmaatschap_id: int) -> bool:
    """Send the invitation; nothing when the membership is gone or the password is already set."""
    from django.conf import settings
    from django.core.mail import send_mail

    lid = Lidmaatschap.objects.select_related("gebruiker", "organisatie").filter(pk=lidmaatschap_id).first()
    if lid is None or lid.gebruiker.has_usable_password() or not lid.gebruiker.email:
        return False
    uren = settings.PASSWORD_RESET_TIMEOUT // 3600
    tekst = _(
        "Beste %(naam)s,\n\n"
        "U bent uitgenodigd voor de inkoopapplicatie van %(org)s als %(rol)s.\n"
        "Kies uw wachtwoord via deze link (geldig tot %(uren)s uur na verzending, één keer te gebruiken):\n\n"
        "%(link)s\n\n"
        "Uw gebruikersnaam is %(gebruikersnaam)s.\n") % {
        "naam": lid.gebruiker.get_full_name() or lid.gebruiker.email, "org": lid.organisatie,
        "rol": lid.get_rol_display().lower(), "uren": uren, "link": uitnodiging_link(lid.gebruiker),
        "gebruikersnaam": lid.gebruiker.username}
    send_mail(_("Uitnodiging inkoopapplicatie %(org)s") % {"org": lid.organisatie}, tekst, None,
              [lid.gebruiker.email])
    return True


@transaction.atomic
def lidmaatschap_wijzigen(*, lidmaatschap: Lidmaatschap, door, rol: str, afdeling: str) -> Lidmaatschap:
    """Change a colleague's role and afdeling; the organisation always keeps a beheerder."""
    if rol != "beheerder" and lidmaatschap.rol == "beheerder" and not _beheerders_na_wijziging(
            organisatie=lidmaatschap.organisatie, lidmaatschap=lidmaatschap, nieuwe_rol=rol):
        raise GebruikersbeheerFout(
            _("Dit is de laatste beheerder van de organisatie: geef eerst een collega de rol beheerder."))
    if (lidmaatschap.rol, lidmaatschap.afdeling) == (rol, afdeling.strip()):
        return lidmaatschap
    lidmaatschap.rol = rol
    lidmaatschap.afdeling = afdeling.strip()
    lidmaatschap._history_user = door
    lidmaatschap.save()
    return lidmaatschap


@transaction.atomic
def lidmaatschap_beeindigen(*, lidmaatschap: Lidmaatschap, door) -> None:
    """Withdraw a colleague's access to this organisation (the history keeps the role they had).

    A colleague without any organisation left is deactivated, so they cannot log in at all;
    their name stays on the records they made.
    """
    if lidmaatschap.rol == "beheerder" and not _beheerders_na_wijziging(
            organisatie=lidmaatschap.organisatie, lidmaatschap=lidmaatschap, nieuwe_rol=None):
        raise GebruikersbeheerFout(
            _("Dit is de laatste beheerder van de organisatie: geef eerst een collega de rol beheerder."))
    gebruiker = lidmaatschap.gebruiker
    lidmaatschap._history_user = door
    lidmaatschap.delete()
    if not Lidmaatschap.objects.filter(gebruiker=gebruiker).exists():
        gebruiker.is_active = False
        gebruiker.save(update_fields=["is_active"])


@transaction.atomic
def organisatie_met_beheerder(*, naam: str, email: str, voornaam: str = "", achternaam: str = ""):
    """A new organisation and its first beheerder, invited by e-mail (manage.py organisatie_aanmaken)."""
    if Organisatie.objects.filter(naam=naam).exists():
        raise GebruikersbeheerFout(_("De organisatie %(naam)s bestaat al.") % {"naam": naam})
    org, _nieuw = organisatie_verzekeren(naam=naam)
    lid = collega_uitnodigen(organisatie=org, door=None, email=email, rol="beheerder",
                             voornaam=voornaam, achternaam=achternaam)
    return org, lid
