"""The navigation per role: one list for the whole application.

Each entry: (label, url name, permission). An entry shows when the user has the permission.
"""

from django.utils.translation import gettext_lazy as _

MENU = [
    (_("Start"), "start", "inkoop.wissel_organisatie"),
    (_("Mijn meldingen"), "meldingen:mijn", "meldingen.bekijk_eigen"),
    (_("Nieuwe melding"), "meldingen:nieuw", "meldingen.aanmaken"),
    (_("Werkvoorraad"), "meldingen:werkvoorraad", "meldingen.behandelen"),
    (_("Adviezen"), "adviezen:overzicht", "adviezen.overzicht"),
    (_("Contracten"), "contracten:register", "contracten.bekijken"),
    (_("Trajecten"), "contracten:trajecten", "contracten.bekijken"),
    (_("Inkoopkalender"), "contracten:kalender", "contracten.bekijken"),
    (_("Uitgaven"), "uitgaven:dashboard", "uitgaven.bekijken"),
    (_("Crediteuren"), "uitgaven:crediteuren", "uitgaven.classificeren"),
    (_("Importeren"), "uitgaven:import", "uitgaven.importeren"),
    (_("Signalen"), "rechtmatigheid:signalen", "rechtmatigheid.bekijken"),
    (_("Steekproef"), "rechtmatigheid:steekproeven", "rechtmatigheid.bekijken"),
    (_("Jaarverslag"), "jaarverslag:overzicht", "jaarverslag.bekijken"),
    (_("Dashboard Inkoop"), "jaarverslag:dashboard", "jaarverslag.bekijken"),
    (_("Beleid"), "adviezen:beleid", "adviezen.beleid_beheren"),
    (_("Gebruikers"), "gebruikers", "inkoop.gebruikers_beheren"),
]
