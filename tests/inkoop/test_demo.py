import pytest
from django.core.management import call_command

from inkoop.models import Lidmaatschap, Organisatie


@pytest.mark.django_db
def test_demo_creates_one_user_per_role_and_is_harmless_twice(capsys):
    call_command("demo", "--wachtwoord", "demo-wachtwoord-1")
    call_command("demo", "--wachtwoord", "demo-wachtwoord-1")
    org = Organisatie.objects.get(naam="Gemeente Enschede")
    rollen = dict(Lidmaatschap.objects.filter(organisatie=org).values_list("gebruiker__username", "rol"))
    assert rollen == {"budgethouder": "budgethouder", "inkoper": "inkoper",
                      "controller": "controller", "beheerder": "beheerder"}
    assert "demo-wachtwoord-1" in capsys.readouterr().out
