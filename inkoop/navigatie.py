"""The navigation per role: one list for the whole application.

Groups of entries (label, url name, permission). An entry shows when the user has the permission;
a group with one visible entry shows as a plain link, with more as a dropdown, so the bar stays
narrow for the inkoper who sees most.
"""

from django.utils.translation import gettext_lazy as _

MENU = [
    (_("Start"), [
        (_("Start"), "start", "inkoop.wissel_organisatie"),
    ]),
    (_("Meldingen"), [
        (_("Mijn meldingen"), "meldingen:mijn", "meldingen.bekijk_eigen"),
        (_("Nieuwe melding"), "meldingen:nieuw", "meldingen.aanmaken"),
        (_("Werkvoorraad"), "meldingen:werkvoorraad", "meldingen.behandelen"),
        (_("Adviezen"), "adviezen:overzicht", "adviezen.overzicht"),
    ]),
    (_("Contracten"), [
        (_("Contractregister"), "contracten:register", "contracten.bekijken"),
        (_("Trajecten"), "contracten:trajecten", "contracten.bekijken"),
        (_("Inkoopkalender"), "contracten:kalender", "contracten.bekijken"),
        (_("Register importeren"), "contracten:register_importeren", "contracten.beheren"),
    ]),
    (_("Uitgaven"), [
        (_("Uitgaven"), "uitgaven:dashboard", "uitgaven.bekijken"),
        (_("Crediteuren"), "uitgaven:crediteuren", "uitgaven.classificeren"),
        (_("Importeren"), "uitgaven:import", "uitgaven.importeren"),
        (_("Inkooppakketten"), "uitgaven:pakketten", "uitgaven.pakketten_beheren"),
    ]),
    (_("Rechtmatigheid"), [
        (_("Signalen"), "rechtmatigheid:signalen", "rechtmatigheid.bekijken"),
        (_("Steekproef"), "rechtmatigheid:steekproeven", "rechtmatigheid.bekijken"),
        (_("Verantwoording"), "rechtmatigheid:verantwoording", "rechtmatigheid.bekijken"),
        (_("Vooruitblik"), "rechtmatigheid:vooruitblik", "rechtmatigheid.vooruitblik"),
    ]),
    (_("Jaarverslag"), [
        (_("Jaarverslag"), "jaarverslag:overzicht", "jaarverslag.bekijken"),
        (_("Dashboard Inkoop"), "jaarverslag:dashboard", "jaarverslag.bekijken"),
    ]),
    (_("Beheer"), [
        (_("Beleid"), "adviezen:beleid", "adviezen.beleid_beheren"),
        (_("Gebruikers"), "gebruikers", "inkoop.gebruikers_beheren"),
        (_("Organisatie"), "organisatie_instellingen", "inkoop.gebruikers_beheren"),
        (_("API"), "api:tokens", "api.tokens_beheren"),
    ]),
]


def menu_items():
    """Every entry, flattened: (label, url name, permission)."""
    return [item for _groep, items in MENU for item in items]
