"""A tiny ledger of another municipality: other region name, domains and categories.

Hand-computed figures (2024 total € 2.000,00; 2023 € 150,50) check that nothing about Enschede
is assumed and that rounding is half-up at the end (449,50 -> 450; 150,50 -> 151).
"""

from pathlib import Path

BESTANDEN = {
    "pakketten.csv": """pakketcode;pakketnaam;categoriecode;categorienaam
P1;Pakket een;C1;Categorie Een
P2;Pakket twee;C2;Categorie Twee
""",
    "kostenplaatsen.csv": """kostenplaats;omschrijving;domein
K1;Openbare ruimte;Ruimte
K2;Zorg;Mens
""",
    "regio.csv": """postcode_van;postcode_tot;regio
7000;7099;Lokaal
7100;7199;Regio Achterhoek
""",
    "crediteuren.csv": """crediteurnummer;naam;kvk_nummer;postcode;plaats;land;inkooppakket
1;Lokale Bouw BV;11111111;7011 AB;DOETINCHEM;NL;P1
2;Regionale Zorg BV;22222222;7150 XY;EIBERGEN;NL;P2
3;Verre Advies BV;33333333;1011 AA;AMSTERDAM;NL;
4;Buitenland GmbH;;48143;MUENSTER;DE;P1
5;Onbekende Leverancier;;;;;
6;Nul BV;66666666;7012 CD;DOETINCHEM;NL;P1
""",
    "facturen-2023.csv": """boekjaar;boekdatum;factuurnummer;crediteurnummer;kostenplaats;grootboekrekening;omschrijving;bedrag_excl_btw
2023;15-03-2023;F23-1;1;K1;4400;Onderhoud;100,00
2023;20-06-2023;F23-2;2;K2;4400;Zorg;50,50
""",
    "facturen-2024.csv": """boekjaar;boekdatum;factuurnummer;crediteurnummer;kostenplaats;grootboekrekening;omschrijving;bedrag_excl_btw
2024;10-01-2024;F24-1;1;K1;4400;Onderhoud;1000,25
2024;11-01-2024;F24-2;1;K2;4400;Onderhoud;0,25
2024;12-02-2024;F24-3;2;K2;4400;Zorg;500,00
2024;13-03-2024;F24-4;3;K1;4400;Advies;300,00
2024;14-04-2024;F24-5;4;K1;4400;Levering;99,50
2024;15-05-2024;F24-6;5;K2;4400;Onbekend;100,00
2024;16-06-2024;F24-7;6;K1;4400;Levering;10,00
2024;17-06-2024;F24-8;6;K1;4400;Creditnota;-10,00
""",
}


def schrijf(map_: Path) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    for naam, inhoud in BESTANDEN.items():
        (map_ / naam).write_text(inhoud, encoding="utf-8")
    return map_
