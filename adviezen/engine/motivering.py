from dataclasses import dataclass


@dataclass(frozen=True)
class Motivering:
    """One step of the reasoning: the rule id of adviesregels.md and a Dutch sentence."""

    regel: str
    tekst: str

    def als_dict(self) -> dict:
        return {"regel": self.regel, "tekst": self.tekst}
