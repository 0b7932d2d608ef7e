/* Search suggestions for every search box with a data-autocomplete URL.

   Progressive enhancement: without this script the box is a plain form that submits to its page.
   With it, typing two or more characters asks the URL (?q=…, answered with
   {suggestions: [{label, kind: "title"|"tag", url}]}) and shows the answers as an ARIA 1.2
   combobox with a listbox popup: arrow keys move through the suggestions
   (aria-activedescendant), Enter opens the chosen one, Escape closes the list, and a status
   region says how many there are. A title opens its resource; a tag searches for that tag on the
   page the form submits to. Enter with no suggestion chosen submits the form as usual. */

(function () {
    "use strict";

    var DEBOUNCE_MS = 150;
    var MIN_CHARS = 2;
    var counter = 0;

    function Autocomplete(input) {
        counter += 1;
        this.input = input;
        this.form = input.form;
        this.url = input.getAttribute("data-autocomplete");
        this.suggestions = [];
        this.active = -1;
        this.timer = null;
        this.request = null;
        this.lastQuery = "";

        var id = "autocomplete-" + counter;
        var anchor = input.parentNode;
        anchor.classList.add("autocomplete-anchor");

        this.listbox = document.createElement("ul");
        this.listbox.id = id;
        this.listbox.className = "autocomplete";
        this.listbox.setAttribute("role", "listbox");
        this.listbox.setAttribute("aria-label", "Suggestions");
        this.listbox.hidden = true;

        this.status = document.createElement("div");
        this.status.className = "visually-hidden";
        this.status.setAttribute("role", "status");

        anchor.appendChild(this.listbox);
        anchor.appendChild(this.status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", id);
        input.setAttribute("autocomplete", "off");

        input.addEventListener("input", this.onInput.bind(this));
        input.addEventListener("keydown", this.onKeydown.bind(this));
        input.addEventListener("blur", this.onBlur.bind(this));
        // mousedown, not click: choosing must not first blur the input, which closes the list.
        this.listbox.addEventListener("mousedown", this.onMousedown.bind(this));
    }

    Autocomplete.prototype.onInput = function () {
        var self = this;
        window.clearTimeout(this.timer);
        var query = this.input.value.trim();
        if (query.length < MIN_CHARS) {
            this.lastQuery = "";
            this.suggestions = [];
            this.status.textContent = "";
            this.close();
            return;
        }
        this.timer = window.setTimeout(function () {
            self.fetch(query);
        }, DEBOUNCE_MS);
    };

    Autocomplete.prototype.fetch = function (query) {
        var self = this;
        if (query === this.lastQuery && this.suggestions.length) {
            this.open();
            return;
        }
        if (this.request && this.request.abort) {
            this.request.abort();
        }
        var controller = window.AbortController ? new AbortController() : null;
        this.request = controller;
        var separator = this.url.indexOf("?") === -1 ? "?" : "&";
        window.fetch(this.url + separator + "q=" + encodeURIComponent(query), {
            headers: { Accept: "application/json" },
            credentials: "same-origin",
            signal: controller ? controller.signal : undefined,
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("Suggestions answered " + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                // Answers can arrive out of order: show only the one for what is typed now.
                if (self.input.value.trim() !== query) {
                    return;
                }
                self.lastQuery = query;
                self.render((data && data.suggestions) || [], query);
            })
            .catch(function () {
                // Suggestions are a convenience: on any failure the plain search still works.
                if (self.input.value.trim() === query) {
                    self.close();
                }
            });
    };

    Autocomplete.prototype.render = function (suggestions, query) {
        this.suggestions = suggestions;
        this.active = -1;
        this.input.removeAttribute("aria-activedescendant");
        this.listbox.textContent = "";
        if (!suggestions.length) {
            this.close();
            this.status.textContent = "No suggestions. Press Enter to search.";
            return;
        }
        for (var index = 0; index < suggestions.length; index++) {
            this.listbox.appendChild(this.option(suggestions[index], index, query));
        }
        this.open();
        this.status.textContent =
            suggestions.length +
            (suggestions.length === 1 ? " suggestion" : " suggestions") +
            ". Use the up and down arrow keys to choose, then Enter.";
    };

    Autocomplete.prototype.option = function (suggestion, index, query) {
        var item = document.createElement("li");
        item.id = this.listbox.id + "-" + index;
        item.className = "autocomplete__option autocomplete__option--" + (suggestion.kind === "tag" ? "tag" : "title");
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-index", String(index));

        if (suggestion.kind === "tag") {
            var kind = document.createElement("span");
            kind.className = "autocomplete__kind";
            kind.textContent = "Tag";
            item.appendChild(kind);
            item.appendChild(document.createTextNode(" "));
        }
        var label = document.createElement("span");
        label.className = "autocomplete__label";
        // The typed text in bold, built from text nodes: labels are never parsed as HTML.
        var text = suggestion.label || "";
        var at = text.toLowerCase().indexOf(query.toLowerCase());
        if (at === -1) {
            label.textContent = text;
        } else {
            var strong = document.createElement("strong");
            strong.textContent = text.slice(at, at + query.length);
            label.appendChild(document.createTextNode(text.slice(0, at)));
            label.appendChild(strong);
            label.appendChild(document.createTextNode(text.slice(at + query.length)));
        }
        item.appendChild(label);
        return item;
    };

    Autocomplete.prototype.open = function () {
        if (!this.suggestions.length) {
            return;
        }
        this.listbox.hidden = false;
        this.input.setAttribute("aria-expanded", "true");
    };

    Autocomplete.prototype.close = function () {
        this.listbox.hidden = true;
        this.input.setAttribute("aria-expanded", "false");
        this.input.removeAttribute("aria-activedescendant");
        this.setActive(-1);
    };

    Autocomplete.prototype.isOpen = function () {
        return !this.listbox.hidden;
    };

    Autocomplete.prototype.setActive = function (index) {
        var options = this.listbox.children;
        for (var i = 0; i < options.length; i++) {
            var selected = i === index;
            options[i].setAttribute("aria-selected", selected ? "true" : "false");
            options[i].classList.toggle("is-active", selected);
        }
        this.active = index;
        if (index >= 0 && options[index]) {
            this.input.setAttribute("aria-activedescendant", options[index].id);
            if (options[index].scrollIntoView) {
                options[index].scrollIntoView({ block: "nearest" });
            }
        } else {
            this.input.removeAttribute("aria-activedescendant");
        }
    };

    Autocomplete.prototype.move = function (step) {
        if (!this.isOpen()) {
            this.open();
            if (!this.isOpen()) {
                return;
            }
        }
        var count = this.suggestions.length;
        // From the input, Down goes to the first and Up to the last; past either end, back to the input.
        var next = this.active + step;
        if (this.active === -1 && step < 0) {
            next = count - 1;
        } else if (next < -1 || next >= count) {
            next = -1;
        }
        this.setActive(next);
    };

    Autocomplete.prototype.onKeydown = function (event) {
        switch (event.key) {
            case "ArrowDown":
            case "Down":
                if (this.suggestions.length) {
                    event.preventDefault();
                    this.move(event.altKey ? 0 : 1);
                }
                break;
            case "ArrowUp":
            case "Up":
                if (this.isOpen()) {
                    event.preventDefault();
                    this.move(-1);
                }
                break;
            case "Enter":
                if (this.isOpen() && this.active >= 0) {
                    event.preventDefault();
                    this.choose(this.suggestions[this.active]);
                }
                break;
            case "Escape":
            case "Esc":
                if (this.isOpen()) {
                    event.preventDefault();
                    this.close();
                }
                break;
            case "Tab":
                this.close();
                break;
            default:
                break;
        }
    };

    Autocomplete.prototype.onBlur = function () {
        this.close();
    };

    Autocomplete.prototype.onMousedown = function (event) {
        var option = event.target.closest ? event.target.closest("[role=option]") : null;
        if (!option) {
            return;
        }
        event.preventDefault();
        this.choose(this.suggestions[Number(option.getAttribute("data-index"))]);
    };

    Autocomplete.prototype.choose = function (suggestion) {
        if (!suggestion) {
            return;
        }
        this.close();
        if (suggestion.kind === "title" && suggestion.url) {
            window.location.assign(suggestion.url);
            return;
        }
        // A tag: the results of the page this form searches, filtered by that tag.
        this.input.value = "";
        var action = this.form ? this.form.getAttribute("action") || window.location.pathname : window.location.pathname;
        window.location.assign(action.split("?")[0] + "?tag=" + encodeURIComponent(suggestion.label));
    };

    function start() {
        if (!window.fetch) {
            return;
        }
        var inputs = document.querySelectorAll("input[data-autocomplete]");
        for (var i = 0; i < inputs.length; i++) {
            if (inputs[i].form) {
                new Autocomplete(inputs[i]);
            }
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
