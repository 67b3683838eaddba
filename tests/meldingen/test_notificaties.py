"""Notifications: in the app and by e-mail after the commit, for the people who have to act."""

import pytest
from django.core import mail
from django.urls import reverse

from inkoop.models import Notificatie, Rol
from meldingen import services

from .factories import MeldingFactory


@pytest.fixture
def tweede_inkoper(maak_gebruiker, organisatie):
    return maak_gebruiker(organisatie, Rol.INKOPER, naam="inkoper-twee")


@pytest.mark.django_db
def test_a_submitted_melding_is_announced_to_every_inkoper_by_mail_after_commit(
        maak_melding, budgethouder, inkoper, tweede_inkoper, django_capture_on_commit_callbacks, monkeypatch):
    from adviezen import tasks

    monkeypatch.setattr(tasks.concept_advies_maken, "delay", lambda melding_id: None)
    m = maak_melding(omschrijving="Onderhoud bruggen")
    with django_capture_on_commit_callbacks(execute=True):
        services.melding_indienen(melding=m, door=budgethouder)
    ontvangers = set(Notificatie.objects.values_list("ontvanger__username", flat=True))
    assert ontvangers == {inkoper.username, tweede_inkoper.username}
    assert sorted(b.to[0] for b in mail.outbox) == sorted([inkoper.email, tweede_inkoper.email])
    assert f"Nieuwe inkoopmelding {m.nummer}: Onderhoud bruggen" in mail.outbox[0].subject
    assert f"/meldingen/{m.pk}/" in mail.outbox[0].body


@pytest.mark.django_db
def test_no_mail_leaves_when_the_submission_is_rolled_back(maak_melding, budgethouder, inkoper,
                                                           django_capture_on_commit_callbacks):
    m = maak_melding(kostenplaats=None)  # incomplete: submitting fails
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.MeldingOnvolledig):
        services.melding_indienen(melding=m, door=budgethouder)
    assert not Notificatie.objects.exists() and not mail.outbox


@pytest.mark.django_db
def test_assignment_notifies_the_inkoper_unless_they_took_it_themselves(maak_melding, budgethouder, inkoper,
                                                                        tweede_inkoper):
    m = maak_melding()
    services.melding_indienen(melding=m, door=budgethouder)
    Notificatie.objects.all().delete()
    services.melding_toewijzen(melding=m, inkoper=inkoper, door=inkoper)
    assert not Notificatie.objects.exists()
    services.melding_toewijzen(melding=m, inkoper=tweede_inkoper, door=inkoper)
    n = Notificatie.objects.get()
    assert n.ontvanger == tweede_inkoper and "aan u toegewezen" in n.onderwerp


@pytest.mark.django_db
def test_a_question_goes_to_the_budget_holder_and_the_answer_back(maak_melding, budgethouder, inkoper,
                                                                  client):
    m = maak_melding()
    services.melding_indienen(melding=m, door=budgethouder)
    services.melding_toewijzen(melding=m, inkoper=inkoper, door=inkoper)
    Notificatie.objects.all().delete()
    vraag = services.vraag_stellen(melding=m, door=inkoper, tekst="Wat is de looptijd precies?")
    n = Notificatie.objects.get()
    assert n.ontvanger == budgethouder and "Wat is de looptijd precies?" in n.tekst

    # The budget holder sees it on "Mijn meldingen", the melding waits on them, and they answer.
    client.force_login(budgethouder)
    mijn = client.get(reverse("meldingen:mijn")).content.decode()
    assert "Vraag van Inkoop over melding" in mijn and "Inkoop heeft een vraag aan u" in mijn
    assert client.post(reverse("meldingen:antwoord", kwargs={"pk": vraag.pk}),
                       {"antwoord": "36 maanden."}).status_code == 302
    antwoord = Notificatie.objects.get(ontvanger=inkoper)
    assert "36 maanden." in antwoord.tekst
    assert client.post(reverse("meldingen:antwoord", kwargs={"pk": vraag.pk}),
                       {"antwoord": "Nog eens"}).status_code == 403  # answered: closed


@pytest.mark.django_db
def test_opening_a_notification_marks_it_read_and_leads_to_the_melding(maak_melding, inkoper, client,
                                                                       organisatie):
    m = maak_melding()
    n = Notificatie.objects.create(organisatie=organisatie, ontvanger=inkoper, onderwerp="Nieuw",
                                   url=f"/meldingen/{m.pk}/")
    client.force_login(inkoper)
    assert "Nieuw" in client.get(reverse("meldingen:werkvoorraad")).content.decode()
    antwoord = client.get(reverse("meldingen:notificatie", kwargs={"pk": n.pk}))
    assert antwoord["Location"] == f"/meldingen/{m.pk}/"
    n.refresh_from_db()
    assert n.gelezen_op is not None


@pytest.mark.django_db
def test_a_notification_never_redirects_off_site(inkoper, client, organisatie):
    n = Notificatie.objects.create(organisatie=organisatie, ontvanger=inkoper, onderwerp="x",
                                   url="//evil.example/")
    client.force_login(inkoper)
    assert client.get(reverse("meldingen:notificatie", kwargs={"pk": n.pk}))["Location"] == "/"


@pytest.mark.django_db
def test_mark_all_read(inkoper, client, organisatie):
    for i in range(3):
        Notificatie.objects.create(organisatie=organisatie, ontvanger=inkoper, onderwerp=f"n{i}")
    client.force_login(inkoper)
    client.post(reverse("meldingen:notificaties_gelezen"), {"volgende": reverse("meldingen:werkvoorraad")})
    assert not Notificatie.objects.filter(gelezen_op__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_mails_the_inkoper_when_a_melding_is_submitted(celery_worker, organisatie, maak_gebruiker):
    import time

    bh = maak_gebruiker(organisatie, Rol.BUDGETHOUDER, naam="bh-echt", afdeling="Wegen")
    ink = maak_gebruiker(organisatie, Rol.INKOPER, naam="ink-echt")
    m = MeldingFactory(organisatie=organisatie, budgethouder=bh)
    services.melding_indienen(melding=m, door=bh)  # autocommit: the on_commit callbacks queue at once
    for _ in range(200):
        if Notificatie.objects.filter(ontvanger=ink, gemaild_op__isnull=False).exists():
            break
        time.sleep(0.1)
    assert Notificatie.objects.get(ontvanger=ink).gemaild_op is not None
    assert any(ink.email in b.to for b in mail.outbox)


@pytest.mark.django_db
def test_a_notification_is_read_once_its_page_is_seen_whichever_way(client, maak_melding, budgethouder, inkoper,
                                                                    organisatie):
    from inkoop.services import notificeren

    m = maak_melding(ingediend=True)
    andere = maak_melding(ingediend=True)
    url = reverse("meldingen:detail", kwargs={"pk": m.pk})
    vraag = services.vraag_stellen(melding=m, door=inkoper, tekst="Is er een bestaand contract?")
    assert vraag
    notificeren(organisatie=organisatie, ontvanger=budgethouder, onderwerp="Elders",
                url=reverse("meldingen:detail", kwargs={"pk": andere.pk}))
    notificeren(organisatie=organisatie, ontvanger=inkoper, onderwerp="Voor iemand anders", url=url)
    client.force_login(budgethouder)
    client.get(url)  # straight to the page, not through the bell
    gelezen = dict(Notificatie.objects.values_list("onderwerp", "gelezen_op"))
    assert gelezen[f"Vraag van Inkoop over melding {m.nummer}"] is not None  # its link was url + "#vragen"
    assert gelezen["Elders"] is None and gelezen["Voor iemand anders"] is None
