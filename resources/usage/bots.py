"""Which requests are not a person looking at a resource, and so are not counted.

Read from the request's headers only; nothing of them is kept. The rules, in the order they are
asked (docs/usage.md lists them for operators):

1. Not a GET or POST: a HEAD asks whether a file is there (link checkers, download managers).
2. A prefetch or a preview: the browser fetched the page in case it is opened (``Sec-Purpose:
   prefetch``, including prerendering, ``Purpose: prefetch``, Firefox's ``X-Moz: prefetch``) or
   for a thumbnail (Safari's ``X-Purpose: preview``). A prerendered page that is then opened
   sends its beacon after it is shown, without these headers, and is counted then.
3. A download of the file's middle: a ``Range`` that does not start at its first byte is a
   resumed or parallel download, already counted by its first part.
4. No ``User-Agent`` at all: every browser sends one; scripts often do not.
5. A ``User-Agent`` naming a robot (``ROBOT_WORDS``): search engines and AI crawlers, link
   checkers and uptime monitors, the link previews of chat and social apps, feed readers,
   headless and automated browsers, and the HTTP libraries scripts are written with.

A browser under automation (``navigator.webdriver``) never sends the view beacon at all
(commons_site/static/js/usage.js), and most crawlers run no script, so views are already spared
most robots; downloads, served to anything that asks, rely on these rules alone.
"""

import re

# Words found in the User-Agent of robots and never in a person's browser. Generic words first
# (they catch most), then the names of well-known robots that carry none of them.
ROBOT_WORDS = (
    # generic
    "bot", "crawl", "spider", "slurp", "scrape", "fetch", "archiv", "index", "scan", "monitor", "check",
    "validator", "preview", "headless", "phantomjs", "lighthouse", "pagespeed", "ptst",
    # link previews of chat and social apps
    "facebookexternalhit", "facebookcatalog", "meta-externalagent", "embedly", "quora link preview",
    "pinterest", "vkshare", "whatsapp", "skypeuripreview", "slack-imgproxy", "iframely", "outbrain",
    # search engines, archives and AI crawlers without "bot" or "crawl" in their name
    "mediapartners-google", "adsbot", "google-inspectiontool", "googleother", "ia_archiver", "yandex",
    "baiduspider", "sogou", "seznam", "qwantify", "bytespider", "ccbot", "anthropic-ai", "perplexity",
    "cohere-ai", "diffbot", "nutch", "heritrix",
    # uptime and link checkers
    "pingdom", "uptime", "statuscake", "site24x7", "nagios", "zabbix", "w3c_", "linkchecker",
    # feed readers
    "feedly", "feedburner", "newsblur", "inoreader", "rss",
    # HTTP libraries and command-line tools
    "curl/", "wget/", "python-requests", "python-urllib", "python-httpx", "aiohttp", "httpie",
    "go-http-client", "java/", "okhttp", "apache-httpclient", "libwww-perl", "node-fetch", "axios/",
    "undici", "guzzlehttp", "ruby", "postmanruntime", "insomnia", "winhttp", "powershell",
    # automated browsers
    "selenium", "webdriver", "puppeteer", "playwright", "cypress",
)
ROBOT_PATTERN = re.compile("|".join(re.escape(word) for word in ROBOT_WORDS), re.IGNORECASE)

PREFETCH_HEADERS = {
    "HTTP_SEC_PURPOSE": "prefetch",  # "prefetch", "prefetch;prerender"
    "HTTP_PURPOSE": "prefetch",
    "HTTP_X_MOZ": "prefetch",
    "HTTP_X_PURPOSE": "preview",
}


def is_robot_agent(user_agent):
    """Whether this User-Agent is a robot's (an empty one is)."""
    return not user_agent.strip() or ROBOT_PATTERN.search(user_agent) is not None


def _prefetched(request):
    return any(word in request.META.get(header, "").lower() for header, word in PREFETCH_HEADERS.items())


def _resumed(request):
    # "bytes=0-" and "bytes=0-1023" start at the beginning; anything else is a later part.
    ranges = request.META.get("HTTP_RANGE", "").replace(" ", "").lower()
    return bool(ranges) and not ranges.startswith("bytes=0-")


def why_not_counted(request):
    """The rule that leaves this request out (see the module), or "" when it is counted."""
    if request.method not in ("GET", "POST"):
        return "method"
    if _prefetched(request):
        return "prefetch"
    if _resumed(request):
        return "range"
    if is_robot_agent(request.META.get("HTTP_USER_AGENT", "")):
        return "robot"
    return ""
