from . import Verwachting, rollen


def _importrun(organisatie, gebruiker):
    from uitgaven.models import Importrun

    run = Importrun.objects.create(organisatie=organisatie, gestart_door=gebruiker, proefrun=True,
                                   status=Importrun.Status.GESLAAGD)
    return {"pk": run.pk}


KIJKERS = rollen("controller", "inkoper")

VERWACHTINGEN = {
    "uitgaven:dashboard": Verwachting(KIJKERS),
    "uitgaven:regels": Verwachting(KIJKERS),
    "uitgaven:export": Verwachting(KIJKERS),
    "uitgaven:crediteuren": Verwachting(rollen("inkoper")),
    "uitgaven:pakketten": Verwachting(rollen("inkoper", "beheerder")),
    "uitgaven:import": Verwachting(rollen("controller")),
    "uitgaven:importhistorie": Verwachting(rollen("controller")),
    "uitgaven:importrun": Verwachting(rollen("controller"), kwargs=_importrun),
    "uitgaven:importrun_voortgang": Verwachting(rollen("controller"), kwargs=_importrun),
    # A run that is not a successful dry run cannot be imported: back to the run with a message.
    "uitgaven:importrun_importeren": Verwachting(rollen("controller"), kwargs=_importrun, methode="post"),
    # A run that was not interrupted cannot be retried: back to the run with a message.
    "uitgaven:importrun_opnieuw": Verwachting(rollen("controller"), kwargs=_importrun, methode="post"),
}
