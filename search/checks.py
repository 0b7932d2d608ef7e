"""System checks: ``manage.py check`` (and every server start) says when search cannot work."""

import importlib

from django.core.checks import Error, register

CLUSTER_CLIENTS = ("elasticsearch", "opensearchpy")  # the ``cluster`` extra


@register()
def cluster_clients_installed(app_configs, **kwargs):
    from .service import cluster_url

    if cluster_url() is None:
        return []
    missing = []
    for name in CLUSTER_CLIENTS:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if not missing:
        return []
    return [
        Error(
            f"SEARCH_URL names a search cluster, but its client libraries are not installed: {', '.join(missing)}.",
            hint="pip install 'improvement-commons[cluster]', or set SEARCH_URL=embedded.",
            id="commons_search.E001",
        )
    ]
