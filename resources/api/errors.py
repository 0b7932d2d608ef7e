"""Every error the API gives is JSON of one shape::

    {"status": 404, "code": "not_found", "detail": "What went wrong and what to do."}

with ``errors`` added for a bad query parameter (parameter -> messages). DRF's own exceptions
(401, 403, 404, 405, 429) pass through ``exception_handler``; a path under /api/ that names no
endpoint gets ``not_found`` rather than the site's HTML 404 page."""

import math

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, JsonResponse
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

NO_ENDPOINT = "There is no such endpoint. The endpoints are listed at /api/v1/ and described at /api/docs/."


class BadQuery(exceptions.ValidationError):
    """A query parameter the endpoint cannot use: answered 400 with each parameter's problem."""

    default_code = "bad_query"

    def __init__(self, errors):
        super().__init__({name: [str(message) for message in messages] for name, messages in errors.items()})


def _detail_of(exc, request):
    if isinstance(exc, BadQuery):
        return "Some query parameters are not valid: see “errors”, fix them and try again."
    if isinstance(exc, exceptions.Throttled):
        wait = math.ceil(exc.wait) if exc.wait is not None else None
        again = f" Try again in {wait} second{'s' if wait != 1 else ''}." if wait is not None else ""
        user = getattr(request, "user", None)
        signed = user is not None and user.is_authenticated
        token_hint = "" if signed else " A member's personal token (/my/tokens/) has a limit of its own."
        return "Too many requests: this API limits how often each caller may ask." + again + token_hint
    if isinstance(exc.detail, (list, dict)):
        return "The request is not valid: see “errors”."
    return str(exc.detail)


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*(exc.args or ["Nothing is here, or it is not visible to you."]))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # a server error: Django's own handling, logged and reported
    data = {"status": response.status_code, "code": _code_of(exc), "detail": _detail_of(exc, context.get("request"))}
    if isinstance(exc.detail, dict):
        data["errors"] = exc.detail
    elif isinstance(exc.detail, list):
        data["errors"] = {"non_field_errors": exc.detail}
    response.data = data
    return response


def _code_of(exc):
    codes = exc.get_codes()
    if isinstance(codes, str):
        return codes
    return getattr(exc, "default_code", "error")


def not_found(request, rest=""):
    return JsonResponse({"status": 404, "code": "not_found", "detail": NO_ENDPOINT}, status=404)
