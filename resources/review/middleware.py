"""Shows a refused approval or publish (``resources.review.guards.Refused``) as a message.

The guards live in the models, where every route meets; the routes are Wagtail's views, which
do not expect them. This turns the refusal into what a person can act on: the reason, as an
error message, on the page's editor (or, from the workflow's modal, the modal's redirect there).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.modal_workflow import render_modal_workflow

from .guards import Refused


class RefusalMessageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Refused):
            return None
        messages.error(request, exception.message)
        if exception.page is not None:
            url = reverse("wagtailadmin_pages:edit", args=[exception.page.pk])
        else:
            url = reverse("wagtailadmin_home")
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return render_modal_workflow(request, "", None, {}, json_data={"step": "success", "redirect": url})
        return redirect(url)
