"""The ``WAGTAIL_FINISH_WORKFLOW_ACTION`` entry point.

Wagtail imports this setting while ``wagtail.models`` itself is still loading, so this module
imports nothing at load time and hands over to :mod:`workflow.publishing` when called.
"""

from __future__ import annotations

from typing import Any


def publish_approved_revision(workflow_state: Any, user: Any = None) -> None:
    """Publish what both review stages approved (see ``workflow.publishing``)."""
    from workflow.publishing import publish_approved_revision as publish

    publish(workflow_state, user=user)
