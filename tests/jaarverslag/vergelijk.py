"""Field-by-field comparison of an export with the published figures."""

SLEUTELS = ("jaar", "domein", "regio", "naam")


def verschillen(gepubliceerd, export, pad="") -> list[str]:
    """Every field of `gepubliceerd` must be in `export` with the same value.

    Lists are compared position by position (the report's order is part of the shape); fields
    the published report does not give are simply absent there, so extra fields in the export
    are fine.
    """
    fouten = []
    if isinstance(gepubliceerd, dict):
        if not isinstance(export, dict):
            return [f"{pad}: verwacht een object, kreeg {export!r}"]
        for sleutel, waarde in gepubliceerd.items():
            if sleutel.startswith("_"):
                continue
            if sleutel not in export:
                fouten.append(f"{pad}.{sleutel}: ontbreekt")
                continue
            fouten += verschillen(waarde, export[sleutel], f"{pad}.{sleutel}")
    elif isinstance(gepubliceerd, list):
        if not isinstance(export, list) or len(export) < len(gepubliceerd):
            return [f"{pad}: verwacht minstens {len(gepubliceerd)} regels, kreeg {export!r}"]
        for i, waarde in enumerate(gepubliceerd):
            fouten += verschillen(waarde, export[i], f"{pad}[{i}]")
    elif gepubliceerd != export or type(gepubliceerd) is not type(export):
        if isinstance(gepubliceerd, float) and isinstance(export, float) and gepubliceerd == export:
            return []
        fouten.append(f"{pad}: gepubliceerd {gepubliceerd!r}, export {export!r}")
    return fouten
