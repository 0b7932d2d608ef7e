/* Results pages (/search/ and the library), progressively enhanced.

   1. Forms marked data-autosubmit (the filters and the sort order) reload the list as soon as a
      box is ticked or an order chosen, so their buttons (data-autosubmit-button) are hidden;
      without this script the buttons do the same. After the reload, focus returns to the control
      that was changed, so keyboard and screen-reader users keep their place.
   2. On narrow screens the filters fold away behind a "Show filters" button (a disclosure:
      aria-expanded, aria-controls), so the results are not pushed below a long list of boxes.
      Wide screens always show them beside the results (see commons.css).
   Hints marked .js-only say what the script does; they stay hidden without it. */

(function () {
    "use strict";

    var KEY = "commons-autosubmit-focus";

    function remember(control) {
        try {
            window.sessionStorage.setItem(KEY, JSON.stringify({
                path: window.location.pathname,
                name: control.name,
                value: control.type === "checkbox" ? control.value : null,
            }));
        } catch (error) {
            // Storage may be unavailable: the list still reloads, with focus at the top.
        }
    }

    function savedFocus() {
        try {
            var saved = JSON.parse(window.sessionStorage.getItem(KEY) || "null");
            window.sessionStorage.removeItem(KEY);
            return saved && saved.path === window.location.pathname ? saved : null;
        } catch (error) {
            return null;
        }
    }

    function findControl(saved) {
        var controls = document.querySelectorAll("form[data-autosubmit] [name]");
        for (var i = 0; i < controls.length; i++) {
            var control = controls[i];
            if (control.name === saved.name && control.type !== "hidden" && (saved.value === null || control.value === saved.value)) {
                return control;
            }
        }
        return null;
    }

    function autosubmit() {
        var forms = document.querySelectorAll("form[data-autosubmit]");
        for (var i = 0; i < forms.length; i++) {
            var buttons = forms[i].querySelectorAll("[data-autosubmit-button]");
            for (var b = 0; b < buttons.length; b++) {
                buttons[b].hidden = true;
            }
            forms[i].addEventListener("change", function (event) {
                var control = event.target;
                if (!control.name || control.type === "hidden" || !control.form) {
                    return;
                }
                remember(control);
                if (control.form.requestSubmit) {
                    control.form.requestSubmit();
                } else {
                    control.form.submit();
                }
            });
        }
    }

    function foldingFilters(panel) {
        var body = panel.querySelector(".facets__body");
        var heading = panel.querySelector("h2");
        if (!body || !heading) {
            return null;
        }
        var chosen = panel.querySelectorAll("input[type=checkbox]:checked").length;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--secondary facets__toggle";
        button.setAttribute("aria-controls", body.id);

        function set(expanded) {
            button.setAttribute("aria-expanded", expanded ? "true" : "false");
            button.textContent = (expanded ? "Hide filters" : "Show filters") + (chosen ? " (" + chosen + " chosen)" : "");
            panel.classList.toggle("is-collapsed", !expanded);
        }

        button.addEventListener("click", function () {
            set(button.getAttribute("aria-expanded") !== "true");
        });
        heading.insertAdjacentElement("afterend", button);
        set(false);
        return { expand: function () { set(true); }, body: body };
    }

    function start() {
        autosubmit();

        var hints = document.querySelectorAll(".js-only");
        for (var h = 0; h < hints.length; h++) {
            hints[h].hidden = false;
        }

        var panel = document.querySelector("[data-facets]");
        var filters = panel ? foldingFilters(panel) : null;

        var saved = savedFocus();
        var control = saved ? findControl(saved) : null;
        if (control) {
            if (filters && filters.body.contains(control)) {
                filters.expand();
            }
            control.focus();
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
