"""The production static pipeline (WhiteNoise's manifest storage) accepts every static file."""

import pytest
from django.core.management import call_command
from django.test import override_settings

PRODUCTIE_OPSLAG = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collectstatic_with_the_production_storage_succeeds(tmp_path):
    # A vendored file that points at a missing source map made this fail and the image unbuildable.
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=PRODUCTIE_OPSLAG):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/bootstrap/bootstrap.min.css" in manifest
    assert list(tmp_path.glob("vendor/bootstrap/bootstrap.min.*.css.gz"))


@pytest.mark.parametrize("bestand", ["vendor/bootstrap/bootstrap.min.css",
                                     "vendor/bootstrap/bootstrap.bundle.min.js",
                                     "vendor/htmx/htmx.min.js"])
def test_vendored_files_point_at_no_missing_source_map(bestand, settings):
    from pathlib import Path

    pad = Path(settings.BASE_DIR) / "static" / bestand
    tekst = pad.read_text(encoding="utf-8")
    if "sourceMappingURL=" in tekst:
        kaart = tekst.rsplit("sourceMappingURL=", 1)[1].split()[0]
        assert (pad.parent / kaart).exists(), f"{bestand} verwijst naar ontbrekende {kaart}"
