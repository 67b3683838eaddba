"""Asserts what gunicorn serves with production settings (run by .ci/productie).

Plain HTTP to gunicorn with `X-Forwarded-Proto: https`, as the TLS-terminating proxy sends it.
Standard library only. Each check prints one line; the first failure stops with exit code 1.
"""

import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BASIS = os.environ["PRODUCTIE_URL"].rstrip("/")
assert BASIS.startswith("http://127.0.0.1:"), BASIS  # only the local gunicorn of .ci/productie
HTTPS = {"X-Forwarded-Proto": "https"}


class GeenRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(GeenRedirect)
KOEKJES: dict[str, str] = {}


def vraag(pad, *, headers=None, data=None, koekjes=True):
    headers = dict(headers or {})
    if koekjes and KOEKJES:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in KOEKJES.items())
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    verzoek = urllib.request.Request(BASIS + pad, data=body, headers=headers)  # noqa: S310 - local http only
    try:
        antwoord = OPENER.open(verzoek, timeout=30)
    except urllib.error.HTTPError as fout:
        antwoord = fout
    inhoud = antwoord.read()
    for regel in antwoord.headers.get_all("Set-Cookie") or []:
        naam, _, rest = regel.partition("=")
        KOEKJES[naam.strip()] = rest.split(";", 1)[0]
    return antwoord.status, antwoord.headers, inhoud


def eis(voorwaarde, tekst):
    if not voorwaarde:
        print(f"productie: FOUT: {tekst}")
        sys.exit(1)
    print(f"productie: ok: {tekst}")


def wacht_op_server():
    for _ in range(60):
        try:
            status, _h, inhoud = vraag("/gezondheid", koekjes=False)
            return status, inhoud
        except OSError:
            time.sleep(0.5)
    eis(False, "gunicorn antwoordt niet binnen 30 s")


def main():
    status, inhoud = wacht_op_server()
    eis(status == 200 and b'"database": "ok"' in inhoud and b'"broker": "ok"' in inhoud,
        f"/gezondheid over gewone HTTP: database en broker ok ({status} {inhoud[:120]!r})")

    status, headers, _ = vraag("/inloggen/", koekjes=False)
    eis(status == 301 and headers["Location"].startswith("https://"), "zonder TLS: doorverwijzing naar https")

    status, headers, inhoud = vraag("/inloggen/", headers=HTTPS)
    html = inhoud.decode()
    eis(status == 200 and "<h1" in html and "Inloggen" in html, "de inlogpagina (200, Nederlands)")
    eis("max-age=31536000" in headers.get("Strict-Transport-Security", ""), "HSTS-header")
    eis("default-src 'self'" in headers.get("Content-Security-Policy", ""), "Content-Security-Policy")
    eis(headers.get("X-Frame-Options") == "DENY", "X-Frame-Options DENY")
    eis(any("csrftoken" in c and "Secure" in c for c in headers.get_all("Set-Cookie") or []), "CSRF-cookie Secure")

    statisch = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    eis(len(statisch) >= 4, f"de inlogpagina verwijst naar {len(statisch)} statische bestanden")
    for pad in statisch:
        eis(re.search(r"\.[0-9a-f]{12}\.(css|js)$", pad), f"{pad}: naam met inhoudshash (manifest)")
        status, headers, inhoud = vraag(pad, headers=HTTPS | {"Accept-Encoding": "gzip"}, koekjes=False)
        soort = "text/css" if pad.endswith(".css") else "javascript"
        eis(status == 200 and soort in headers.get("Content-Type", "") and len(inhoud) > 100,
            f"{pad}: 200, {headers.get('Content-Type')}, {len(inhoud)} bytes")
        eis("immutable" in headers.get("Cache-Control", ""), f"{pad}: Cache-Control {headers.get('Cache-Control')}")
        eis(headers.get("Content-Encoding") == "gzip", f"{pad}: gecomprimeerd geserveerd")

    status, _h, inhoud = vraag("/bestaat-niet/", headers=HTTPS)
    eis(status == 404 and "Pagina niet gevonden" in inhoud.decode(), "404 in het Nederlands, in de layout")
    status, headers, _ = vraag("/", headers=HTTPS)
    eis(status == 302 and headers["Location"].startswith("/inloggen/"), "startpagina vraagt eerst inloggen")

    # The real worker: the invitation e-mail of a new organisation's beheerder goes through Redis.
    naam = f"CI-gemeente {secrets.token_hex(3)}"
    email = f"beheerder-{secrets.token_hex(3)}@ci.example"
    subprocess.run([sys.executable, "manage.py", "organisatie_aanmaken", naam, "--beheerder", email],
                   check=True, stdout=subprocess.DEVNULL)
    map_ = Path(os.environ["EMAIL_FILE_PATH"])
    bericht = ""
    for _ in range(120):
        bericht = "".join(p.read_text() for p in map_.glob("*.log")) if map_.exists() else ""
        if email in bericht:
            break
        time.sleep(0.5)
    eis(email in bericht, "de Celery-worker heeft de uitnodiging gemaild")
    link = re.search(r"https?://[^/\s]+(/wachtwoord-instellen/\S+/)", bericht)
    eis(link is not None, "de uitnodiging bevat de link om een wachtwoord te kiezen")

    status, headers, _ = vraag(link.group(1), headers=HTTPS)
    eis(status == 302 and "set-password" in headers["Location"], "de link is geldig")
    formulier_pad = headers["Location"]
    status, _h, inhoud = vraag(formulier_pad, headers=HTTPS)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', inhoud.decode())
    eis(status == 200 and token, "het formulier om een wachtwoord te kiezen")
    wachtwoord = secrets.token_urlsafe(16)
    herkomst = HTTPS | {"Origin": BASIS.replace("http://", "https://")}
    status, headers, _ = vraag(formulier_pad, headers=herkomst, data={
        "csrfmiddlewaretoken": token.group(1), "new_password1": wachtwoord, "new_password2": wachtwoord})
    eis(status == 302 and headers["Location"] == "/inloggen/", "wachtwoord ingesteld")

    status, _h, inhoud = vraag("/inloggen/", headers=HTTPS)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', inhoud.decode())
    status, headers, _ = vraag("/inloggen/", headers=herkomst, data={
        "csrfmiddlewaretoken": token.group(1), "username": email, "password": wachtwoord, "next": ""})
    eis(status == 302, f"inloggen met het gekozen wachtwoord ({status})")
    status, _h, inhoud = vraag("/gebruikers/", headers=HTTPS)
    eis(status == 200 and email in inhoud.decode() and "Beheerder" in inhoud.decode(),
        "ingelogd als beheerder van de nieuwe organisatie: de gebruikerspagina")


if __name__ == "__main__":
    main()
