"""Input through the web page's own Django form: the API applies exactly the rules of the form.

`formulier_data` turns validated API values into what the form takes; for a partial update
(PATCH) it starts from what the form would show for the stored record, so fields that are not
sent keep their value.
"""

from .fouten import ongeldig
from .velden import formulierwaarde


def formulier_data(gegevens: dict, *, huidig_formulier=None, lijstvelden=()) -> dict:
    data = {}
    if huidig_formulier is not None:
        for naam in huidig_formulier.fields:
            waarde = huidig_formulier[naam].value()
            data[naam] = "" if waarde is None else waarde
    for naam, waarde in gegevens.items():
        if naam in lijstvelden:
            # One amount per line, as the form's text area takes them.
            data[naam] = "\n".join(str(formulierwaarde(w)) for w in waarde or [])
        elif isinstance(waarde, list):
            data[naam] = [formulierwaarde(w) for w in waarde]
        else:
            data[naam] = formulierwaarde(waarde)
    # An unchecked checkbox is an absent key, as in a browser's POST.
    return {k: v for k, v in data.items() if v is not False}


def geldig_formulier(form):
    if not form.is_valid():
        raise ongeldig({naam: [str(t) for t in fouten] for naam, fouten in form.errors.items()})
    return form
