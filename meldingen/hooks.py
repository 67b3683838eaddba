"""What follows a melding's workflow in the apps to its right, registered by those apps.

meldingen sits left of adviezen (ADR 0002, conventions.md "Layers, enforced"): it cannot import
the app that computes the draft advice. That app registers its step here at start-up
(adviezen.apps.AdviezenConfig.ready); meldingen calls the registered steps after the commit.
"""

from collections.abc import Callable

_na_indienen: list[Callable[[int], None]] = []


def na_indienen(stap: Callable[[int], None]) -> Callable[[int], None]:
    """Register `stap(melding_id)`, called once the submission of a melding is committed."""
    if stap not in _na_indienen:
        _na_indienen.append(stap)
    return stap


def ingediend(melding_id: int) -> None:
    for stap in list(_na_indienen):
        stap(melding_id)
