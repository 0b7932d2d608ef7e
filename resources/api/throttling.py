"""Rate limits: one bucket per address for callers without a token, one per member for token
holders. A throttle is made for each request and reads its rate from
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` then (DRF's own classes keep the rates they saw at
import), so a changed setting applies at once. A rate missing from the setting means no limit."""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


class _RateFromSettings(SimpleRateThrottle):
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope) or None


class AnonymousRateThrottle(_RateFromSettings):
    scope = "anonymous"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenRateThrottle(_RateFromSettings):
    scope = "token"

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
