/* The share form, enhanced:
   - only the fields of the chosen kind (tool, change package, protocol) are shown;
   - "Adapted from" suggests resource titles from the search autocomplete as you type;
   - the form is sent with XMLHttpRequest so that a progress bar shows the upload, and the answer
     (JSON: {redirect} or {form_html} with the errors) is applied without losing the page.
   Without this script every field shows and the form submits normally. */

(function () {
    "use strict";

    function showKindFields(form) {
        var checked = form.querySelector("[data-kind-choice]:checked");
        var kind = checked ? checked.value : "tool";
        form.querySelectorAll("[data-kind-only]").forEach(function (block) {
            block.hidden = block.getAttribute("data-kind-only") !== kind;
        });
    }

    function resourceFinder(input) {
        var list = document.getElementById(input.getAttribute("list"));
        var url = input.getAttribute("data-resource-finder");
        var timer = null;
        input.addEventListener("input", function () {
            clearTimeout(timer);
            var query = input.value.trim();
            if (query.length < 2) { return; }
            timer = setTimeout(function () {
                fetch(url + "?q=" + encodeURIComponent(query), {headers: {Accept: "application/json"}})
                    .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
                    .then(function (data) {
                        list.innerHTML = "";
                        data.suggestions.filter(function (s) { return s.kind === "title"; }).forEach(function (s) {
                            var option = document.createElement("option");
                            option.value = s.label;
                            list.appendChild(option);
                        });
                    })
                    .catch(function () { /* suggestions are a convenience; typing the title still works */ });
            }, 200);
        });
    }

    function sendWithProgress(form, submitter) {
        var data = new FormData(form);
        if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
        var progress = form.querySelector("[data-upload-progress]");
        var bar = progress.querySelector("progress");
        var percent = progress.querySelector("[data-upload-percent]");
        var buttons = form.querySelectorAll("button[type=submit]");
        buttons.forEach(function (button) { button.disabled = true; });
        progress.hidden = false;

        var request = new XMLHttpRequest();
        // getAttribute, not form.action: the submit buttons are named "action", and a form's
        // named controls shadow its properties (form.action would be those buttons).
        request.open("POST", form.getAttribute("action"));
        request.setRequestHeader("Accept", "application/json");
        request.upload.addEventListener("progress", function (event) {
            if (!event.lengthComputable) { return; }
            var value = Math.round(event.loaded / event.total * 100);
            bar.value = value;
            percent.textContent = value < 100 ? value + "%" : "Checking your files…";
        });
        request.addEventListener("load", function () {
            var answer = null;
            try { answer = JSON.parse(request.responseText); } catch (error) { answer = null; }
            if (answer && answer.redirect) {
                window.location.assign(answer.redirect);
            } else if (answer && answer.form_html) {
                var container = document.getElementById("share-form-container");
                container.innerHTML = answer.form_html;
                enhance(container.querySelector("[data-share-form]"));
                var errors = container.querySelector("[data-form-errors]");
                if (errors) { errors.focus(); }
            } else {
                fail(form, buttons, progress, "The server could not take the form (" + request.status + "). Try again, or send fewer or smaller files.");
            }
        });
        request.addEventListener("error", function () {
            fail(form, buttons, progress, "The connection was lost while sending. Nothing was saved: try again.");
        });
        request.send(data);
    }

    function fail(form, buttons, progress, message) {
        buttons.forEach(function (button) { button.disabled = false; });
        progress.querySelector("[data-upload-percent]").textContent = message;
    }

    function enhance(form) {
        if (!form) { return; }
        form.querySelectorAll("[data-kind-choice]").forEach(function (radio) {
            radio.addEventListener("change", function () { showKindFields(form); });
        });
        showKindFields(form);
        form.querySelectorAll("[data-resource-finder]").forEach(resourceFinder);
        form.addEventListener("submit", function (event) {
            if (!window.FormData || !window.XMLHttpRequest) { return; }
            event.preventDefault();
            sendWithProgress(form, event.submitter);
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        enhance(document.querySelector("[data-share-form]"));
    });
}());
