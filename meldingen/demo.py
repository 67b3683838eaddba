"""Demo meldingen for "Gemeente Enschede" (python manage.py demo, interfaces.md §4).

- 2023 and 2024: the meldingen the yearly report counts (114 and 141 from € 25.000, as in the
  Enschede inkoopjaarverslag 2024), spread over the kostenplaatsen of the imported ledger (so over
  the domains), soorten, inkooppakketten and statuses, with their history (transitions,
  assignments, a few questions) and, from "advies uitgebracht" on, an issued advice (via
  adviezen.services.uitgebracht_advies_verzekeren). Plus meldingen that must NOT count: below
  € 25.000, and concepts never filed.
- The current year: a handful of open meldingen in every state of the queue (new, assigned,
  waiting on the budget holder, late, a concept of the demo budget holder), relative to today.

Deterministic (seeded random) and idempotent: every demo melding has a fixed idempotency key
(`sleutel`, uuid5); a second run creates only what is missing.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from inkoop.models import Gebruiker, Notificatie
from uitgaven.models import Inkooppakket, Kostenplaats

from .models import Inkoopmelding, Status, Statuswijziging, Toewijzing, Vraag

NAAMRUIMTE = uuid.UUID("2f0b8c1e-5d7a-4c43-9a1e-6d656c64696e")
ZAAD = 141
AANTALLEN = {2023: 114, 2024: 141}  # meldingen from € 25.000 (jaarverslag-2024.json, afdeling_inkoop)
KLEIN = {2023: 6, 2024: 7}  # filed below € 25.000: do not count
CONCEPTEN = {2023: 3, 2024: 4}  # started, never filed: do not count

WIJKEN = ["Enschede-Noord", "Stroinkslanden", "Wesselerbrink", "Twekkelerveld", "Roombeek", "Pathmos",
          "Velve-Lindenhof", "Deppenbroek", "Boswinkel", "Glanerbrug", "Helmerhoek", "De Eschmarke",
          "Ruwenbos", "Hogeland", "Lasonder-Zeggelt", "binnenstad"]
STRATEN = ["Hengelosestraat", "Oldenzaalsestraat", "Haaksbergerstraat", "Gronausestraat", "Boulevard 1945",
           "Lasondersingel", "Het Rutbeek-route", "Deurningerstraat", "Kuipersdijk", "Getfertsingel"]


@dataclass(frozen=True)
class Sjabloon:
    omschrijving: str
    soort: str
    pakket: str | None
    kostenplaats: str
    branche: str
    prijsvorm: str  # totaal | periodiek
    waarde: tuple[int, int]  # total (totaal) or per year (periodiek), excl. btw
    looptijden: tuple[int, ...]
    toelichting: str
    werk_categorie: str = ""
    verlenging: tuple[int, int] = (0, 0)
    mvoi: tuple[str, ...] = ()
    ambitie: str = ""
    gewicht: int = 1  # how often it comes up; the ones with a neighbourhood or street more often


S = Sjabloon
SJABLONEN = [
    # Sociaal domein
    S("Ambulante jeugdhulp {periode}", "sociale_dienst", "10.01", "KP0109", "zorg", "periodiek", (180_000, 900_000),
      (24, 36), "Specialistische ambulante jeugdhulp aan huis, aanvullend op de wijkteams.", verlenging=(2, 12),
      mvoi=("social_return", "diversiteit_inclusie"), ambitie="Werkplekken voor ervaringsdeskundigen.", gewicht=1),
    S("Pleegzorg en gezinshuizen regio Twente", "sociale_dienst", "10.01", "KP0109", "zorg", "periodiek",
      (250_000, 700_000), (36,), "Regionale inkoop samen met de Twentse gemeenten.", verlenging=(1, 24)),
    S("Wmo-begeleiding individueel en groep {periode}", "sociale_dienst", "10.02", "KP0124", "zorg", "periodiek",
      (300_000, 1_200_000), (36, 48), "Begeleiding thuis en dagbesteding voor inwoners met een Wmo-indicatie.",
      mvoi=("social_return",), gewicht=1),
    S("Huishoudelijke ondersteuning Wmo", "sociale_dienst", "10.03", "KP0124", "zorg", "periodiek",
      (400_000, 1_500_000), (36,), "Schoonmaakondersteuning voor inwoners die dat zelf niet kunnen.",
      verlenging=(2, 12), mvoi=("social_return",), ambitie="Vaste hulpen, eerlijke arbeidsvoorwaarden."),
    S("Wmo-hulpmiddelen: rolstoelen en scootmobielen", "levering", "10.04", "KP0124", "overig", "periodiek",
      (120_000, 450_000), (48,), "Verstrekking, onderhoud en herverstrekking van hulpmiddelen.",
      mvoi=("circulair",), ambitie="Hergebruik van hulpmiddelen; onderhoud dichtbij."),
    S("Leerlingenvervoer {periode}", "dienst", "10.05", "KP0153", "vervoer", "periodiek", (600_000, 1_400_000),
      (24,), "Aangepast vervoer van leerlingen naar speciaal onderwijs.", verlenging=(2, 12),
      mvoi=("klimaat", "social_return"), ambitie="Emissievrije taxibusjes vanaf 2026.", gewicht=1),
    S("Beschermd wonen en begeleid thuis regio Twente", "sociale_dienst", "10.06", "KP0191", "zorg", "periodiek",
      (500_000, 2_000_000), (48,), "Regionale opdracht voor beschermd wonen.", gewicht=1),
    S("Re-integratietrajecten statushouders", "sociale_dienst", "10.07", "KP0127", "zorg", "totaal",
      (60_000, 240_000), (12, 24), "Taal en werk voor statushouders, met een leerwerkplek.",
      mvoi=("diversiteit_inclusie", "social_return")),
    S("Schuldhulpverlening: budgetcursussen", "dienst", "05.03", "KP0138", "overig", "totaal", (30_000, 90_000),
      (12, 24), "Cursussen voor inwoners met geldzorgen."),
    S("Gezondheidsmonitor jongeren", "dienst", "05.03", "KP0162", "overig", "totaal", (35_000, 80_000), (12,),
      "Onderzoek naar leefstijl en welzijn van jongeren, samen met de GGD."),
    S("Inhuur wijkcoaches", "dienst", "04.01", "KP0179", "overig", "totaal", (60_000, 220_000), (6, 12),
      "Tijdelijke versterking van de wijkteams."),
    # Fysiek domein
    S("Groot onderhoud asfalt {straat}", "werk", "08.01", "KP0208", "bouw", "totaal", (180_000, 1_400_000),
      (6, 9), "Vervangen van de deklaag en herstel van de fundering.", werk_categorie="gww",
      mvoi=("klimaat", "circulair"), ambitie="Asfalt met hergebruikt granulaat; emissieloos materieel.", gewicht=3),
    S("Herinrichting {straat}", "werk", "08.01", "KP0208", "bouw", "totaal", (450_000, 2_800_000), (9, 12),
      "Herinrichting met vrijliggend fietspad en groen.", werk_categorie="gww",
      mvoi=("klimaat", "milieu"), ambitie="Klimaatadaptief: wadi's en meer bomen.", gewicht=2),
    S("Onderhoud fietspaden {wijk}", "werk", "08.01", "KP0208", "bouw", "totaal", (60_000, 350_000), (4, 6),
      "Rood asfalt vervangen en randen herstellen.", werk_categorie="gww", mvoi=("circulair",), gewicht=2),
    S("Gladheidsbestrijding: strooizout", "levering", "08.01", "KP0208", "overig", "periodiek", (90_000, 180_000),
      (24,), "Levering van strooizout voor de winterdienst.", verlenging=(2, 12)),
    S("Maaien van bermen en watergangen {wijk}", "werk", "08.02", "KP0216", "milieu", "periodiek",
      (40_000, 160_000), (24, 36), "Ecologisch maaibeheer.", werk_categorie="cultuurtechnisch",
      mvoi=("milieu",), ambitie="Gefaseerd maaien voor biodiversiteit."),
    S("Bomenonderhoud en boomveiligheidscontrole", "dienst", "08.02", "KP0216", "milieu", "periodiek",
      (80_000, 260_000), (24, 36), "Snoei, VTA-controle en het vervangen van zieke bomen.", verlenging=(1, 12),
      mvoi=("milieu",)),
    S("Vervanging openbare verlichting door LED, {wijk}", "werk", "08.03", "KP0231", "bouw", "totaal",
      (120_000, 900_000), (6, 12), "Armaturen vervangen door LED met dimprofiel.", werk_categorie="gww",
      mvoi=("klimaat", "circulair"), ambitie="Terugname van oude armaturen; minder energie."),
    S("Rioolrenovatie {wijk}", "werk", "08.04", "KP0241", "bouw", "totaal", (250_000, 2_400_000), (6, 12),
      "Relining en vervanging van hoofdriolen.", werk_categorie="gww", mvoi=("klimaat",), gewicht=2),
    S("Inzameling grof huishoudelijk afval", "dienst", "08.05", "KP0256", "milieu", "periodiek",
      (150_000, 420_000), (36,), "Ophalen op afspraak en het milieupark.", verlenging=(2, 12),
      mvoi=("circulair", "social_return")),
    S("Verwerking gft-afval", "dienst", "08.05", "KP0256", "milieu", "periodiek", (300_000, 800_000), (48,),
      "Vergisting en compostering van gft.", mvoi=("circulair", "klimaat"), gewicht=1),
    S("Stedenbouwkundig advies {wijk}", "dienst", "05.03", "KP0266", "overig", "totaal", (30_000, 140_000),
      (6, 12), "Visie en schetsontwerp voor de gebiedsontwikkeling."),
    S("Verkoop bouwkavels {wijk}", "verkoop_grond", None, "KP0266", "overig", "totaal", (150_000, 900_000),
      (1,), "Uitgifte van vrije kavels voor particulieren.", gewicht=1),
    S("Fietsparkeervoorzieningen stationsomgeving", "levering", "08.01", "KP0279", "overig", "totaal",
      (60_000, 300_000), (3,), "Dubbellaagse fietsenrekken en een bewaakte stalling.", mvoi=("circulair",)),
    S("Verkeerstellingen en mobiliteitsonderzoek", "dienst", "05.03", "KP0279", "overig", "totaal",
      (30_000, 95_000), (12,), "Tellingen voor het mobiliteitsplan."),
    S("Vergunningensysteem Omgevingswet", "dienst", "03.01", "KP0286", "ict", "periodiek", (60_000, 180_000),
      (48,), "Zaaksysteem voor vergunningen, aangesloten op het Omgevingsloket.", verlenging=(2, 12)),
    # Dienstverlening, Financiën en Bestuur
    S("Dakonderhoud gemeentelijk vastgoed", "werk", "07.02", "KP0301", "bouw", "totaal", (80_000, 600_000),
      (6,), "Dakbedekking vervangen en isoleren bij vijf panden.", werk_categorie="bouw",
      mvoi=("klimaat", "circulair")),
    S("Nieuwbouw gymzaal {wijk}", "werk", "07.01", "KP0301", "bouw", "totaal", (1_800_000, 4_200_000), (14,),
      "Nieuwbouw van een gymzaal bij de basisschool, energieneutraal.", werk_categorie="bouw",
      mvoi=("klimaat", "circulair", "social_return"), ambitie="Energieneutraal en circulair ontwerp.", gewicht=1),
    S("Onderhoud installaties stadskantoor", "dienst", "07.03", "KP0301", "bouw", "periodiek", (70_000, 200_000),
      (36,), "Preventief en correctief onderhoud van klimaat- en liftinstallaties.", verlenging=(1, 12)),
    S("Vervanging laptops medewerkers", "levering", "03.02", "KP0315", "ict", "totaal", (150_000, 650_000), (1,),
      "Levering van laptops met docking stations.", mvoi=("circulair", "ketenverantwoordelijkheid"),
      ambitie="Refurbished waar mogelijk; ISV-voorwaarden.", gewicht=1),
    S("Netwerkbeheer en werkplekondersteuning", "dienst", "03.04", "KP0315", "ict", "periodiek",
      (250_000, 700_000), (36,), "Beheer van netwerk, servers en de servicedesk.", verlenging=(2, 12),
      mvoi=("social_return",)),
    S("Mobiele telefonie en data", "dienst", "03.03", "KP0315", "ict", "periodiek", (90_000, 220_000), (24,),
      "Abonnementen voor mobiele telefonie.", verlenging=(2, 12), mvoi=("ketenverantwoordelijkheid",)),
    S("Licenties kantoorsoftware", "levering", "03.01", "KP0315", "ict", "periodiek", (120_000, 380_000), (36,),
      "Verlenging van de licenties voor kantoorsoftware."),
    S("Accountantscontrole jaarrekening", "dienst", "05.04", "KP0327", "overig", "periodiek", (110_000, 220_000),
      (36,), "Controle van de jaarrekening en de rechtmatigheidsverantwoording.", verlenging=(1, 12)),
    S("Reisdocumenten: balie-apparatuur", "levering", "03.02", "KP0334", "ict", "totaal", (40_000, 120_000), (1,),
      "Vingerafdrukscanners en pasfotozuilen voor de publieksbalie."),
    S("Drukwerk verkiezingen", "levering", "02.03", "KP0334", "overig", "totaal", (30_000, 90_000), (2,),
      "Stempassen, kandidatenlijsten en handboeken.", mvoi=("milieu",)),
    S("Uitzendkrachten publiekszaken", "dienst", "04.03", "KP0334", "overig", "totaal", (50_000, 250_000), (12,),
      "Piekbezetting aan de balie.", mvoi=("diversiteit_inclusie",)),
    S("Renovatie kunstgrasvelden sportpark {wijk}", "werk", "08.02", "KP0344", "bouw", "totaal",
      (250_000, 900_000), (3,), "Vervanging van toplaag en infill.", werk_categorie="cultuurtechnisch",
      mvoi=("circulair", "milieu"), ambitie="Infill zonder rubbergranulaat; recycling van de oude mat."),
    S("Programmering en techniek buitenevenementen", "dienst", None, "KP0353", "overig", "totaal",
      (40_000, 160_000), (12,), "Podium, licht en geluid voor de zomerevenementen."),
    S("Werving en selectie leidinggevenden", "dienst", "01.03", "KP0358", "overig", "totaal", (30_000, 90_000),
      (12,), "Werving voor vier leidinggevende functies.", mvoi=("diversiteit_inclusie",)),
    S("Leiderschapsprogramma", "dienst", "01.01", "KP0358", "overig", "totaal", (40_000, 150_000), (18,),
      "Opleiding voor leidinggevenden.", mvoi=("diversiteit_inclusie",)),
    S("Arbodienstverlening", "dienst", "01.02", "KP0358", "zorg", "periodiek", (80_000, 180_000), (36,),
      "Bedrijfsarts, casemanagement en preventie.", verlenging=(1, 12)),
    S("Schoonmaak gemeentelijke gebouwen", "dienst", "07.04", "KP0363", "overig", "periodiek",
      (400_000, 900_000), (36,), "Dagelijkse schoonmaak en glasbewassing.", verlenging=(2, 12),
      mvoi=("social_return", "milieu"), ambitie="Schoonmaak overdag; mensen met afstand tot de arbeidsmarkt.",
      gewicht=1),
    S("Kantoormeubilair flexwerkplekken", "levering", "02.02", "KP0363", "overig", "totaal", (80_000, 400_000),
      (2,), "Bureaus en stoelen voor het nieuwe werken.", mvoi=("circulair",),
      ambitie="Circulair meubilair met terugnamegarantie."),
    S("Elektriciteit en gas", "levering", "07.05", "KP0363", "overig", "periodiek", (900_000, 2_500_000), (36,),
      "Energie voor gebouwen en openbare verlichting (Europese aanbesteding).", mvoi=("klimaat",), gewicht=1),
    S("Lease elektrische dienstauto's", "levering", "06.01", "KP0363", "vervoer", "periodiek",
      (60_000, 160_000), (48,), "Operational lease van deelauto's voor medewerkers.", mvoi=("klimaat",)),
    S("Inhuur projectleiders huisvesting", "dienst", "04.01", "KP0363", "overig", "totaal", (60_000, 240_000),
      (6, 12), "Tijdelijke projectleiding voor de verbouwing van het stadskantoor."),
    # Concernstaf
    S("Cameratoezicht binnenstad", "dienst", "09.01", "KP0401", "beveiliging", "periodiek", (90_000, 260_000),
      (48,), "Beheer en uitlezen van camera's in het uitgaansgebied."),
    S("Beveiliging stadhuis en stadskantoor", "dienst", "09.01", "KP0401", "beveiliging", "periodiek",
      (150_000, 380_000), (36,), "Receptiebeveiliging en alarmopvolging.", verlenging=(1, 12),
      mvoi=("social_return",)),
    S("Ondersteuning handhaving evenementen", "dienst", "09.03", "KP0401", "openbare_orde", "totaal",
      (40_000, 140_000), (12,), "Inzet van gecertificeerde beveiligers bij evenementen."),
    S("Brandveiligheidsinspecties", "dienst", "09.02", "KP0401", "beveiliging", "totaal", (30_000, 90_000),
      (12,), "Periodieke inspecties van gemeentelijke gebouwen."),
    S("Organisatieadvies ambtelijke organisatie", "dienst", "05.02", "KP0379", "overig", "totaal",
      (40_000, 180_000), (6,), "Onderzoek naar de inrichting van de concernstaf."),
    S("Raadsinformatiesysteem", "dienst", "03.01", "KP0392", "ict", "periodiek", (30_000, 70_000), (48,),
      "Systeem voor vergaderstukken en raadsinformatie."),
    S("Campagne afvalscheiding", "dienst", "05.03", "KP0415", "overig", "totaal", (30_000, 120_000), (12,),
      "Campagne om restafval te verminderen.", mvoi=("circulair",)),
    # More work in the neighbourhoods (the names vary, so no two meldingen read the same).
    S("Onderhoud speelvoorzieningen {wijk}", "werk", "08.02", "KP0216", "overig", "totaal", (40_000, 160_000),
      (3, 6), "Vervanging van speeltoestellen en valondergrond.", werk_categorie="cultuurtechnisch",
      mvoi=("circulair", "diversiteit_inclusie"), ambitie="Inclusieve speelplekken; gerecyclede materialen.",
      gewicht=3),
    S("Baggeren vijvers en watergangen {wijk}", "werk", "08.04", "KP0241", "milieu", "totaal", (60_000, 300_000),
      (3,), "Baggeren en verwerken van licht verontreinigde bagger.", werk_categorie="gww", mvoi=("milieu",),
      gewicht=2),
    S("Afkoppelen regenwater {wijk}", "werk", "08.04", "KP0241", "bouw", "totaal", (200_000, 1_600_000), (6, 9),
      "Klimaatadaptatie: regenwater apart afvoeren en infiltreren.", werk_categorie="gww",
      mvoi=("klimaat", "milieu"), gewicht=3),
    S("Sloop en asbestsanering voormalige school {wijk}", "werk", "07.01", "KP0301", "milieu", "totaal",
      (120_000, 700_000), (3,), "Sloop met asbestsanering; vrijkomend materiaal hergebruiken.",
      werk_categorie="bouw", mvoi=("circulair",), ambitie="Minimaal 90% hergebruik van sloopmateriaal.",
      gewicht=2),
    S("Verduurzaming wijkcentrum {wijk}", "werk", "07.02", "KP0301", "bouw", "totaal", (150_000, 800_000), (6,),
      "Isolatie, warmtepomp en zonnepanelen.", werk_categorie="bouw", mvoi=("klimaat",), gewicht=3),
    S("Herinrichting schoolplein {wijk}", "werk", "08.02", "KP0153", "overig", "totaal", (60_000, 250_000), (4,),
      "Groen schoolplein samen met leerlingen en buurt.", werk_categorie="cultuurtechnisch",
      mvoi=("milieu", "klimaat"), gewicht=3),
    S("Jongerenwerk {wijk}", "sociale_dienst", "10.02", "KP0179", "zorg", "periodiek", (60_000, 220_000), (24,),
      "Ambulant jongerenwerk en inloop in het wijkcentrum.", verlenging=(1, 12), mvoi=("diversiteit_inclusie",),
      gewicht=3),
    S("Ondersteuning mantelzorgers {periode}", "sociale_dienst", "10.02", "KP0124", "zorg", "periodiek",
      (80_000, 260_000), (36,), "Informatie, respijtzorg en mantelzorgwaardering.", gewicht=1),
]

# Budget holders of the other departments (generated; they have no login, their department's
# colleagues see their meldingen). The demo user `budgethouder` is afdeling Wegen.
BUDGETHOUDERS = {
    "Jeugd": ("bh.elamrani", "Fatima", "El Amrani"), "Wmo": ("bh.nijhuis", "Jeroen", "Nijhuis"),
    "Participatie": ("bh.yilmaz", "Mehmet", "Yilmaz"), "Inkomen": ("bh.kamphuis", "Henk", "Kamphuis"),
    "Onderwijs": ("bh.terhorst", "Lotte", "ter Horst"), "Gezondheid": ("bh.brinkhuis", "Anouk", "Brinkhuis"),
    "Wijkteams": ("bh.wolters", "Peter", "Wolters"), "Beschermd wonen": ("bh.scholten", "Ingrid", "Scholten"),
    "Wegen": ("bh.lammerink", "Joost", "Lammerink"), "Groen": ("bh.veldhuis", "Esther", "Veldhuis"),
    "Verlichting": ("bh.hofstede", "Ruud", "Hofstede"), "Riolering": ("bh.oudevrielink", "Sanne", "Oude Vrielink"),
    "Afval": ("bh.bosch", "Martijn", "Bosch"), "Ruimtelijke ontwikkeling": ("bh.dekker", "Eline", "Dekker"),
    "Mobiliteit": ("bh.nijenhuis", "Bart", "Nijenhuis"), "Vergunningen": ("bh.schutte", "Karin", "Schutte"),
    "Vastgoed": ("bh.hulshof", "Gerard", "Hulshof"), "ICT": ("bh.pinto", "Ricardo", "Pinto"),
    "Financien": ("bh.wiggers", "Marloes", "Wiggers"), "Publiekszaken": ("bh.bakker", "Naima", "Bakker"),
    "Sport": ("bh.eshuis", "Rik", "Eshuis"), "Cultuur": ("bh.stegeman", "Judith", "Stegeman"),
    "HRM": ("bh.koster", "Linda", "Koster"), "Facilitair": ("bh.olthof", "Wim", "Olthof"),
    "Bestuursondersteuning": ("bh.vanderveen", "Hanneke", "van der Veen"), "Griffie": ("bh.smit", "Ellen", "Smit"),
    "Veiligheid": ("bh.mensink", "Erik", "Mensink"), "Communicatie": ("bh.jansen", "Sophie", "Jansen"),
}
# The afdeling of each kostenplaats of the Enschede ledger (kostenplaatsen.csv), for when the
# ledger has not been imported (then the meldingen have no kostenplaats, but do have an afdeling).
AFDELING_VAN = {
    "KP0109": "Jeugd", "KP0124": "Wmo", "KP0127": "Participatie", "KP0138": "Inkomen", "KP0153": "Onderwijs",
    "KP0162": "Gezondheid", "KP0179": "Wijkteams", "KP0191": "Beschermd wonen", "KP0208": "Wegen",
    "KP0216": "Groen", "KP0231": "Verlichting", "KP0241": "Riolering", "KP0256": "Afval",
    "KP0266": "Ruimtelijke ontwikkeling", "KP0279": "Mobiliteit", "KP0286": "Vergunningen", "KP0301": "Vastgoed",
    "KP0315": "ICT", "KP0327": "Financien", "KP0334": "Publiekszaken", "KP0344": "Sport", "KP0353": "Cultuur",
    "KP0358": "HRM", "KP0363": "Facilitair", "KP0379": "Bestuursondersteuning", "KP0392": "Griffie",
    "KP0401": "Veiligheid", "KP0415": "Communicatie",
}
INKOPERS = [("ink.dijkstra", "Marieke", "Dijkstra"), ("ink.hendriks", "Tom", "Hendriks")]
VRAGEN = [
    ("Is er al een programma van eisen? Wilt u dat als bijlage toevoegen?", "Ja, ik voeg het concept toe; de "
     "definitieve versie volgt volgende week."),
    ("Loopt er nog een contract voor deze dienst, en wanneer eindigt dat?", "Het huidige contract loopt tot 31 "
     "december en kan niet meer worden verlengd."),
    ("Is de waarde inclusief de verlengingen? Dan komen we boven de Europese drempel.", "Nee, exclusief. Ik heb "
     "het bedrag aangepast."),
    ("Zijn er lokale ondernemers die dit kunnen leveren?", "Ja, in elk geval twee bedrijven uit Enschede."),
]
STATUS_GEWICHTEN = {
    # Where the meldingen of each year are by now (the report is written in 2025).
    2023: [(Status.AFGEROND, 60), (Status.GEGUND, 8), (Status.TRAJECT_GESTART, 5),
           (Status.ADVIES_UITGEBRACHT, 14), (Status.INGETROKKEN, 8), (Status.VERVALLEN, 5)],
    2024: [(Status.AFGEROND, 38), (Status.GEGUND, 12), (Status.TRAJECT_GESTART, 18),
           (Status.ADVIES_UITGEBRACHT, 19), (Status.INGETROKKEN, 8), (Status.VERVALLEN, 5)],
}
KETEN = [Status.CONCEPT, Status.INGEDIEND, Status.IN_BEHANDELING, Status.ADVIES_UITGEBRACHT,
         Status.TRAJECT_GESTART, Status.GEGUND, Status.AFGEROND]
REDEN = {
    Status.INGETROKKEN: ["Het budget is bij de voorjaarsnota geschrapt.", "De inkoop is samengevoegd met een "
                         "regionale aanbesteding.", "Het project is uitgesteld tot volgend jaar."],
    Status.VERVALLEN: ["Geen reactie van de budgethouder op de vragen van Inkoop.", "Dubbele melding; zie de "
                       "eerdere melding van dezelfde afdeling.", "Valt onder een bestaand raamcontract."],
}


@dataclass
class Plan:
    """One demo melding, computed before anything is stored (so the random stream never depends on
    what already exists)."""

    sleutel: uuid.UUID
    velden: dict
    status: str
    overgangen: list = field(default_factory=list)  # (van, naar, op, door_sleutel, toelichting)
    vraag: tuple | None = None  # (tekst, gesteld_op, antwoord or "", beantwoord_op or None)
    nummer_jaar: int | None = None
    inkoper: str | None = None
    advies_op: datetime | None = None


def _sleutel(organisatie, naam: str) -> uuid.UUID:
    return uuid.uuid5(NAAMRUIMTE, f"{organisatie.slug}:{naam}")


def _werkdag(rnd: random.Random, jaar: int) -> date:
    while True:
        d = date(jaar, 1, 2) + timedelta(days=rnd.randrange(0, 362))
        if d.weekday() < 5:
            return d


def _moment(d: date, rnd: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(d, time(rnd.randint(8, 16), rnd.randrange(0, 60, 5))))


def _plus_werkdagen(moment: datetime, n: int, rnd: random.Random) -> datetime:
    d = moment
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d.replace(hour=rnd.randint(8, 16), minute=rnd.randrange(0, 60, 5))


def _rond(bedrag: float, stap: int) -> Decimal:
    return (Decimal(bedrag) / stap).quantize(Decimal(1), rounding=ROUND_HALF_UP) * stap


def _bedragen(s: Sjabloon, rnd: random.Random, *, klein: bool = False) -> dict:
    looptijd = rnd.choice(s.looptijden)
    aantal, per = s.verlenging if rnd.random() < 0.8 else (0, 0)
    lo, hi = s.waarde
    if klein:  # filed below € 25.000 over the whole term
        lo, hi = 12_000, 23_500
    # Log-uniform: many modest purchases, a few large ones.
    waarde = lo * (hi / lo) ** rnd.random()
    velden = {"prijsvorm": s.prijsvorm, "looptijd_maanden": looptijd, "verlengingen_aantal": aantal,
              "verlenging_maanden": per}
    if s.prijsvorm == "periodiek" and not klein:
        velden["waarde_per_jaar"] = _rond(waarde, 500)
    else:
        velden["prijsvorm"] = "totaal"
        velden["waarde_totaal"] = _rond(waarde, 100 if klein else 1000)
        if aantal and not klein:
            jaren = Decimal(aantal * per) / 12
            velden["waarde_opties"] = _rond(float(velden["waarde_totaal"] * jaren / max(Decimal(looptijd) / 12, 1) / 2),
                                            500)
    return velden


def _tekst(s: Sjabloon, jaar: int, rnd: random.Random) -> str:
    return s.omschrijving.format(periode=f"{jaar + 1}-{jaar + 4}", wijk=rnd.choice(WIJKEN), straat=rnd.choice(STRATEN))


def _velden(s: Sjabloon, rnd: random.Random, jaar: int, ingediend: datetime, *, klein=False,
            gebruikt: set | None = None) -> dict:
    omschrijving = _tekst(s, jaar, rnd)
    for _ in range(20):  # another street or neighbourhood when this one was already used this year
        if gebruikt is None or omschrijving not in gebruikt:
            break
        omschrijving = _tekst(s, jaar, rnd)
    if gebruikt is not None:
        gebruikt.add(omschrijving)
    velden = {
        "omschrijving": omschrijving,
        "toelichting": s.toelichting,
        "soort": s.soort,
        "pakket": s.pakket,
        "kostenplaats": s.kostenplaats,
        "branche": s.branche,
        "werk_categorie": s.werk_categorie,
        "serieuze_gegadigden": "meerdere" if s.soort == "verkoop_grond" else "",
        "regionale_markt_beschikbaar": rnd.random() < 0.8,
        "mvoi_themas": list(s.mvoi) if rnd.random() < 0.85 else [],
        "mvoi_ambities": s.ambitie,
        "gewenste_startdatum": (ingediend + timedelta(weeks=rnd.choice([3, 6, 8, 10, 12, 16, 20, 26]))).date(),
        **_bedragen(s, rnd, klein=klein),
    }
    if rnd.random() < 0.35:
        einde = velden["gewenste_startdatum"] - timedelta(days=1)
        velden["bestaand_contract"] = f"Huidig contract C-{jaar - 4}-{rnd.randint(10, 180):03d}"
        velden["bestaand_contract_einddatum"] = einde
    if rnd.random() < 0.05:
        velden["spoed"] = True
        velden["spoed_reden"] = "Het huidige contract eindigt eerder dan gepland; de dienstverlening mag niet stoppen."
    return velden


class Stapel:
    """Draw templates like cards from a shuffled deck (each `gewicht` times), so that every kind of
    purchase comes up about as often as its weight says, and not five times in a row by chance."""

    def __init__(self, rnd: random.Random):
        self.rnd, self.kaarten = rnd, []

    def trek(self, *, behalve=()) -> Sjabloon:
        while True:
            if not self.kaarten:
                self.kaarten = [s for s in SJABLONEN for _ in range(s.gewicht)]
                self.rnd.shuffle(self.kaarten)
            s = self.kaarten.pop()
            if s.soort not in behalve:
                return s


def _historie(rnd: random.Random, ingediend: datetime, eind: str, nu: datetime) -> tuple[list, datetime | None]:
    """The transitions from ingediend to `eind`, with moments; and the moment of the advice."""
    if eind in (Status.INGETROKKEN, Status.VERVALLEN):
        tot = rnd.choice([Status.INGEDIEND, Status.IN_BEHANDELING, Status.ADVIES_UITGEBRACHT])
    else:
        tot = eind
    stappen = KETEN[1: KETEN.index(tot) + 1]
    moment, uit, advies_op = ingediend, [], None
    vorige = Status.CONCEPT
    for stap in stappen:
        if stap == Status.IN_BEHANDELING:
            moment = _plus_werkdagen(moment, rnd.choice([0, 1, 1, 2, 3]), rnd)
        elif stap == Status.ADVIES_UITGEBRACHT:
            # Lead time melding -> advice: mostly within the ten working days, sometimes longer.
            moment = _plus_werkdagen(ingediend, rnd.choice([3, 4, 5, 6, 7, 8, 9, 10, 12, 15]), rnd)
            advies_op = moment
        elif stap == Status.TRAJECT_GESTART:
            moment += timedelta(days=rnd.randint(10, 60))
        elif stap == Status.GEGUND:
            moment += timedelta(days=rnd.randint(35, 150))
        elif stap == Status.AFGEROND:
            moment += timedelta(days=rnd.randint(7, 45))
        uit.append((vorige, stap, min(moment, nu - timedelta(hours=1))))
        vorige = stap
    if eind != tot:
        moment += timedelta(days=rnd.randint(3, 40))
        uit.append((vorige, eind, min(moment, nu - timedelta(hours=1))))
    return uit, advies_op


def _plannen(organisatie, nu: datetime) -> list[Plan]:
    plannen = []
    for jaar, aantal in AANTALLEN.items():
        rnd = random.Random(ZAAD * 10_000 + jaar)
        stapel = Stapel(rnd)
        gebruikt = set()
        soorten = ["teller"] * aantal + ["klein"] * KLEIN[jaar] + ["concept"] * CONCEPTEN[jaar]
        for i, soort in enumerate(soorten):
            # Didam has no threshold: a small sale of land would still count, so none of those.
            s = stapel.trek(behalve=("verkoop_grond",) if soort == "klein" else ())
            ingediend = _moment(_werkdag(rnd, jaar), rnd)
            velden = _velden(s, rnd, jaar, ingediend, klein=soort == "klein", gebruikt=gebruikt)
            velden["aangemaakt_op"] = ingediend - timedelta(days=rnd.randint(0, 6), hours=rnd.randint(0, 5))
            plan = Plan(_sleutel(organisatie, f"{jaar}-{i}"), velden, Status.CONCEPT)
            if soort == "concept":
                # Started, never filed; closed by the budget holder later.
                plan.status = Status.INGETROKKEN
                plan.overgangen = [(Status.CONCEPT, Status.INGETROKKEN,
                                    velden["aangemaakt_op"] + timedelta(days=rnd.randint(20, 60)), "budgethouder",
                                    "Concept niet ingediend: de inkoop gaat niet door.")]
                plannen.append(plan)
                continue
            plan.velden["ingediend_op"] = ingediend
            plan.nummer_jaar = jaar
            if soort == "klein":
                plan.status = Status.VERVALLEN
                plan.overgangen = [
                    (Status.CONCEPT, Status.INGEDIEND, ingediend, "budgethouder", ""),
                    (Status.INGEDIEND, Status.VERVALLEN, _plus_werkdagen(ingediend, 2, rnd), "inkoper",
                     "Geraamde waarde onder € 25.000: geen inkoopmelding nodig. De budgethouder vraagt zelf "
                     "offertes op.")]
                plannen.append(plan)
                continue
            eind = rnd.choices([s for s, _g in STATUS_GEWICHTEN[jaar]], weights=[g for _s, g in STATUS_GEWICHTEN[jaar]])[0]
            if velden["soort"] == "verkoop_grond" and eind in (Status.GEGUND,):
                eind = Status.AFGEROND
            stappen, plan.advies_op = _historie(rnd, ingediend, eind, nu)
            plan.status = eind
            plan.overgangen = [(van, naar, op, "budgethouder" if naar == Status.INGEDIEND else "inkoper",
                                rnd.choice(REDEN[naar]) if naar in REDEN else "") for van, naar, op in stappen]
            if any(naar == Status.IN_BEHANDELING for _v, naar, _o in stappen):
                plan.inkoper = rnd.choice(["inkoper", "inkoper", "ink.dijkstra", "ink.hendriks"])
            if plan.inkoper and rnd.random() < 0.15:
                vraag, antwoord = rnd.choice(VRAGEN)
                gesteld = _plus_werkdagen(ingediend, 1, rnd)
                plan.vraag = (vraag, gesteld, antwoord, _plus_werkdagen(gesteld, rnd.randint(1, 3), rnd))
            plannen.append(plan)
    plannen.extend(_lopend(organisatie, nu))
    return plannen


# The queue as it looks today: (key, template index, status, working days ago, who, extra)
LOPEND = [
    ("nieuw-1", 11, Status.INGEDIEND, 1, "budgethouder", {}),
    ("nieuw-2", 29, Status.INGEDIEND, 2, None, {}),
    ("nieuw-3", 5, Status.INGEDIEND, 3, None, {"spoed": True}),
    ("te-laat-1", 19, Status.INGEDIEND, 13, None, {}),
    ("te-laat-2", 40, Status.IN_BEHANDELING, 15, None, {"inkoper": "inkoper"}),
    ("behandeling-1", 13, Status.IN_BEHANDELING, 4, "budgethouder", {"inkoper": "inkoper", "vraag": 2}),
    ("behandeling-2", 2, Status.IN_BEHANDELING, 6, None, {"inkoper": "inkoper"}),
    ("behandeling-3", 46, Status.IN_BEHANDELING, 5, None, {"inkoper": "ink.dijkstra", "vraag": 0}),
    ("advies-1", 12, Status.ADVIES_UITGEBRACHT, 18, "budgethouder", {"inkoper": "inkoper"}),
    ("advies-2", 30, Status.ADVIES_UITGEBRACHT, 25, None, {"inkoper": "ink.hendriks"}),
    ("traject-1", 41, Status.TRAJECT_GESTART, 60, None, {"inkoper": "inkoper"}),
    ("concept-1", 14, Status.CONCEPT, 1, "budgethouder", {}),
    ("concept-2", 12, Status.CONCEPT, 0, "budgethouder", {"onvolledig": True}),
]


def _lopend(organisatie, nu: datetime) -> list[Plan]:
    rnd = random.Random(ZAAD)
    uit = []
    for sleutel, idx, status, geleden, wie, extra in LOPEND:
        s = SJABLONEN[idx]
        ingediend = nu
        over = geleden
        while over > 0:
            ingediend -= timedelta(days=1)
            if ingediend.weekday() < 5:
                over -= 1
        ingediend = ingediend.replace(hour=min(max(nu.hour - 1, 8), 16), minute=rnd.randrange(0, 60, 5))
        if ingediend > nu:
            ingediend = nu - timedelta(minutes=30)
        velden = _velden(s, rnd, nu.year, ingediend)
        velden["gewenste_startdatum"] = (nu + timedelta(weeks=rnd.choice([8, 12, 16, 24]))).date()
        velden["aangemaakt_op"] = ingediend - timedelta(hours=rnd.randint(1, 30))
        if extra.get("spoed"):
            velden["spoed"] = True
            velden["spoed_reden"] = "Het huidige contract eindigt over zes weken; het vervoer moet doorlopen."
        if extra.get("onvolledig"):
            for veld in ("waarde_totaal", "waarde_per_jaar", "waarde_opties", "gewenste_startdatum"):
                velden.pop(veld, None)
        velden["_wie"] = wie
        plan = Plan(_sleutel(organisatie, f"lopend-{sleutel}"), velden, status, inkoper=extra.get("inkoper"))
        if status != Status.CONCEPT:
            velden["ingediend_op"] = ingediend
            plan.nummer_jaar = timezone.localtime(nu).year
            stappen = [(Status.CONCEPT, Status.INGEDIEND, ingediend, "budgethouder", "")]
            if status != Status.INGEDIEND:
                stappen.append((Status.INGEDIEND, Status.IN_BEHANDELING, _plus_werkdagen(ingediend, 1, rnd)
                                if geleden > 1 else ingediend + timedelta(minutes=20), "inkoper", ""))
            if KETEN.index(status) >= KETEN.index(Status.ADVIES_UITGEBRACHT):
                plan.advies_op = _plus_werkdagen(ingediend, 6, rnd)
                stappen.append((Status.IN_BEHANDELING, Status.ADVIES_UITGEBRACHT, plan.advies_op, "inkoper", ""))
            if status == Status.TRAJECT_GESTART:
                stappen.append((Status.ADVIES_UITGEBRACHT, Status.TRAJECT_GESTART,
                                plan.advies_op + timedelta(days=14), "inkoper", ""))
            plan.overgangen = [(v, n, min(o, nu - timedelta(minutes=5)), d, t) for v, n, o, d, t in stappen]
            if "vraag" in extra:
                vraag, _antwoord = VRAGEN[extra["vraag"]]
                plan.vraag = (vraag, min(_plus_werkdagen(ingediend, 2, rnd), nu - timedelta(hours=2)), "", None)
        uit.append(plan)
    return uit


def _gebruiker(gebruikersnaam, voornaam, achternaam) -> Gebruiker:
    g, nieuw = Gebruiker.objects.get_or_create(
        username=gebruikersnaam,
        defaults={"first_name": voornaam, "last_name": achternaam, "email": f"{gebruikersnaam}@enschede.example"})
    if nieuw:
        g.set_unusable_password()
        g.save(update_fields=["password"])
    return g


def laad(organisatie, *, stdout):
    nu = timezone.now()
    plannen = _plannen(organisatie, nu)
    bestaand = set(Inkoopmelding.objects.filter(organisatie=organisatie, sleutel__in=[p.sleutel for p in plannen])
                   .values_list("sleutel", flat=True))
    te_maken = [p for p in plannen if p.sleutel not in bestaand]
    with transaction.atomic():
        if te_maken:
            _maak(organisatie, te_maken, nu)
        _aanvullen(organisatie, [p for p in plannen if p.sleutel in bestaand])
    from .selectors import aantal_meldingen

    stdout.write("Meldingen: " + ", ".join(
        f"{jaar}: {aantal_meldingen(organisatie=organisatie, jaar=jaar)} vanaf € 25.000" for jaar in AANTALLEN)
        + f" ({len(te_maken)} nieuw aangemaakt)")


def _maak(organisatie, plannen: list[Plan], nu: datetime):
    demo_bh = Gebruiker.objects.filter(username="budgethouder").first()
    demo_inkoper = Gebruiker.objects.filter(username="inkoper").first()
    gebruikers = {"inkoper": demo_inkoper}
    for naam, vn, an in INKOPERS:
        gebruikers[naam] = _gebruiker(naam, vn, an)
    per_afdeling = {afd: _gebruiker(*gegevens) for afd, gegevens in BUDGETHOUDERS.items()}
    kostenplaatsen = {k.code: k for k in Kostenplaats.objects.filter(organisatie=organisatie)}
    pakketten = {p.code: p for p in Inkooppakket.objects.filter(organisatie=organisatie)}
    reserve = sorted(kostenplaatsen.values(), key=lambda k: k.code)

    # Numbers per year in the order of filing; continue after existing numbers (a rerun or real use).
    from .services import _volgend_nummer

    volgnummers = {}
    for jaar in sorted({p.nummer_jaar for p in plannen if p.nummer_jaar}):
        laatste = _volgend_nummer(organisatie, jaar)
        volgnummers[jaar] = int(laatste.split("-")[1])
    plannen = sorted(plannen, key=lambda p: (p.velden.get("ingediend_op") or p.velden["aangemaakt_op"]))

    rnd = random.Random(ZAAD + 1)
    meldingen = []
    for p in plannen:
        v = dict(p.velden)
        code = v.pop("kostenplaats")
        kp = kostenplaatsen.get(code) or (reserve[rnd.randrange(len(reserve))] if reserve else None)
        pakket = pakketten.get(v.pop("pakket") or "")
        wie = v.pop("_wie", None)
        afdeling = kp.omschrijving if kp else AFDELING_VAN.get(code, "Facilitair")
        if wie == "budgethouder" and demo_bh is not None:
            bh, afdeling = demo_bh, "Wegen"
        elif afdeling == "Wegen" and demo_bh is not None and rnd.random() < 0.65:
            bh = demo_bh
        else:
            bh = per_afdeling.get(afdeling) or demo_bh or next(iter(per_afdeling.values()))
        m = Inkoopmelding(organisatie=organisatie, sleutel=p.sleutel, kostenplaats=kp, inkooppakket=pakket,
                          afdeling=afdeling, budgethouder=bh, aangemaakt_door=bh, gewijzigd_door=bh,
                          status=p.status, inkoper=gebruikers.get(p.inkoper) if p.inkoper else None, **v)
        if p.nummer_jaar:
            m.nummer = f"{p.nummer_jaar}-{volgnummers[p.nummer_jaar]:04d}"
            volgnummers[p.nummer_jaar] += 1
        laatste = p.overgangen[-1][2] if p.overgangen else m.aangemaakt_op
        m.gewijzigd_op = min(laatste, nu)
        m.raming_bijwerken()
        meldingen.append(m)
    Inkoopmelding.objects.bulk_create(meldingen, batch_size=500)
    # SQLite and PostgreSQL both return primary keys from bulk_create (Django >= 4.x/5.x).

    wijzigingen, toewijzingen, vragen, notificaties = [], [], [], []
    for p, m in zip(plannen, meldingen, strict=True):
        wijzigingen.append(Statuswijziging(melding=m, van="", naar=Status.CONCEPT, door=m.budgethouder,
                                           op=m.aangemaakt_op))
        for van, naar, op, door, toelichting in p.overgangen:
            wie = m.budgethouder if door == "budgethouder" else (m.inkoper or demo_inkoper)
            if naar == Status.IN_BEHANDELING and m.inkoper:
                toelichting = f"Toegewezen aan {m.inkoper}."
                toewijzingen.append(Toewijzing(melding=m, inkoper=m.inkoper, door=m.inkoper,
                                               op=op - timedelta(seconds=1)))
            wijzigingen.append(Statuswijziging(melding=m, van=van, naar=naar, door=wie, op=op, toelichting=toelichting))
        if p.vraag:
            tekst, gesteld, antwoord, beantwoord = p.vraag
            vragen.append(Vraag(melding=m, tekst=tekst, gesteld_door=m.inkoper or demo_inkoper, gesteld_op=gesteld,
                                antwoord=antwoord, beantwoord_door=m.budgethouder if antwoord else None,
                                beantwoord_op=beantwoord))
            if not antwoord:
                notificaties.append(Notificatie(
                    organisatie=organisatie, ontvanger=m.budgethouder, url=f"/meldingen/{m.pk}/#vragen",
                    onderwerp=f"Vraag van Inkoop over melding {m.nummer}"[:200], tekst=tekst, gemaild_op=gesteld))
        if m.status == Status.INGEDIEND and m.inkoper is None and demo_inkoper and m.ingediend_op.year == nu.year:
            notificaties.append(Notificatie(
                organisatie=organisatie, ontvanger=demo_inkoper, url=f"/meldingen/{m.pk}/",
                onderwerp=f"Nieuwe inkoopmelding {m.nummer}: {m.omschrijving}"[:200], gemaild_op=m.ingediend_op))
    Statuswijziging.objects.bulk_create(wijzigingen, batch_size=1000)
    Toewijzing.objects.bulk_create(toewijzingen, batch_size=1000)
    Vraag.objects.bulk_create(vragen)
    Notificatie.objects.bulk_create(notificaties)
    _adviezen(plannen, meldingen, demo_inkoper)


def _aanvullen(organisatie, plannen: list[Plan]):
    """Meldingen made before the ledger was imported get its kostenplaats and pakket now."""
    kostenplaatsen = {k.code: k.pk for k in Kostenplaats.objects.filter(organisatie=organisatie)}
    pakketten = {p.code: p.pk for p in Inkooppakket.objects.filter(organisatie=organisatie)}
    if not kostenplaatsen and not pakketten:
        return
    leeg = set(Inkoopmelding.objects.filter(organisatie=organisatie, sleutel__in=[p.sleutel for p in plannen],
                                            kostenplaats__isnull=True).values_list("sleutel", flat=True))
    for p in plannen:
        if p.sleutel in leeg:
            Inkoopmelding.objects.filter(organisatie=organisatie, sleutel=p.sleutel).update(
                kostenplaats_id=kostenplaatsen.get(p.velden["kostenplaats"]),
                inkooppakket_id=pakketten.get(p.velden["pakket"] or ""))


def _adviezen(plannen, meldingen, demo_inkoper):
    """An issued advice for every melding that got one; a draft for the ones Inkoop is working on."""
    from adviezen.models import Advies
    from adviezen.services import concept_advies_maken_uitvoeren, uitgebracht_advies_verzekeren

    for p, m in zip(plannen, meldingen, strict=True):
        if p.advies_op is not None:
            advies = uitgebracht_advies_verzekeren(melding=m, door=m.inkoper or demo_inkoper)
            if advies is not None:
                # The advice was issued back then, not today: the yearly report measures the lead
                # time from melding to advice. (A queryset update: an issued advice is immutable
                # through its model, and this is history, not a change of its content.)
                Advies.objects.filter(pk=advies.pk).update(uitgebracht_op=p.advies_op)
        elif m.status in (Status.INGEDIEND, Status.IN_BEHANDELING):
            concept_advies_maken_uitvoeren(melding_id=m.pk)
