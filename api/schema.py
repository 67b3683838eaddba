"""The OpenAPI schema: every operation documents the error answers it can give (api/fouten.py),
so that a client, and schemathesis in the test suite, find every status code in the schema."""

from beleid.begrippen import SOORTEN_AW, keuzes

# The soort of an inkooppakket: the three kinds of Aw 2012 art. 1.1, named once in the schema
# (settings SPECTACULAR ENUM_NAME_OVERRIDES; the labels are part of the enum's identity there).
PAKKETSOORTEN = keuzes(*SOORTEN_AW)

FOUTEN = {
    "400": "Ongeldige invoer of parameters; per veld de reden.",
    "401": "Niet aangemeld: stuur `Authorization: Token <sleutel>`.",
    "403": "Uw rol mag dit niet.",
    "404": "Niet gevonden, of niet van uw organisatie.",
    "405": "Deze methode kan hier niet.",
    "406": "Het gevraagde formaat kan niet worden geleverd.",
    "415": "Het formaat van de invoer wordt niet ondersteund.",
    "429": "Te veel verzoeken met deze sleutel; probeer het later opnieuw.",
}
SCHRIJVEN = {
    "409": "Dit kan niet in de huidige toestand van het record.",
    "412": "Het record is gewijzigd sinds u het las (If-Match).",
    "428": "Stuur If-Match met de ETag van het record.",
}


def foutantwoorden(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})
    ref = {"$ref": "#/components/schemas/Fout"}
    for pad in result.get("paths", {}).values():
        for methode, operatie in pad.items():
            if methode not in ("get", "post", "put", "patch", "delete"):
                continue
            for parameter in operatie.get("parameters", []):
                if parameter.get("in") == "path" and parameter["name"] == "id":
                    parameter["description"] = "Het id van het record (uit de lijst of de url)."
            antwoorden = operatie.setdefault("responses", {})
            codes = dict(FOUTEN)
            if methode in ("post", "patch", "put", "delete"):
                codes.update(SCHRIJVEN)
            for code, tekst in codes.items():
                antwoorden.setdefault(code, {"description": tekst, "content": {"application/json": {"schema": ref}}})
    return result
