from django import template

from ..clicks import click_url

register = template.Library()


@register.simple_tag
def search_click_url(search_log, page, position):
    """The signed click-counting URL of a result shown for ``search_log`` (search/clicks.py)."""
    return click_url(search_log.pk, page.pk, position)
