"""Validation of a release package against the official OCDS 1.1.5 schema with the extensions the
export uses: each extension is a JSON Merge Patch (RFC 7386) of the release schema, applied as
the OCDS extension mechanism prescribes."""

import json
from pathlib import Path

SCHEMA = Path(__file__).parent / "schema"
EXTENSIE_MAPPEN = ["lots"]


def _merge_patch(doel, patch):
    """RFC 7386: objects merge recursively, null removes a key, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    uit = dict(doel) if isinstance(doel, dict) else {}
    for sleutel, waarde in patch.items():
        if waarde is None:
            uit.pop(sleutel, None)
        else:
            uit[sleutel] = _merge_patch(uit.get(sleutel), waarde)
    return uit


def release_schema() -> dict:
    schema = json.loads((SCHEMA / "release-schema.json").read_text(encoding="utf-8"))
    for map_ in EXTENSIE_MAPPEN:
        schema = _merge_patch(schema, json.loads((SCHEMA / map_ / "release-schema.json").read_text(encoding="utf-8")))
    return schema


def fouten(pakket: dict) -> list[str]:
    """The validation errors of a release package (empty when it is valid)."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    package = json.loads((SCHEMA / "release-package-schema.json").read_text(encoding="utf-8"))
    release = release_schema()
    registry = Registry().with_resource(release["id"], Resource(contents=release, specification=DRAFT4))
    validator = jsonschema.Draft4Validator(package, registry=registry, format_checker=jsonschema.FormatChecker())
    return [f"{list(e.path)}: {e.message}" for e in sorted(validator.iter_errors(pakket), key=lambda e: list(e.path))]
