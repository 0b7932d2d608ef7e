"""Refuse a request body larger than ``MAX_REQUEST_MB`` before anything reads it.

Django's own upload limits count fields and in-memory bytes; they do not stop a client from
sending gigabytes to disk in temporary files. This looks at the declared ``Content-Length`` only,
before the CSRF check, the upload handlers or a view parse the body, and answers 413 with a page
in plain words. ``MAX_REQUEST_MB`` defaults to one submission's worth: ``MAX_UPLOAD_MB`` for each
of ``SHARE_MAX_FILES`` files, and a megabyte for the form.

A body sent without a Content-Length (chunked) needs no check here under WSGI: Django reads at
most the declared length, so such a body is never read at all. Under ASGI Django reads the whole
body before any middleware runs, so there the front server's own limit (nginx
``client_max_body_size``) must be set to the same value.
"""

from django.conf import settings
from django.shortcuts import render


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit_mb = float(settings.MAX_REQUEST_MB)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body it cannot measure
        if length > limit_mb * 1024 * 1024:
            return render(
                request,
                "413.html",
                {
                    "limit_mb": f"{limit_mb:g}",
                    "sent_mb": f"{length / 1024 / 1024:,.0f}",
                    "file_mb": settings.MAX_UPLOAD_MB,
                    "max_files": settings.SHARE_MAX_FILES,
                },
                status=413,
            )
        return self.get_response(request)
