"""Uploads are refused while they arrive, not after they have been read whole.

Django writes every uploaded file to disk before a view sees it, so a 300 MB "attachment" would
be received, stored and only then refused. This handler, first in FILE_UPLOAD_HANDLERS, counts
the bytes of each file as they come in and stops the upload (the rest of the body is not read)
as soon as a file is larger than the view allows, or the request than UPLOAD_MAX_BYTES. The view
finds the Dutch reason in `request.upload_fout` and shows it; what did arrive is discarded.

A view states its limit per file with `@upload_grens(bytes)`; without it the request limit holds.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

MARGE = 1024 * 1024  # form fields and multipart boundaries around the files


def upload_grens(per_bestand: int):
    """Decorator: files posted to this view may be at most `per_bestand` bytes each."""

    def zet(view):
        view.upload_per_bestand = per_bestand
        return view

    return zet


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


class BegrensdeUpload(FileUploadHandler):
    def __init__(self, request=None):
        super().__init__(request)
        self.totaal = settings.UPLOAD_MAX_BYTES + MARGE
        match = getattr(request, "resolver_match", None)
        self.per_bestand = getattr(getattr(match, "func", None), "upload_per_bestand", None) or self.totaal
        self.te_groot_aangekondigd = False
        self.gelezen = 0
        self.in_bestand = 0

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # A body announced as too large is stopped at its first file; the fields before it (the
        # CSRF token) are still read, so the page can say why instead of failing the CSRF check.
        self.te_groot_aangekondigd = content_length > self.totaal
        return None

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.in_bestand = 0

    def _weiger(self, reden: str):
        if self.request is not None:
            self.request.upload_fout = reden
        raise StopUpload(connection_reset=True)

    def receive_data_chunk(self, raw_data, start):
        self.gelezen += len(raw_data)
        self.in_bestand += len(raw_data)
        if self.te_groot_aangekondigd or self.gelezen > self.totaal:
            self._weiger(f"De upload is groter dan {_mb(settings.UPLOAD_MAX_BYTES)}; "
                         "kies minder of kleinere bestanden.")
        if self.in_bestand > self.per_bestand:
            self._weiger(f"‘{self.file_name}’ is te groot; een bestand mag hier hoogstens "
                         f"{_mb(self.per_bestand)} zijn.")
        return raw_data

    def file_complete(self, file_size):
        return None
