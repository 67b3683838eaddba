"""Property tests (hypothesis): invariants that must hold for every input, not just the examples."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from adviezen.engine import ZWAARTE, adviseer, feiten_uit_dict, standaardbeleid

BELEID = standaardbeleid()
bedragen = st.decimals(min_value=0, max_value=Decimal("20000000"), places=2, allow_nan=False, allow_infinity=False)
datums = st.dates(min_value=date(2022, 1, 1), max_value=date(2027, 12, 31))
soorten = st.sampled_from(["levering", "dienst", "werk", "sociale_dienst"])
categorieen = st.sampled_from([None, "bouw", "gww", "cultuurtechnisch"])


@st.composite
def feiten(draw, waarde=None):
    soort = draw(soorten)
    invoer = {"soort": soort, "datum": draw(datums).isoformat(),
              "regionale_markt_beschikbaar": draw(st.booleans()),
              "branche": draw(st.sampled_from(["overig", "bouw", "ict", "zorg", None]))}
    if soort == "werk" and (cat := draw(categorieen)):
        invoer["werk_categorie"] = cat
    vorm = draw(st.sampled_from(["totaal", "periodiek", "percelen"]))
    if vorm == "totaal":
        invoer.update(prijsvorm="totaal", waarde_totaal=str(waarde if waarde is not None else draw(bedragen)),
                      waarde_opties=str(draw(bedragen)) if draw(st.booleans()) else None)
    elif vorm == "periodiek":
        invoer.update(prijsvorm="periodiek", waarde_per_jaar=str(draw(bedragen)))
        if draw(st.booleans()):
            invoer["onbepaalde_looptijd"] = True
        else:
            invoer["looptijd_maanden"] = draw(st.integers(0, 240))
            invoer["opties_verlenging_maanden"] = draw(st.integers(0, 60))
    else:
        invoer["percelen"] = [str(p) for p in draw(st.lists(bedragen, min_size=1, max_size=6))]
    return {k: v for k, v in invoer.items() if v is not None}


@settings(max_examples=300, deadline=None)
@given(feiten())
def test_the_value_is_never_negative(invoer):
    uitkomst = adviseer(feiten_uit_dict(invoer), BELEID)
    assert uitkomst.geraamde_waarde >= 0
    assert all(p.waarde >= 0 for p in uitkomst.percelen or ())


@settings(max_examples=300, deadline=None)
@given(feiten(), bedragen)
def test_more_value_never_gives_a_lighter_procedure(invoer, extra):
    invoer = {**invoer, "prijsvorm": "totaal", "percelen": None}
    invoer.pop("percelen")
    laag = Decimal(invoer.get("waarde_totaal", "0"))
    invoer["waarde_totaal"] = str(laag)
    hoog = {**invoer, "waarde_totaal": str(laag + extra)}
    a = adviseer(feiten_uit_dict(invoer), BELEID)
    b = adviseer(feiten_uit_dict(hoog), BELEID)
    assert ZWAARTE[b.procedure] >= ZWAARTE[a.procedure], (a.procedure, b.procedure)
    assert b.sroi_verplicht >= a.sroi_verplicht
    assert b.melding_verplicht >= a.melding_verplicht


@settings(max_examples=300, deadline=None)
@given(feiten())
def test_reaching_the_eu_threshold_always_gives_a_european_procedure(invoer):
    uitkomst = adviseer(feiten_uit_dict(invoer), BELEID)
    bereikt = uitkomst.geraamde_waarde >= uitkomst.eu_drempel
    assert uitkomst.europees is bereikt
    assert uitkomst.europees is bereikt
    if bereikt:
        assert uitkomst.uit_te_nodigen_min is None and uitkomst.min_regionaal == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(bedragen, min_size=1, max_size=8), soorten, datums)
def test_exempted_lots_stay_within_the_limits_and_count_in_the_total(percelen, soort, dag):
    invoer = {"soort": soort, "datum": dag.isoformat(), "percelen": [str(p) for p in percelen]}
    uitkomst = adviseer(feiten_uit_dict(invoer), BELEID)
    assert uitkomst.geraamde_waarde == sum(percelen, Decimal(0))
    if not uitkomst.europees:
        return
    vrij = [p for p in uitkomst.percelen if p.vrijgesteld_percelenregeling]
    grens = BELEID.percelen_max_werken if soort == "werk" else BELEID.percelen_max_leveringen_diensten
    assert all(p.waarde < grens for p in vrij)
    assert sum((p.waarde for p in vrij), Decimal(0)) <= uitkomst.geraamde_waarde * BELEID.percelen_max_aandeel
    assert all(not p.procedure.startswith("europees") for p in vrij)


@settings(max_examples=100, deadline=None)
@given(feiten())
def test_the_direct_json_text_equals_the_dict(invoer):
    import json

    uitkomst = adviseer(feiten_uit_dict(invoer), BELEID)
    assert json.loads(uitkomst.als_json()) == json.loads(json.dumps(uitkomst.als_interface_dict()))


@settings(max_examples=100, deadline=None)
@given(datums, st.integers(1, 800))
def test_a_date_without_thresholds_is_refused_never_answered_with_old_ones(dag, dagen):
    from adviezen.engine import DrempelsOnbekend

    later = date(2027, 12, 31) + timedelta(days=dagen)
    try:
        adviseer(feiten_uit_dict({"soort": "levering", "datum": later.isoformat(), "waarde_totaal": 1}), BELEID)
    except DrempelsOnbekend:
        return
    raise AssertionError("geen fout voor een datum zonder drempels")
