"""Per rule id: a short title, the source and whether it is law or policy (docs/adviesregels.md).

Used by the advice page and the letter to explain each line of the motivering; pure data.
"""

# AANNAME: a working rule of the afdeling Inkoop that no adopted policy lays down; the pages and
# the letter say whose rule it is (adviezen.selectors.advies_weergave), never present it as sourced.
WET, BELEID, AANNAME = "wet", "beleid", "aanname"

REGELS: dict[str, tuple[str, str, str]] = {
    "L-00": ("EU-drempels 2022-2023", "Richtlijn 2014/24/EU art. 4; Gedelegeerde Verordening (EU) 2021/1952", WET),
    "L-01": ("EU-drempels 2024-2025", "Richtlijn 2014/24/EU art. 4; Gedelegeerde Verordening (EU) 2023/2495", WET),
    "L-02": ("EU-drempels 2026-2027", "Richtlijn 2014/24/EU art. 4; Gedelegeerde Verordening (EU) 2025/2152", WET),
    "L-03": ("Drempel sociale en andere specifieke diensten", "Richtlijn 2014/24/EU art. 4 sub d, bijlage XIV", WET),
    "L-05": ("Vanaf de drempel Europees", "Aanbestedingswet 2012 deel 2; Richtlijn 2014/24/EU art. 4", WET),
    "L-06": ("Peildatum van de raming", "Aanbestedingswet 2012 art. 2.15", WET),
    "L-07": ("Geen drempels, geen advies", "Aanbestedingswet 2012 art. 2.1; drempels per periode", WET),
    "L-20": ("Raming: totale waarde met opties", "Aanbestedingswet 2012 art. 2.13-2.15; Richtlijn 2014/24/EU art. 5 lid 1", WET),
    "L-22": ("Raming: diensten zonder totaalprijs", "Aanbestedingswet 2012 art. 2.17; Richtlijn 2014/24/EU art. 5 lid 14", WET),
    "L-23": ("Raming: huur, lease en huurkoop", "Aanbestedingswet 2012 art. 2.20; Richtlijn 2014/24/EU art. 5 lid 13", WET),
    "L-24": ("Raming: percelen optellen", "Aanbestedingswet 2012 art. 2.18-2.19", WET),
    "L-25": ("Percelenregeling", "Aanbestedingswet 2012 art. 2.19; Richtlijn 2014/24/EU art. 5 lid 10", WET),
    "L-26": ("Niet splitsen, niet onnodig clusteren", "Aanbestedingswet 2012 art. 1.5 en 2.14", WET),
    "L-30": ("Verlicht regime sociale diensten", "Aanbestedingswet 2012 art. 2.38-2.39; Richtlijn 2014/24/EU art. 74-76", WET),
    "L-40": ("Verkoop van vastgoed: Didam", "HR 26 november 2021 (Didam I); HR 15 november 2024 (Didam II)", WET),
    "L-41": ("Didam: één serieuze gegadigde", "HR 26 november 2021 (Didam I)", WET),
    "P-01": ("Inkoopmelding", "Inkoopbeleid gemeente Enschede; inkoopjaarverslag 2024", BELEID),
    "P-10": ("Bandbreedtes leveringen en diensten", "Twents inkoop- en aanbestedingsbeleid 2018", BELEID),
    "P-11": ("Bandbreedtes werken", "Twents inkoop- en aanbestedingsbeleid 2018; ARW 2016", BELEID),
    "P-12": ("Civiel- en cultuurtechnische werken", "werkwijze afgeleid uit het inkoopjaarverslag Enschede 2024", AANNAME),
    "P-20": ("Aantal uit te nodigen ondernemers", "Gids Proportionaliteit voorschrift 3.4B; ARW 2016", BELEID),
    "P-21": ("Lokale en regionale ondernemers", "Twents inkoopbeleid; inkoopjaarverslag Enschede 2024", BELEID),
    "P-30": ("Social return (SROI)", "Twents SROI-beleid 2017; convenant Social Return Oost-Nederland", BELEID),
    "P-40": ("Bibob-toets", "Wet Bibob; Beleidsregel Wet Bibob gemeente Enschede 2019", BELEID),
    "P-50": ("MVOI-thema's", "Manifest MVOI 2022-2025 (Stcrt. 2024, 806)", BELEID),
    "P-60": ("Tenderboard", "werkwijze afgeleid uit het inkoopjaarverslag Enschede 2024", AANNAME),
    "P-61": ("Gouden Aanbesteding", "werkwijze afgeleid uit het inkoopjaarverslag Enschede 2024", AANNAME),
}


def regel_titel(regel: str) -> str:
    return REGELS.get(regel, (regel, "", ""))[0]


def regel_bron(regel: str) -> str:
    return REGELS.get(regel, ("", "", ""))[1]
