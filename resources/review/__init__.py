"""Contribution review: the screening of a submitted revision, the workflow's setup, notifications
and where each contribution stands. The workflow's task models live in ``resources.models.review``."""
