from django import template

from .. import registry
from ..clicks import click_url

register = template.Library()


@register.simple_tag(takes_context=True)
def result_url(context, search_log, result, position):
    """Where a result links: the signed click-counting URL when the search was logged
    (search/clicks.py), else the result itself."""
    if search_log is not None:
        return click_url(search_log.pk, result.pk, position)
    return registry.source().url(result, context.get("request"))
