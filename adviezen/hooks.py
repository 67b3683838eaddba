"""Sources of related purchases for the splitting check (L-26), registered by the apps that hold them.

adviezen sits left of contracten (ADR 0002): the contracts in the same inkooppakket are read
through a function contracten registers at start-up (contracten.apps.ContractenConfig.ready),
not through an import of contracten.
"""

from collections.abc import Callable
from datetime import date

# bron(melding, van, tot) -> [{"bron": ..., "omschrijving": ..., "bedrag": Decimal}]
Bron = Callable[[object, date, date], list[dict]]
_samenhang_bronnen: list[Bron] = []


def samenhang_bron(bron: Bron) -> Bron:
    if bron not in _samenhang_bronnen:
        _samenhang_bronnen.append(bron)
    return bron


def samenhang_bronnen() -> tuple[Bron, ...]:
    return tuple(_samenhang_bronnen)
