"""The beheerder manages colleagues in the application: invite, role, afdeling, withdraw, history."""

import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from inkoop.models import Gebruiker, Lidmaatschap, Organisatie, Rol
from inkoop.services import GebruikersbeheerFout, lidmaatschap_beeindigen, lidmaatschap_wijzigen

NIEUW_WACHTWOORD = "Zomer-in-Enschede-2026!"


def _uitnodigen(client, capture, **velden):
    data = {"email": "an.jansen@testdorp.example", "voornaam": "An", "achternaam": "Jansen",
            "rol": "inkoper", "afdeling": ""} | velden
    with capture(execute=True):
        return client.post(reverse("gebruiker_uitnodigen"), data)


def _link(bericht) -> str:
    return re.search(r"https?://\S+/wachtwoord-instellen/\S+/", bericht.body).group(0)


def _wachtwoord_kiezen(client, link):
    pad = link.split("://", 1)[1].split("/", 1)[1]
    antwoord = client.get("/" + pad)
    # Django moves the token out of the URL into the session, then shows the form.
    assert antwoord.status_code == 302
    return client.post(antwoord["Location"], {"new_password1": NIEUW_WACHTWOORD, "new_password2": NIEUW_WACHTWOORD})


@pytest.fixture
def als_beheerder(client, beheerder):
    client.force_login(beheerder)
    return client


def test_an_invited_colleague_sets_a_password_and_logs_in_with_the_given_role(
        als_beheerder, django_capture_on_commit_callbacks, client, organisatie):
    antwoord = _uitnodigen(als_beheerder, django_capture_on_commit_callbacks, rol="budgethouder", afdeling="Wegen")
    assert antwoord.status_code == 302
    collega = Gebruiker.objects.get(email="an.jansen@testdorp.example")
    assert not collega.has_usable_password()
    lid = Lidmaatschap.objects.get(gebruiker=collega, organisatie=organisatie)
    assert (lid.rol, lid.afdeling) == ("budgethouder", "Wegen")
    [bericht] = mail.outbox
    assert bericht.to == ["an.jansen@testdorp.example"] and "budgethouder" in bericht.body

    client.logout()
    klaar = _wachtwoord_kiezen(client, _link(bericht))
    assert klaar.status_code == 302 and klaar["Location"] == reverse("login")
    collega.refresh_from_db()
    assert collega.check_password(NIEUW_WACHTWOORD)
    client.post(reverse("login"), {"username": "an.jansen@testdorp.example", "password": NIEUW_WACHTWOORD})
    start = client.get(reverse("start"))
    assert start.wsgi_request.user == collega and start.wsgi_request.user.rol == Rol.BUDGETHOUDER


def test_the_invitation_link_works_once(als_beheerder, django_capture_on_commit_callbacks, client):
    _uitnodigen(als_beheerder, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    client.logout()
    _wachtwoord_kiezen(client, link)
    pad = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert "Deze link is verlopen of al gebruikt" in client.get(pad, follow=True).content.decode()


def test_the_invitation_link_expires(als_beheerder, django_capture_on_commit_callbacks, client, settings, monkeypatch):
    _uitnodigen(als_beheerder, django_capture_on_commit_callbacks)
    link = _link(mail.outbox[0])
    later = datetime.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    client.logout()
    pad = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert "Deze link is verlopen of al gebruikt" in client.get(pad, follow=True).content.decode()


def test_a_colleague_of_another_organisation_gets_the_role_without_a_new_account(
        als_beheerder, django_capture_on_commit_callbacks, maak_gebruiker, andere_organisatie, organisatie):
    elders = maak_gebruiker(andere_organisatie, Rol.CONTROLLER, naam="piet")
    _uitnodigen(als_beheerder, django_capture_on_commit_callbacks, email=elders.email.upper(), rol="controller")
    assert Lidmaatschap.objects.get(gebruiker=elders, organisatie=organisatie).rol == "controller"
    assert Gebruiker.objects.filter(email__iexact=elders.email).count() == 1
    assert mail.outbox == []  # has a password already


def test_inviting_someone_who_already_has_a_role_says_so(als_beheerder, django_capture_on_commit_callbacks, inkoper):
    antwoord = _uitnodigen(als_beheerder, django_capture_on_commit_callbacks, email=inkoper.email)
    assert antwoord.status_code == 200
    assert "heeft al een rol in Gemeente Testdorp" in antwoord.content.decode()


def test_the_beheerder_changes_role_and_afdeling_and_the_history_shows_it(als_beheerder, inkoper, beheerder):
    lid = Lidmaatschap.objects.get(gebruiker=inkoper)
    antwoord = als_beheerder.post(reverse("gebruiker_wijzigen", kwargs={"pk": lid.pk}),
                                  {"rol": "budgethouder", "afdeling": "Groen"})
    assert antwoord.status_code == 302
    lid.refresh_from_db()
    assert (lid.rol, lid.afdeling) == ("budgethouder", "Groen")
    historie = als_beheerder.get(reverse("gebruikers_historie")).content.decode()
    assert "Inkoper → Budgethouder" in historie and "– → Groen" in historie
    assert str(beheerder) in historie


def test_the_last_beheerder_cannot_remove_themself(als_beheerder, beheerder):
    lid = Lidmaatschap.objects.get(gebruiker=beheerder)
    antwoord = als_beheerder.post(reverse("gebruiker_wijzigen", kwargs={"pk": lid.pk}), {"rol": "inkoper", "afdeling": ""})
    assert antwoord.status_code == 200 and "laatste beheerder" in antwoord.content.decode()
    als_beheerder.post(reverse("gebruiker_deactiveren", kwargs={"pk": lid.pk}))
    lid.refresh_from_db()
    assert lid.rol == "beheerder"
    with pytest.raises(GebruikersbeheerFout):
        lidmaatschap_beeindigen(lidmaatschap=lid, door=beheerder)


def test_with_a_second_beheerder_one_may_step_down(beheerder, maak_gebruiker, organisatie):
    maak_gebruiker(organisatie, Rol.BEHEERDER, naam="tweede")
    lid = Lidmaatschap.objects.get(gebruiker=beheerder)
    lidmaatschap_wijzigen(lidmaatschap=lid, door=beheerder, rol="inkoper", afdeling="")
    assert Lidmaatschap.objects.get(pk=lid.pk).rol == "inkoper"


def test_withdrawing_access_deactivates_a_user_without_other_organisations(als_beheerder, inkoper, client):
    historie_vooraf = als_beheerder.get(reverse("gebruikers_historie")).content.decode()
    assert "<td>ingetrokken</td>" not in historie_vooraf
    lid = Lidmaatschap.objects.get(gebruiker=inkoper)
    assert als_beheerder.post(reverse("gebruiker_deactiveren", kwargs={"pk": lid.pk})).status_code == 302
    inkoper.refresh_from_db()
    assert not Lidmaatschap.objects.filter(gebruiker=inkoper).exists() and not inkoper.is_active
    client.logout()
    poging = client.post(reverse("login"), {"username": inkoper.username, "password": "geheim-wachtwoord-123"})
    assert poging.status_code == 200 and not poging.wsgi_request.user.is_authenticated
    client.force_login(Gebruiker.objects.get(username__startswith="beheerder"))
    assert "<td>ingetrokken</td>" in client.get(reverse("gebruikers_historie")).content.decode()


def test_withdrawing_keeps_the_account_of_someone_in_another_organisation(
        beheerder, maak_gebruiker, organisatie, andere_organisatie):
    iemand = maak_gebruiker(organisatie, Rol.INKOPER, naam="jo")
    maak_gebruiker(andere_organisatie, Rol.INKOPER, naam="jo")
    lidmaatschap_beeindigen(lidmaatschap=Lidmaatschap.objects.get(gebruiker=iemand, organisatie=organisatie),
                            door=beheerder)
    iemand.refresh_from_db()
    assert iemand.is_active and iemand.lidmaatschappen.get().organisatie == andere_organisatie


def test_the_django_admin_is_for_superusers_only(client, beheerder):
    beheerder.is_staff = True
    beheerder.save()
    client.force_login(beheerder)
    assert client.get("/beheer/").status_code == 302  # to the admin's own login: no access
    pagina = client.get(reverse("gebruikers")).content.decode()
    assert "/beheer/" not in pagina
    beheerder.is_superuser = True
    beheerder.save()
    assert client.get("/beheer/").status_code == 200


def test_the_command_creates_an_organisation_with_its_first_beheerder(db, django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("organisatie_aanmaken", "Gemeente Hengelo", "--beheerder", "Bea@Hengelo.example",
                     "--voornaam", "Bea")
    org = Organisatie.objects.get(naam="Gemeente Hengelo")
    lid = Lidmaatschap.objects.get(organisatie=org)
    assert (lid.rol, lid.gebruiker.username) == ("beheerder", "bea@hengelo.example")
    assert "wachtwoord-instellen" in capsys.readouterr().out
    assert mail.outbox[0].to == ["bea@hengelo.example"]
    with pytest.raises(CommandError, match="bestaat al"):
        call_command("organisatie_aanmaken", "Gemeente Hengelo", "--beheerder", "x@hengelo.example")
    with pytest.raises(CommandError, match="geen geldig e-mailadres"):
        call_command("organisatie_aanmaken", "Gemeente Borne", "--beheerder", "geen-adres")
    assert not Organisatie.objects.filter(naam="Gemeente Borne").exists()


def test_the_history_page_takes_a_fixed_number_of_queries(als_beheerder, beheerder, maak_gebruiker, organisatie,
                                                          django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def wijzig(n, start):
        for i in range(start, start + n):
            lid = Lidmaatschap.objects.get(gebruiker=maak_gebruiker(organisatie, Rol.INKOPER, naam=f"c{i}"))
            lidmaatschap_wijzigen(lidmaatschap=lid, door=beheerder, rol="controller", afdeling=f"A{i}")

    wijzig(2, 0)
    als_beheerder.get(reverse("gebruikers_historie"))
    with CaptureQueriesContext(connection) as eerste:
        als_beheerder.get(reverse("gebruikers_historie"))
    wijzig(6, 2)
    with django_assert_num_queries(len(eerste)):
        html = als_beheerder.get(reverse("gebruikers_historie")).content.decode()
    assert html.count("Inkoper → Controller") == 8
