from wagtail import hooks

from .invitation_admin import InvitationViewSet


@hooks.register("register_admin_viewset")
def register_invitations():
    return InvitationViewSet()


@hooks.register("register_log_actions")
def invitation_log_actions(actions):
    actions.register_action("commons.invitation.revoke", "Revoke", "Invitation revoked")
    actions.register_action("commons.invitation.resend", "Resend", "Invitation sent again with a new link")
    actions.register_action("commons.invitation.accept", "Accept", "Invitation accepted: account made")
