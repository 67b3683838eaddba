"""The 25 worked cases of advies-voorbeelden.json (public subset of the acceptance cases), one row each.

Copied from the shared specification so the tests need nothing outside the repository. Each row:
(id, input of `manage.py advies`, expected keys). Money in the expected values is compared as a
number: the command prints decimal strings ("221000.00").
"""

GEVALLEN = [
    # TC01 Levering 1 euro onder meldgrens: P-01: melding pas vanaf EUR 25.000 (Enschede). Onder grens: budgethouder koopt enkelvoudig in; SROI/Bibob niet van toepassing.
    ('TC01',
     {"soort": "levering", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_totaal": 24999, "looptijd_maanden": 12},
     {"melding_verplicht": False, "geraamde_waarde": 24999, "gerekende_maanden": 12, "eu_drempel": 221000, "procedure": "enkelvoudig_onderhands", "uit_te_nodigen_min": 1, "uit_te_nodigen_max": 1, "min_regionaal": 0, "europees": False, "sroi_verplicht": False, "sroi_percentage": None, "bibob": False}),
    # TC02 Levering exact op meldgrens: P-01: >= 25.000 -> inkoopmelding verplicht. P-10: L/D < 30.000 -> enkelvoudig onderhands (Twents beleid 2018).
    ('TC02',
     {"soort": "levering", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_totaal": 25000, "looptijd_maanden": 12},
     {"melding_verplicht": True, "geraamde_waarde": 25000, "gerekende_maanden": 12, "eu_drempel": 221000, "procedure": "enkelvoudig_onderhands", "uit_te_nodigen_min": 1, "uit_te_nodigen_max": 1, "min_regionaal": 0, "europees": False, "sroi_verplicht": False, "sroi_percentage": None, "bibob": False}),
    # TC04 Dienst exact op meervoudig-grens, regionale markt: P-10: vanaf EUR 30.000 meervoudig onderhands; P-20: 3-5 uitnodigen (Gids Proportionaliteit 3.4B); P-21: min. 2 lokaal/regionaal waar beschikbaar.
    ('TC04',
     {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_totaal": 30000, "looptijd_maanden": 12},
     {"melding_verplicht": True, "geraamde_waarde": 30000, "gerekende_maanden": 12, "eu_drempel": 221000, "procedure": "meervoudig_onderhands", "uit_te_nodigen_min": 3, "uit_te_nodigen_max": 5, "min_regionaal": 2, "europees": False, "sroi_verplicht": False, "sroi_percentage": None, "bibob": False}),
    # TC05 Dienst 30.000, geen regionale aanbieders: P-21: regionale eis alleen 'waar beschikbaar' -> min_regionaal 0; aantal 3-5 blijft.
    ('TC05',
     {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": False, "branche": "overig", "waarde_totaal": 30000, "looptijd_maanden": 12},
     {"melding_verplicht": True, "geraamde_waarde": 30000, "gerekende_maanden": 12, "eu_drempel": 221000, "procedure": "meervoudig_onderhands", "uit_te_nodigen_min": 3, "uit_te_nodigen_max": 5, "min_regionaal": 0, "europees": False, "sroi_verplicht": False, "sroi_percentage": None, "bibob": False}),
    # TC06 Verlengingsopties tillen dienst over 30.000: L-20 (Aw 2.13-2.14 / Richtlijn 2014/24 art. 5 lid 1): opties en verlengingen meetellen: 10.000/12 x 36 = 30.000 -> P-10 meervoudig (zonder optie 20.000 = enkelvoudig).
    ('TC06',
     {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "periodiek", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_per_jaar": 10000, "looptijd_maanden": 24, "opties_verlenging_maanden": 12},
     {"melding_verplicht": True, "geraamde_waarde": 30000, "gerekende_maanden": 36, "eu_drempel": 221000, "procedure": "meervoudig_onderhands", "uit_te_nodigen_min": 3, "uit_te_nodigen_max": 5, "min_regionaal": 2, "europees": False, "sroi_verplicht": False, "sroi_percentage": None, "bibob": False}),
    # TC08 Dienst exact op SROI-grens: P-30: 'vanaf 100.000' (Enschede/Hengelo/Almelo) -> SROI verplicht, standaard 5% van contractwaarde. NB inkoopjaarverslag zegt 'boven' 100.000: zie A3.
    ('TC08',
     {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_totaal": 100000, "looptijd_maanden": 24},
     {"melding_verplicht": True, "geraamde_waarde": 100000, "gerekende_maanden": 24, "eu_drempel": 221000, "procedure": "meervoudig_onderhands", "uit_te_nodigen_min": 3, "uit_te_nodigen_max": 5, "min_regionaal": 2, "europees": False, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC10 Dienst exact op EU-drempel 2024-2025: L-01/L-05: waarde 'gelijk aan of hoger dan' drempel -> Europese procedure (openbaar als standaard).
    ('TC10',
     {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_totaal": 221000, "looptijd_maanden": 36},
     {"melding_verplicht": True, "geraamde_waarde": 221000, "gerekende_maanden": 36, "eu_drempel": 221000, "procedure": "europees_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC12 Dienst exact op EU-drempel 2026-2027: L-02/L-05: >= 216.000 -> Europees.
    ('TC12',
     {"soort": "dienst", "datum": "2026-01-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_totaal": 216000, "looptijd_maanden": 36},
     {"melding_verplicht": True, "geraamde_waarde": 216000, "gerekende_maanden": 36, "eu_drempel": 216000, "procedure": "europees_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC14 Dienst 218.000 op 01-01-2026: L-02 + L-06: vanaf 1-1-2026 geldt 216.000 -> zelfde opdracht wordt Europees.
    ('TC14',
     {"soort": "dienst", "datum": "2026-01-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_totaal": 218000, "looptijd_maanden": 36},
     {"melding_verplicht": True, "geraamde_waarde": 218000, "gerekende_maanden": 36, "eu_drempel": 216000, "procedure": "europees_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC16 Dienst onbepaalde duur 60.000/jr: L-22 (Aw art. 2.17 diensten zonder totale prijs; Rl. 2014/24 art. 5 lid 14): onbepaalde duur -> maandbedrag x 48 = 240.000 -> Europees.
    ('TC16',
     {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "periodiek", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_per_jaar": 60000, "onbepaalde_looptijd": True},
     {"melding_verplicht": True, "geraamde_waarde": 240000, "gerekende_maanden": 48, "eu_drempel": 221000, "procedure": "europees_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC19 Levering (huur/lease) vaste looptijd 60 mnd: L-23 (Rl. 2014/24 art. 5 lid 13 sub a; Aw leveringen-artikel): vaste looptijd > 12 mnd -> totale waarde over volle looptijd = 225.000 >= 221.000 -> Europees (geen 48-mndcap voor leveringen met vaste looptijd).
    ('TC19',
     {"soort": "levering", "datum": "2025-06-01", "prijsvorm": "periodiek", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_per_jaar": 45000, "looptijd_maanden": 60},
     {"melding_verplicht": True, "geraamde_waarde": 225000, "gerekende_maanden": 60, "eu_drempel": 221000, "procedure": "europees_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC22 Werk 1 euro onder meervoudig-grens: P-11: werken tot EUR 50.000 enkelvoudig. P-40: branche bouw -> Bibob-toets (melding >= 25.000).
    ('TC22',
     {"soort": "werk", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "bouw", "waarde_totaal": 49999, "werk_categorie": "bouw"},
     {"melding_verplicht": True, "geraamde_waarde": 49999, "gerekende_maanden": None, "eu_drempel": 5538000, "procedure": "enkelvoudig_onderhands", "uit_te_nodigen_min": 1, "uit_te_nodigen_max": 1, "min_regionaal": 0, "europees": False, "sroi_verplicht": False, "sroi_percentage": None, "bibob": True}),
    # TC23 Werk exact 50.000: P-11: vanaf 50.000 meervoudig onderhands (ARW 2016 meervoudig onderhandse procedure), 3-5, min. 2 regionaal.
    ('TC23',
     {"soort": "werk", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "bouw", "waarde_totaal": 50000, "werk_categorie": "bouw"},
     {"melding_verplicht": True, "geraamde_waarde": 50000, "gerekende_maanden": None, "eu_drempel": 5538000, "procedure": "meervoudig_onderhands", "uit_te_nodigen_min": 3, "uit_te_nodigen_max": 5, "min_regionaal": 2, "europees": False, "sroi_verplicht": False, "sroi_percentage": None, "bibob": True}),
    # TC25 Werk bouw exact 1.500.000: P-11: vanaf 1.500.000 nationaal (openbaar of niet-openbaar, ARW 2016); geen uitnodigingen, geen regionale eis.
    ('TC25',
     {"soort": "werk", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "bouw", "waarde_totaal": 1500000, "werk_categorie": "bouw"},
     {"melding_verplicht": True, "geraamde_waarde": 1500000, "gerekende_maanden": None, "eu_drempel": 5538000, "procedure": "nationaal_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": False, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": True}),
    # TC26 Werk GWW exact 1.500.000: A1/P-12: GWW/cultuurtechnisch meervoudig tot < 3.000.000 met altijd 2 regionale ondernemers (afgeleid uit inkoopjaarverslag, niet geverifieerd).
    ('TC26',
     {"soort": "werk", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "bouw", "waarde_totaal": 1500000, "werk_categorie": "gww"},
     {"melding_verplicht": True, "geraamde_waarde": 1500000, "gerekende_maanden": None, "eu_drempel": 5538000, "procedure": "meervoudig_onderhands", "uit_te_nodigen_min": 3, "uit_te_nodigen_max": 5, "min_regionaal": 2, "europees": False, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": True}),
    # TC28 Werk GWW exact 3.000.000: A1: regel geldt 'onder' 3 mln -> op 3.000.000 nationaal.
    ('TC28',
     {"soort": "werk", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "bouw", "waarde_totaal": 3000000, "werk_categorie": "gww"},
     {"melding_verplicht": True, "geraamde_waarde": 3000000, "gerekende_maanden": None, "eu_drempel": 5538000, "procedure": "nationaal_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": False, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": True}),
    # TC31 Werk exact EU-drempel 2024-2025: L-01/L-05: >= 5.538.000 -> Europees.
    ('TC31',
     {"soort": "werk", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "bouw", "waarde_totaal": 5538000, "werk_categorie": "bouw"},
     {"melding_verplicht": True, "geraamde_waarde": 5538000, "gerekende_maanden": None, "eu_drempel": 5538000, "procedure": "europees_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": True}),
    # TC33 Werk 5,45 mln op 01-01-2026: L-02/L-06: 5.450.000 >= 5.404.000 -> Europees.
    ('TC33',
     {"soort": "werk", "datum": "2026-01-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "bouw", "waarde_totaal": 5450000, "werk_categorie": "bouw"},
     {"melding_verplicht": True, "geraamde_waarde": 5450000, "gerekende_maanden": None, "eu_drempel": 5404000, "procedure": "europees_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": True}),
    # TC36 Sociale dienst 1 euro onder 750.000: L-03/L-30: bijlage XIV-diensten drempel 750.000 (ongewijzigd); daaronder nationaal -> P-10 diensten-tabel (meervoudig). Algemene L/D-drempel 221.000 geldt NIET.
    ('TC36',
     {"soort": "sociale_dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "zorg", "waarde_totaal": 749999, "looptijd_maanden": 48},
     {"melding_verplicht": True, "geraamde_waarde": 749999, "gerekende_maanden": 48, "eu_drempel": 750000, "procedure": "meervoudig_onderhands", "uit_te_nodigen_min": 3, "uit_te_nodigen_max": 5, "min_regionaal": 2, "europees": False, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC37 Sociale dienst exact 750.000: L-03/L-30: >= 750.000 -> Europees verlicht regime (aankondiging/vooraankondiging + gunningsbekendmaking; procedure vrij binnen beginselen).
    ('TC37',
     {"soort": "sociale_dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "zorg", "waarde_totaal": 750000, "looptijd_maanden": 48},
     {"melding_verplicht": True, "geraamde_waarde": 750000, "gerekende_maanden": 48, "eu_drempel": 750000, "procedure": "europees_sociaal_verlicht", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC40 Verkoop grond, meerdere gegadigden: L-40 (HR 26-11-2021 Didam): gelijke kansen -> openbare selectieprocedure met objectieve, toetsbare, redelijke criteria en tijdige bekendmaking. Geen overheidsopdracht: geen Aw-procedure, geen SROI.
    ('TC40',
     {"soort": "verkoop_grond", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "vastgoed", "waarde_totaal": 850000, "serieuze_gegadigden": "meerdere"},
     {"melding_verplicht": None, "geraamde_waarde": 850000, "procedure": "didam_openbare_selectie", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "sroi_verplicht": False, "sroi_percentage": None, "bibob": False, "europees": False, "eu_drempel": None}),
    # TC41 Verkoop grond, één serieuze gegadigde: L-41: alleen als op voorhand op basis van objectieve, toetsbare, redelijke criteria vaststaat dat er één serieuze gegadigde is; voornemen + motivering tijdig publiceren.
    ('TC41',
     {"soort": "verkoop_grond", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "vastgoed", "waarde_totaal": 400000, "serieuze_gegadigden": "een"},
     {"melding_verplicht": None, "geraamde_waarde": 400000, "procedure": "didam_enige_serieuze_gegadigde", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "sroi_verplicht": False, "sroi_percentage": None, "bibob": False, "europees": False, "eu_drempel": None}),
    # TC43 Diensten in 3 percelen, samen boven drempel: L-24/L-25: waarde alle percelen optellen = 240.000 >= 221.000 -> Europees; percelenregeling: percelen < 80.000 mogen nationaal zolang samen <= 20% (48.000): perceel 3 (30.000) vrijgesteld -> P-10 meervoudig; perceel 2 (60.000) past er niet meer bij (90.000 > 48.000).
    ('TC43',
     {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "percelen": [150000, 60000, 30000], "looptijd_maanden": 24},
     {"melding_verplicht": True, "geraamde_waarde": 240000, "gerekende_maanden": None, "eu_drempel": 221000, "procedure": "europees_openbaar", "uit_te_nodigen_min": None, "uit_te_nodigen_max": None, "min_regionaal": 0, "europees": True, "percelen": [{"perceel": 1, "waarde": 150000, "procedure": "europees_openbaar", "vrijgesteld_percelenregeling": False}, {"perceel": 2, "waarde": 60000, "procedure": "europees_openbaar", "vrijgesteld_percelenregeling": False}, {"perceel": 3, "waarde": 30000, "procedure": "meervoudig_onderhands", "vrijgesteld_percelenregeling": True}], "sroi_verplicht": True, "sroi_percentage": 5, "bibob": False}),
    # TC46 Beveiliging 40.000: P-40: branche beveiliging/veiligheid -> Bibob-toets (aankondigen in uitvraag). Procedure meervoudig.
    ('TC46',
     {"soort": "dienst", "datum": "2025-06-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "beveiliging", "waarde_totaal": 40000, "looptijd_maanden": 12},
     {"melding_verplicht": True, "geraamde_waarde": 40000, "gerekende_maanden": 12, "eu_drempel": 221000, "procedure": "meervoudig_onderhands", "uit_te_nodigen_min": 3, "uit_te_nodigen_max": 5, "min_regionaal": 2, "europees": False, "sroi_verplicht": False, "sroi_percentage": None, "bibob": True}),
    # TC53 Datum na 2027 (drempels nog niet bekend): L-07: drempels 2028-2029 nog niet gepubliceerd -> engine moet fout/waarschuwing geven i.p.v. oude drempel te gebruiken.
    ('TC53',
     {"soort": "dienst", "datum": "2028-01-01", "prijsvorm": "totaal", "regionale_markt_beschikbaar": True, "branche": "overig", "waarde_totaal": 100000, "looptijd_maanden": 12},
     {"procedure": "fout_drempels_onbekend", "europees": None, "melding": "Geen EU-drempels geconfigureerd voor deze datum; beheerder moet drempels 2028-2029 invoeren."}),
]
