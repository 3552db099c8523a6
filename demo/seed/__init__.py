"""Demo content, one module per section; ``seed_demo`` runs STEPS in order.

Every step is idempotent: it looks things up by a stable key (username, slug, name) and only
creates what is missing, so running the command twice leaves the same data.
"""

from collections.abc import Callable

from demo.seed import (
    comments,
    menus,
    pages,
    policy,
    search,
    stories,
    topics,
    translations,
    users,
    workflow,
)

SeedStep = Callable[["users.SeedContext"], None]

STEPS: list[SeedStep] = [
    users.seed,
    pages.seed,
    policy.seed,
    search.seed,
    # Before the stories and videos, which are filed under its topics.
    topics.seed,
    stories.seed,
    # After the pages it ticks "Show in menus" on (a no-op for pages the demo just created).
    menus.seed,
    # After stories and policy, before translations (which copy the reviewed-by line): consent
    # states, past clinical reviews and the review inbox.
    workflow.seed,
    # Last: Spanish versions of the English pages every step above created.
    translations.seed,
    # After the stories exist in both languages: readers' comments on them (no pages created).
    comments.seed,
]
