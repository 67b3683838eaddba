"""Benchmark: the list and dashboard pages under concurrent users, in the production setup.

    .venv/bin/python bench/load/run.py                       # 10 users per page, then a 10-minute soak
    .venv/bin/python bench/load/run.py --soak 120            # a shorter soak (seconds)
    .venv/bin/python bench/load/run.py --soak 0 --verzoeken 100

What it does, in one run:

1. a database of its own (`inkoop_load_bench` on the server of BENCH_DATABASE_URL), migrated, with the
   demo organisation (`manage.py demo`: the Enschede ledger of 130,000 lines, meldingen, adviezen,
   contracten, signalen), built once and reused (`--opnieuw` builds it again);
2. gunicorn with the production settings (`inkoop.settings.production`, whitenoise, DEBUG off, Redis
   as broker for the health check) on 127.0.0.1 only, `--workers` sync workers (3, as the Dockerfile);
3. per page: `--verzoeken` requests by `--gebruikers` concurrent users (threads, a new connection per
   request as gunicorn's sync workers close them), right after the same number of requests to the
   health endpoint `/gezondheid` by as many users: the ratio of the two p95s is the measurement,
   so the machine's load at that moment hits both alike;
4. the soak: `--soak-gebruikers` users (50) cycle through every page for `--soak` seconds; every
   response must be 200, and the resident memory of each gunicorn worker is sampled every 10 s.

Writes bench/load/resultaat.json. Never more than `--verzoeken` requests per page and `--soak`
seconds of soak; loopback only. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
DB = "inkoop_load_bench"

# (name, path, role): the pages of the measurement, each as the role that works with it.
PAGINAS = [
    ("werkvoorraad", "/meldingen/werkvoorraad/", "inkoper"),
    ("contractregister", "/contracten/register/", "inkoper"),
    ("adviezen", "/adviezen/", "inkoper"),
    ("crediteuren", "/uitgaven/crediteuren/", "inkoper"),
    ("uitgavendashboard", "/uitgaven/overzicht/", "controller"),
    ("signalenlijst", "/rechtmatigheid/signalen/", "controller"),
    ("mvoi", "/contracten/mvoi-sroi/", "inkoper"),
]
GEZONDHEID = "/gezondheid"


def sh(*args, env=None, **kw):
    return subprocess.run(args, check=True, env=env, **kw)


def p95(waarden: list[float]) -> float:
    return statistics.quantiles(waarden, n=20, method="inclusive")[18] if len(waarden) > 1 else waarden[0]


def voorbereiden(a, env) -> None:
    u = urlparse(a.database_url)
    psql = ["psql", "-X", "-q", "-h", u.hostname or "127.0.0.1", "-p", str(u.port or 5432), "-U",
            u.username or "postgres", "-d", "postgres"]
    bestaat = subprocess.run([*psql, "-At", "-c", f"SELECT 1 FROM pg_database WHERE datname = '{DB}'"],
                             capture_output=True, text=True, check=True).stdout.strip()
    if bestaat and not a.opnieuw:
        return
    sh(*psql, "-c", f"DROP DATABASE IF EXISTS {DB}", "-c", f"CREATE DATABASE {DB}")
    manage = [PY, str(ROOT / "manage.py")]
    print("Database migreren en demo laden (eenmalig) ...", flush=True)
    sh(*manage, "migrate", "-v0", env=env)
    sh(*manage, "demo", "--wachtwoord", "bench-load-wachtwoord", env=env, stdout=subprocess.DEVNULL)
    sh("psql", "-X", "-q", "-h", u.hostname or "127.0.0.1", "-p", str(u.port or 5432), "-U",
       u.username or "postgres", "-d", DB, "-c", "VACUUM ANALYZE")


def sessies(env) -> dict[str, str]:
    """A session cookie per role, made in the database (no login form, no password hashing)."""
    code = (
        "from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "import json\n"
        "uit = {}\n"
        "for naam in ('inkoper', 'controller'):\n"
        "    g = get_user_model().objects.get(username=naam)\n"
        "    s = SessionStore()\n"
        "    s[SESSION_KEY] = str(g.pk)\n"
        "    s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "    s[HASH_SESSION_KEY] = g.get_session_auth_hash()\n"
        "    s.create()\n"
        "    uit[naam] = s.session_key\n"
        "print(json.dumps(uit))\n")
    uit = subprocess.run([PY, str(ROOT / "manage.py"), "shell", "-c", code], env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(uit.strip().splitlines()[-1])


class Klant:
    """One request at a time over a fresh connection, as a browser behind the load balancer."""

    def __init__(self, poort: int, sessie: dict[str, str]):
        self.poort = poort
        self.sessie = sessie

    def get(self, pad: str, rol: str | None) -> tuple[int, float, int]:
        kop = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
        if rol:
            kop["Cookie"] = f"sessionid={self.sessie[rol]}"
        start = time.perf_counter()
        c = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=60)
        try:
            c.request("GET", pad, headers=kop)
            r = c.getresponse()
            lengte = len(r.read())
            return r.status, time.perf_counter() - start, lengte
        finally:
            c.close()


def belasting(klant: Klant, verzoeken: list[tuple[str, str | None]], gebruikers: int,
              tot: float | None = None) -> tuple[list[float], list[str]]:
    """`verzoeken` spread over `gebruikers` threads (or cycled until `tot`); (durations, errors)."""
    tijden: list[float] = []
    fouten: list[str] = []
    slot = threading.Lock()
    volgende = iter(range(len(verzoeken))) if tot is None else None
    teller = [0]

    def werk():
        while True:
            with slot:
                if tot is None:
                    i = next(volgende, None)
                    if i is None:
                        return
                else:
                    if time.monotonic() >= tot:
                        return
                    i = teller[0] % len(verzoeken)
                    teller[0] += 1
            pad, rol = verzoeken[i]
            try:
                status, duur, _ = klant.get(pad, rol)
            except OSError as exc:
                with slot:
                    fouten.append(f"{pad}: {exc.__class__.__name__}: {exc}")
                continue
            with slot:
                tijden.append(duur)
                if status != 200:
                    fouten.append(f"{pad}: HTTP {status}")

    draden = [threading.Thread(target=werk) for _ in range(gebruikers)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return tijden, fouten


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for regel in f:
            if regel.startswith("VmRSS:"):
                return int(regel.split()[1]) / 1024
    return float("nan")


def werkers(hoofd: int) -> list[int]:
    uit = subprocess.run(["ps", "-o", "pid=", "--ppid", str(hoofd)], capture_output=True, text=True).stdout
    return sorted(int(p) for p in uit.split())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gebruikers", type=int, default=10)
    ap.add_argument("--verzoeken", type=int, default=200, help="verzoeken per pagina (en per gezondheidsmeting)")
    ap.add_argument("--soak", type=int, default=600, help="seconden met --soak-gebruikers; 0 = overslaan")
    ap.add_argument("--soak-gebruikers", type=int, default=50)
    ap.add_argument("--workers", type=int, default=3)
    ap.add_argument("--poort", type=int, default=8010)
    ap.add_argument("--opnieuw", action="store_true", help="de database opnieuw opbouwen")
    ap.add_argument("--database-url", default=os.getenv("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    ap.add_argument("--redis-url", default=os.getenv("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10"))
    a = ap.parse_args()

    u = urlparse(a.database_url)
    url = u._replace(path=f"/{DB}").geturl()
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="inkoop.settings.dev")
    voorbereiden(a, env)
    prod = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="inkoop.settings.production",
                SECRET_KEY="bench-load-" + "x" * 50, ALLOWED_HOSTS="127.0.0.1",
                CELERY_BROKER_URL=a.redis_url, DB_CONN_MAX_AGE="60")
    sessie = sessies(prod)  # signed with the server's SECRET_KEY
    sh(PY, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0", env=prod)
    gunicorn = subprocess.Popen(
        [str(Path(PY).parent / "gunicorn"), "inkoop.wsgi", "--bind", f"127.0.0.1:{a.poort}", "--workers",
         str(a.workers), "--timeout", "120", "--log-level", "warning"], cwd=ROOT, env=prod)
    klant = Klant(a.poort, sessie)
    uitkomst: dict = {"gebruikers": a.gebruikers, "verzoeken_per_pagina": a.verzoeken, "workers": a.workers,
                      "paginas": {}}
    try:
        for _ in range(100):
            try:
                if klant.get(GEZONDHEID, None)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            raise SystemExit("gunicorn start niet")
        # Warm every worker on every page (imports, templates, connections).
        belasting(klant, [(p, r) for _, p, r in PAGINAS] * a.workers * 2, a.workers)
        load_voor = os.getloadavg()[0]
        print(f"{'pagina':<20} {'mediaan':>8} {'p95':>8} {'gezondheid p95':>15} {'p95 / gezondheid':>17}")
        for naam, pad, rol in PAGINAS:
            g_tijden, g_fouten = belasting(klant, [(GEZONDHEID, None)] * a.verzoeken, a.gebruikers)
            tijden, fouten = belasting(klant, [(pad, rol)] * a.verzoeken, a.gebruikers)
            r = {"mediaan_ms": round(statistics.median(tijden) * 1000, 1), "p95_ms": round(p95(tijden) * 1000, 1),
                 "gezondheid_mediaan_ms": round(statistics.median(g_tijden) * 1000, 1),
                 "gezondheid_p95_ms": round(p95(g_tijden) * 1000, 1), "fouten": fouten[:5] + g_fouten[:5]}
            r["verhouding_p95"] = round(r["p95_ms"] / r["gezondheid_p95_ms"], 2)
            uitkomst["paginas"][naam] = r
            print(f"{naam:<20} {r['mediaan_ms']:>6.0f}ms {r['p95_ms']:>6.0f}ms {r['gezondheid_p95_ms']:>13.0f}ms "
                  f"{r['verhouding_p95']:>16.1f}x {'FOUTEN ' + str(len(fouten)) if fouten else ''}", flush=True)
        uitkomst["load_tijdens_paginas"] = f"{load_voor:.1f} - {os.getloadavg()[0]:.1f}"

        if a.soak:
            print(f"Duurtest: {a.soak_gebruikers} gebruikers, {a.soak} s ...", flush=True)
            pids = werkers(gunicorn.pid)
            geheugen: list[dict] = []
            klaar = threading.Event()

            def meet():
                start = time.monotonic()
                while not klaar.is_set():
                    geheugen.append({"t": round(time.monotonic() - start), **{str(p): round(rss_mib(p), 1) for p in pids}})
                    klaar.wait(10)

            meter = threading.Thread(target=meet)
            meter.start()
            verzoeken = [(p, r) for _, p, r in PAGINAS] + [(GEZONDHEID, None)]
            tijden, fouten = belasting(klant, verzoeken, a.soak_gebruikers, tot=time.monotonic() + a.soak)
            klaar.set()
            meter.join()
            eerste, laatste = geheugen[min(1, len(geheugen) - 1)], geheugen[-1]
            uitkomst["soak"] = {
                "gebruikers": a.soak_gebruikers, "seconden": a.soak, "verzoeken": len(tijden), "fouten": len(fouten),
                "voorbeelden_fouten": fouten[:10], "mediaan_ms": round(statistics.median(tijden) * 1000, 1),
                "p95_ms": round(p95(tijden) * 1000, 1), "werkers_dezelfde": werkers(gunicorn.pid) == pids,
                "rss_mib_na_10s": {p: eerste[str(p)] for p in pids}, "rss_mib_eind": {p: laatste[str(p)] for p in pids},
                "rss_mib_verloop": geheugen, "load_eind": round(os.getloadavg()[0], 1)}
            s = uitkomst["soak"]
            print(f"  {len(tijden)} verzoeken, {len(fouten)} fouten, mediaan {s['mediaan_ms']:.0f} ms, "
                  f"p95 {s['p95_ms']:.0f} ms; RSS per worker {s['rss_mib_na_10s']} -> {s['rss_mib_eind']} MiB; "
                  f"zelfde workers: {s['werkers_dezelfde']}", flush=True)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(30)
    uitkomst["machine"] = f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} aan het eind"
    (ROOT / "bench" / "load" / "resultaat.json").write_text(json.dumps(uitkomst, indent=2) + "\n")


if __name__ == "__main__":
    main()
