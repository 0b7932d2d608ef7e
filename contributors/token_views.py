"""The signed-in member's page of personal API tokens (/my/tokens/): make one (its secret shown
once, on the answer to the form, never stored nor put in a message cookie), see them, revoke one."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .models import PersonalToken
from .tokens import create_token, revoke

# More than anyone needs for their scripts; a cap keeps a runaway script from making thousands.
MAX_ACTIVE_TOKENS = 20


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label="What the token is for",
        help_text="A name that tells you later where it is used, e.g. “Team dashboard” or “Registry export”.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        if PersonalToken.objects.active().filter(user=self.user).count() >= MAX_ACTIVE_TOKENS:
            raise forms.ValidationError(
                f"You already have {MAX_ACTIVE_TOKENS} tokens in use. Revoke one you no longer need first."
            )
        return super().clean()


def _page(request, form, secret=None, created=None, status=200):
    tokens = PersonalToken.objects.filter(user=request.user)
    context = {"form": form, "tokens": tokens, "secret": secret, "created": created}
    return render(request, "contributors/tokens.html", context, status=status)


@login_required
def tokens(request):
    if request.method != "POST":
        return _page(request, TokenForm(user=request.user))
    form = TokenForm(request.POST, user=request.user)
    if not form.is_valid():
        return _page(request, form, status=400)
    token, secret = create_token(request.user, form.cleaned_data["name"])
    # Answered here rather than redirected: the secret must not travel in a session or cookie.
    return _page(request, TokenForm(user=request.user), secret=secret, created=token, status=201)


@login_required
@require_POST
def revoke_token(request, token_id):
    token = get_object_or_404(PersonalToken, pk=token_id, user=request.user)
    revoke(token)
    messages.success(request, f"“{token.name}” is revoked: anything using it can no longer reach the API.")
    return redirect("personal_tokens")
