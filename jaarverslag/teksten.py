"""Narrative texts of the report: Markdown written by afdeling Inkoop, rendered safely.

The text is stored as written and sanitised on the way out with nh3 (an allow-list HTML
sanitiser): no images, scripts, styles or event handlers, links only to http(s) and mailto. The
same HTML goes into the PDF, whose URL fetcher fetches nothing of it (inkoop.pdf) either.
"""

from __future__ import annotations

from django.utils.safestring import mark_safe

from .models import Hoofdstuk, Verhaaltekst

TOEGESTANE_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h3", "h4",
                   "a", "code", "hr", "table", "thead", "tbody", "tr", "th", "td"}
TOEGESTANE_ATTRIBUTEN = {"a": {"href", "title"}, "th": {"scope"}}


def markdown_naar_html(tekst: str) -> str:
    """Markdown -> sanitised HTML (safe to mark as such)."""
    import markdown
    import nh3

    if not tekst or not tekst.strip():
        return ""
    html = markdown.markdown(tekst, extensions=["sane_lists", "tables"], output_format="html")
    schoon = nh3.clean(html, tags=TOEGESTANE_TAGS, attributes=TOEGESTANE_ATTRIBUTEN,
                       url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")
    return mark_safe(schoon)  # noqa: S308 - sanitised by nh3 on the line above


def standaardtekst(hoofdstuk: str, *, organisatie: str, jaar: int) -> str:
    """What the report says where the department wrote nothing (foreword and reading guide)."""
    if hoofdstuk == Hoofdstuk.VOORWOORD:
        return (f"Hierbij presenteren we het inkoopjaarverslag {jaar} van {organisatie}. Het verslag geeft "
                f"een terugkoppeling over de inkoopactiviteiten in {jaar} en inzicht in de ontwikkeling "
                "van het inkoopproces. Het dient als verantwoording voor de doelmatigheid van de inkopen.")
    if hoofdstuk == Hoofdstuk.LEESWIJZER:
        return ("De financiële gegevens in dit verslag betreffen alle inkopen binnen de gehele organisatie, "
                "zoals geboekt in de financiële administratie (bedragen exclusief btw). De niet-financiële "
                "gegevens betreffen de inkooptrajecten die de afdeling Inkoop heeft begeleid en geregistreerd.\n\n"
                "Hoofdstuk 1 geeft de kengetallen van de inkoop, hoofdstuk 2 de toepassing van maatschappelijk "
                "verantwoord opdrachtgeven en inkopen, hoofdstuk 3 de economische uitgangspunten, hoofdstuk 4 "
                "de rechtmatigheid en hoofdstuk 5 de ontwikkelingen. Bedragen zijn afgerond op hele euro’s en "
                "percentages op hele procenten; afronding gebeurt pas na het optellen, zodat een totaal kan "
                "afwijken van de som van de afgeronde regels.")
    return ""


def teksten_voor(*, organisatie, jaar: int) -> dict[str, dict]:
    """Per chapter: the Markdown, its safe HTML, and whether it is the default text."""
    opgeslagen = {t.hoofdstuk: t for t in Verhaaltekst.objects.filter(organisatie=organisatie, jaar=jaar)
                  .select_related("gewijzigd_door")}
    uit = {}
    for hoofdstuk in Hoofdstuk.values:
        t = opgeslagen.get(hoofdstuk)
        bron = t.tekst if t and t.tekst.strip() else standaardtekst(hoofdstuk, organisatie=organisatie.naam,
                                                                     jaar=jaar)
        uit[hoofdstuk] = {"markdown": t.tekst if t else "", "html": markdown_naar_html(bron),
                          "standaard": not (t and t.tekst.strip()), "object": t}
    return uit
