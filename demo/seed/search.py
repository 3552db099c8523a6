"""Promoted search results: the social-media policy comes first for the words readers use.

No description is stored, so each reader sees the summary of the policy in their own language
(the search page shows the reader's translation of a promoted page).
"""

from __future__ import annotations

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from policy.models import PolicyPage

from .users import SeedContext

POLICY_SLUG = "social-media"
PROMOTED_WORDS = ["social media", "policy", "redes sociales", "política"]


def seed(context: SeedContext) -> None:
    policy = PolicyPage.objects.filter(locale__language_code="en", slug=POLICY_SLUG).first()
    if policy is None:
        context.say("search promotions: no policy page to promote")
        return
    for words in PROMOTED_WORDS:
        query = Query.get(words)
        _promotion, created = SearchPromotion.objects.get_or_create(
            query=query, page=policy, defaults={"sort_order": 0}
        )
        context.say(f"search promotion {words!r}: {'created' if created else 'unchanged'}")
