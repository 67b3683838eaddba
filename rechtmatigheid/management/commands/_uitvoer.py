"""Shared output of the rechtmatigheid commands: JSON to stdout or to --json FILE."""

import json

from django.core.management.base import CommandError


def schrijf_json(command, gegevens, pad: str | None):
    tekst = json.dumps(gegevens, ensure_ascii=False, indent=2)
    if not pad:
        command.stdout.write(tekst)
        return
    try:
        with open(pad, "w", encoding="utf-8") as f:
            f.write(tekst + "\n")
    except OSError as exc:
        raise CommandError(f"Kan {pad} niet schrijven: {exc.strerror or exc}.") from exc


def controleer_jaar(jaar: int) -> int:
    if not 1900 <= jaar <= 2999:
        raise CommandError(f"{jaar} is geen geldig jaar; geef een jaartal als 2024.")
    return jaar
