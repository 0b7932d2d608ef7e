"""The network's four roles, as the names of their Django groups.

Participants create resources and edit their own drafts but cannot publish; reviewers may edit
any resource to review it; editors publish, curate collections and manage vocabularies and the
people directory; network admins run everything, users included.

Only the names live here, with the people they describe. What each role may do is granted on the
pages, files and models it acts on, by the app that owns them: ``resources/roles.py`` (after
every migrate, in ``load_demo`` and by ``manage.py setup_roles``). Code that decides what someone
may do asks for a permission, never for one of these names.
"""

PARTICIPANTS = "Participants"
REVIEWERS = "Reviewers"
EDITORS = "Editors"
NETWORK_ADMINS = "Network admins"
ROLE_GROUPS = [PARTICIPANTS, REVIEWERS, EDITORS, NETWORK_ADMINS]
