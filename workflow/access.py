"""Who sees consent matters in full, checked one way: a permission, never a group name.

The permission is the one that opens the consent records in the admin, *Can view consent
record* (``workflow.view_consentrecord``): Clinical reviewers and Communications get it by data
migration (0005), administrators (superusers) hold every permission, Authors do not. Whoever may
open the records sees them in full wherever else they appear too: the story's *Consent* tab,
the consent chooser, the storyteller-link page, and the whole of a never-published page when
comparing revisions. Everyone else sees a record only by its label ("CR-00012 · Valid · …").
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

CONSENT_DETAILS_PERMISSION = "workflow.view_consentrecord"


def may_see_consent_details(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Active users holding the permission, directly or through a group; superusers."""
    return user.has_perm(CONSENT_DETAILS_PERMISSION)
