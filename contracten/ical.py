"""The inkoopkalender as an iCalendar feed (RFC 5545), for Outlook or any calendar app."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from inkoop.formatting import datum as datum_nl
from inkoop.formatting import euro


def kalender_ics(*, items, organisatie) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//inkoop//inkoopkalender//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Inkoopkalender {organisatie}")
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    nu = timezone.now()
    for item in items:
        c = item.contract
        ev = Event()
        # Stable per contract and deadline: a moved deadline is a new event, the old one disappears.
        ev.add("uid", f"{item.soort}-{c.pk}-{item.datum:%Y%m%d}@inkoop-{organisatie.slug}")
        ev.add("dtstamp", nu)
        ev.add("dtstart", item.datum)
        ev.add("dtend", item.datum + timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        if item.soort == "beslissing":
            ev.add("summary", f"Beslissen over verlenging: {c.nummer} {c.omschrijving}")
            uitleg = (f"Uiterste datum om te beslissen over verlenging. Het contract loopt tot "
                      f"{datum_nl(c.einddatum)}; nog {c.verlengingen_over} optie(s) van {c.verlenging_maanden} maanden.")
        else:
            ev.add("summary", f"Einde contract: {c.nummer} {c.omschrijving}")
            uitleg = "Het contract eindigt op deze dag."
        url = f"{settings.SITE_URL}{reverse('contracten:contract', kwargs={'pk': c.pk})}"
        ev.add("description", f"{uitleg}\nLeverancier: {c.leverancier}\nWaarde: {euro(c.waarde_incl_opties)}\n{url}")
        ev.add("url", url)
        cal.add_component(ev)
    return cal.to_ical()
