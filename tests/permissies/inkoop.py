from . import ALLE_ROLLEN, PUBLIEK, Verwachting, rollen

VERWACHTINGEN = {
    "start": Verwachting(ALLE_ROLLEN),
    "login": PUBLIEK,
    "logout": PUBLIEK,
    "gezondheid": PUBLIEK,
    "organisatie_wisselen": Verwachting(ALLE_ROLLEN, methode="post", toegestaan=frozenset({302, 400})),
    "gebruikers": Verwachting(rollen("beheerder")),
}
