/* Counts one view of the page it is loaded on (docs/usage.md).

   The page names what it shows in data attributes of one element:
     data-usage-url      where to send the count (/usage/views/)
     data-usage-page     the resource's id
     data-usage-release  the release's id, on a release page
   Once the page is shown to someone, a beacon (a small POST the browser sends on its own) carries
   those ids and nothing else. Nothing is stored in the browser, no cookie is set for it, and the
   page itself stays the same for everyone, so the site's page cache keeps serving it unchanged.

   Not sent by a browser under automation (navigator.webdriver), nor while a page is prerendered
   in case it is opened: then it is sent when the page is actually shown. */

(function () {
    "use strict";

    var marker = document.querySelector("[data-usage-page]");
    if (!marker || !navigator.sendBeacon || navigator.webdriver) {
        return;
    }

    function send() {
        var body = new URLSearchParams();
        body.append("page", marker.getAttribute("data-usage-page"));
        var release = marker.getAttribute("data-usage-release");
        if (release) {
            body.append("release", release);
        }
        navigator.sendBeacon(marker.getAttribute("data-usage-url"), body);
    }

    if (document.prerendering) {
        document.addEventListener("prerenderingchange", send, { once: true });
    } else {
        send();
    }
})();
