from . import ALLE_ROLLEN, PUBLIEK, Verwachting, rollen


def _collega(organisatie, gebruiker):
    """A colleague in `organisatie` whose membership the beheerder pages act on."""
    from inkoop.models import Gebruiker, Lidmaatschap

    collega = Gebruiker.objects.create(username=f"collega-{organisatie.slug}", email=f"c@{organisatie.slug}.example")
    return {"pk": Lidmaatschap.objects.create(gebruiker=collega, organisatie=organisatie, rol="inkoper").pk}


VERWACHTINGEN = {
    "start": Verwachting(ALLE_ROLLEN),
    "login": PUBLIEK,
    "logout": PUBLIEK,
    "uitgelogd": PUBLIEK,
    "toegankelijkheid": PUBLIEK,
    "uitnodiging_accepteren": PUBLIEK,
    "gezondheid": PUBLIEK,
    "organisatie_wisselen": Verwachting(ALLE_ROLLEN, methode="post", toegestaan=frozenset({302, 400})),
    "gebruikers": Verwachting(rollen("beheerder")),
    "gebruiker_uitnodigen": Verwachting(rollen("beheerder")),
    "gebruikers_historie": Verwachting(rollen("beheerder")),
    "organisatie_instellingen": Verwachting(rollen("beheerder")),
    "gebruiker_wijzigen": Verwachting(rollen("beheerder"), kwargs=_collega),
    "gebruiker_deactiveren": Verwachting(rollen("beheerder"), kwargs=_collega, methode="post",
                                         toegestaan=frozenset({302})),
    "gebruiker_opnieuw_uitnodigen": Verwachting(rollen("beheerder"), kwargs=_collega, methode="post",
                                                toegestaan=frozenset({302})),
}
