"""The gateways of the cluster engine (``cluster.py``): one per client library, the handful of calls
the engine makes, each turning the client's transport, timeout and server errors into
``EngineUnavailable`` (the embedded engine answers instead), HTTP 404 into ``NotFound`` and any
other refusal into ``ClusterError``.
"""

import threading

from .base import EngineUnavailable

SEARCH_TIMEOUT = 2.5  # seconds: a search the cluster cannot answer by then is answered by the fallback
WRITE_TIMEOUT = 10  # index/remove of a few pages (runs after a publish)
BULK_TIMEOUT = 60  # one chunk of a rebuild
ADMIN_TIMEOUT = 30  # create/delete index, alias changes, refresh


class ClusterError(RuntimeError):
    """The cluster refused a request as malformed (HTTP 400 and the like): a bug, not an outage."""


class NotFound(Exception):
    """HTTP 404: the index or alias does not exist."""


def refusal(status, message):
    """The exception for a cluster's refusal with HTTP ``status``. 401/403 (credentials wrong or
    expired), 406 (not the product this client speaks: the elasticsearch client talking to
    OpenSearch), 429 (overloaded) and server errors are not our query's fault, and the embedded
    engine can still answer."""
    if status == 404:
        return NotFound(message)
    if status in (401, 403, 406, 429) or status >= 500:
        return EngineUnavailable(message)
    return ClusterError(message)


class Gateway:
    """The handful of calls the engine makes, over one lazily created client. Every method takes
    and returns plain JSON-like dicts; transport errors, timeouts, HTTP 429/401/403 and 5xx raise
    EngineUnavailable, HTTP 404 NotFound, anything else ClusterError."""

    name = "cluster"

    def __init__(self, host, port, secure=False, username=None, password=None, search_timeout=SEARCH_TIMEOUT):
        self.host = host
        self.port = port
        self.secure = secure
        self.username = username
        self.password = password
        self.search_timeout = search_timeout
        self._client = None
        self._lock = threading.Lock()

    @property
    def url(self):
        return f"{'https' if self.secure else 'http'}://{self.host}:{self.port}"

    def __repr__(self):
        return f"<{type(self).__name__} {self.url}>"  # never the password

    @property
    def client(self):
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = self._make_client()
        return self._client

    def _make_client(self):
        raise NotImplementedError

    def _call(self, what, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - translated below, anything else re-raised
            self._translate(what, exc)
            raise

    def _translate(self, what, exc):
        raise NotImplementedError

    def _unavailable(self, what, exc):
        raise EngineUnavailable(f"{self.name} at {self.url}: {what} failed: {exc}") from exc

    def _status(self, what, exc, status):
        raise refusal(status, f"{self.name} at {self.url}: {what} refused ({status}): {exc}") from exc

    @staticmethod
    def _body(response):
        return getattr(response, "body", response)

    # Shared behaviour on top of the per-client calls.

    def bulk(self, operations, timeout=BULK_TIMEOUT, refresh=None):
        """Send bulk ``operations`` (action/source lines). Item failures other than deleting a
        missing document raise: rejections (429) and server errors as EngineUnavailable."""
        if not operations:
            return {"items": [], "errors": False}
        response = self._body(self._bulk(operations, timeout, refresh))
        if response.get("errors"):
            failures = []
            for item in response.get("items", []):
                ((action, result),) = item.items()
                status = result.get("status", 200)
                if status >= 300 and not (action == "delete" and status == 404):
                    failures.append((action, result.get("_id"), status, result.get("error")))
            if failures:
                message = f"{self.name}: {len(failures)} bulk item(s) failed, first: {failures[0]}"
                if any(status == 429 or status >= 500 for _, _, status, _ in failures):
                    raise EngineUnavailable(message)
                raise ClusterError(message)
        return response

    def msearch(self, index, bodies, cached=(), timeout=None):
        """Several searches in one round trip (``_msearch``); the answers in the same order.
        ``cached``: positions of the searches to keep in the shard request cache. A search the
        cluster refused raises as a failed ``search`` would."""
        lines = []
        for position, body in enumerate(bodies):
            lines += [{"request_cache": True} if position in cached else {}, body]
        response = self._body(self._msearch(index, lines, timeout or self.search_timeout))
        answers = response.get("responses", [])
        if len(answers) != len(bodies):
            raise ClusterError(
                f"{self.name} at {self.url}: msearch gave {len(answers)} answers to {len(bodies)} searches"
            )
        for answer in answers:
            if "error" in answer:
                status = answer.get("status") or 500
                raise refusal(status, f"{self.name} at {self.url}: search refused ({status}): {answer['error']}")
        return answers

    def get_alias(self, alias):
        """{concrete index: [aliases]} for ``alias`` (a name or a wildcard pattern); {} if none."""
        try:
            response = self._body(self._get_alias(alias))
        except NotFound:
            return {}
        return {index: sorted(data.get("aliases", {})) for index, data in response.items()}


class ElasticsearchGateway(Gateway):
    name = "elasticsearch"

    def _make_client(self):
        from elasticsearch import Elasticsearch

        return Elasticsearch(
            self.url,
            basic_auth=(self.username, self.password or "") if self.username else None,
            request_timeout=self.search_timeout,
            max_retries=0,
            retry_on_timeout=False,
        )

    def _translate(self, what, exc):
        from elastic_transport import TransportError
        from elasticsearch import ApiError, UnsupportedProductError

        if isinstance(exc, UnsupportedProductError):
            self._unavailable(what, exc)  # not an Elasticsearch: use an opensearch:// URL
        if isinstance(exc, ApiError):
            self._status(what, exc, exc.meta.status)
        if isinstance(exc, TransportError):  # connection refused, timeout, TLS, garbled answer
            self._unavailable(what, exc)

    def _with(self, timeout):
        return self.client.options(request_timeout=timeout)

    def create_index(self, name, body):
        return self._body(self._call("create index", self._with(ADMIN_TIMEOUT).indices.create, index=name, body=body))

    def delete_index(self, name):
        return self._body(self._call("delete index", self._with(ADMIN_TIMEOUT).indices.delete, index=name))

    def _get_alias(self, alias):
        return self._call("get alias", self._with(self.search_timeout).indices.get_alias, name=alias)

    def update_aliases(self, actions):
        return self._body(
            self._call("update aliases", self._with(ADMIN_TIMEOUT).indices.update_aliases, actions=actions)
        )

    def _bulk(self, operations, timeout, refresh):
        kwargs = {"refresh": refresh} if refresh else {}
        return self._call("bulk", self._with(timeout).bulk, operations=operations, **kwargs)

    def search(self, index, body, timeout=None):
        return self._body(
            self._call("search", self._with(timeout or self.search_timeout).search, index=index, body=body)
        )

    def _msearch(self, index, lines, timeout):
        return self._call("msearch", self._with(timeout).msearch, index=index, searches=lines)

    def refresh(self, index):
        return self._body(self._call("refresh", self._with(ADMIN_TIMEOUT).indices.refresh, index=index))

    def count(self, index):
        return self._body(self._call("count", self._with(self.search_timeout).count, index=index))["count"]

    def health(self):
        return self._body(self._call("cluster health", self._with(self.search_timeout).cluster.health))


class OpenSearchGateway(Gateway):
    name = "opensearch"

    def _make_client(self):
        from opensearchpy import OpenSearch

        return OpenSearch(
            hosts=[{"host": self.host, "port": self.port}],
            use_ssl=self.secure,
            verify_certs=self.secure,
            http_auth=(self.username, self.password or "") if self.username else None,
            timeout=self.search_timeout,
            max_retries=0,
            retry_on_timeout=False,
        )

    def _translate(self, what, exc):
        from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
        from opensearchpy.exceptions import TransportError

        if isinstance(exc, OpenSearchConnectionError):  # refused, timeout, TLS
            self._unavailable(what, exc)
        if isinstance(exc, TransportError):
            status = exc.status_code
            if isinstance(status, int):
                self._status(what, exc, status)
            self._unavailable(what, exc)

    def create_index(self, name, body):
        return self._call(
            "create index", self.client.indices.create, index=name, body=body, request_timeout=ADMIN_TIMEOUT
        )

    def delete_index(self, name):
        return self._call("delete index", self.client.indices.delete, index=name, request_timeout=ADMIN_TIMEOUT)

    def _get_alias(self, alias):
        return self._call("get alias", self.client.indices.get_alias, name=alias, request_timeout=self.search_timeout)

    def update_aliases(self, actions):
        return self._call(
            "update aliases",
            self.client.indices.update_aliases,
            body={"actions": actions},
            request_timeout=ADMIN_TIMEOUT,
        )

    def _bulk(self, operations, timeout, refresh):
        kwargs = {"refresh": refresh} if refresh else {}
        return self._call("bulk", self.client.bulk, body=operations, request_timeout=timeout, **kwargs)

    def search(self, index, body, timeout=None):
        return self._call(
            "search", self.client.search, index=index, body=body, request_timeout=timeout or self.search_timeout
        )

    def _msearch(self, index, lines, timeout):
        return self._call("msearch", self.client.msearch, index=index, body=lines, request_timeout=timeout)

    def refresh(self, index):
        return self._call("refresh", self.client.indices.refresh, index=index, request_timeout=ADMIN_TIMEOUT)

    def count(self, index):
        return self._call("count", self.client.count, index=index, request_timeout=self.search_timeout)["count"]

    def health(self):
        return self._call("cluster health", self.client.cluster.health, request_timeout=self.search_timeout)
