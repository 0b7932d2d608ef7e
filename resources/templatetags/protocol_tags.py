"""``{% protocol_flags page %}``: a protocol's currency flags on a card or a search result
(resources/protocol_flags.py); nothing for other resources or a current protocol."""

from django import template

from ..protocol_flags import currency_of

register = template.Library()


@register.inclusion_tag("resources/protocol_flags.html", takes_context=True)
def protocol_flags(context, page):
    return {"currency": currency_of(page, context.get("request"))}
