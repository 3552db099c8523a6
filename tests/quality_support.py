"""The public pages of the seeded demo, found in the database, for the quality checks.

The HTML checks (``test_quality_html.py``), the naughty-string checks and the browser checks
(``tests/e2e/``) all need the same list: every kind of page a reader can reach, in each
language, with a real address taken from the demo content rather than a hard-coded slug, so
the checks follow the demo when its stories change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from wagtail.models import Page

LANGUAGES = ("en", "es")

# Every kind of public page the brief names; each must exist in both languages.
PAGE_KINDS = (
    "home",
    "story index",
    "story index, filtered",
    "story index, unknown topic",
    "story",
    "video index",
    "video",
    "policy",
    "policy, earlier version",
    "policy, changes",
    "search, with results",
    "search, similar words",
    "search, no results",
    "not found",
)

# A policy's history is its published revisions, and a translation is a page with its own
# revisions: translated when the policy was at 2.0, it has no earlier version in that language.
HISTORY_KINDS = ("policy, earlier version", "policy, changes")

# Every (language, kind) a translated demo must have: the history kinds in the original only.
EXPECTED_PAGES = tuple(
    (language, kind)
    for language in LANGUAGES
    for kind in PAGE_KINDS
    if language == LANGUAGES[0] or kind not in HISTORY_KINDS
)

NO_RESULTS_QUERY = "qzxv"


@dataclass(frozen=True)
class PublicPage:
    """One address to check, with the status it must answer and what it is."""

    kind: str
    path: str
    status: int = 200
    # Text the page must show, so "search, with results" really has results.
    expect_text: str = ""
    page_id: int | None = None


def _live(language: str):
    return Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)


def _first(language: str, model_name: str) -> Page | None:
    """The first live page of a type in a language (tree order), as its specific class."""
    page = _live(language).filter(content_type__model=model_name).order_by("path").first()
    return page.specific if page else None


def _search_word(title: str) -> str:
    """The longest word of a title: specific enough to find that page."""
    return max(re.findall(r"\w+", title), key=len)


def _feature_story(language: str) -> Page | None:
    """A story with a video block when the demo has one, so the facade is checked in a story."""
    stories = [
        page.specific
        for page in _live(language).filter(content_type__model="storypage").order_by("path")
    ]
    with_video = [story for story in stories if getattr(story, "has_video", False)]
    return (with_video or stories or [None])[0]


def policy_versions(policy: Page, request=None) -> list[PublicPage]:
    """Every earlier version of a policy, and every version's "what changed" page."""
    pages = []
    history = list(policy.published_history)
    for index, entry in enumerate(history):
        if entry.version != policy.version:
            pages.append(
                PublicPage("policy, earlier version", policy.version_url(entry.version, request))
            )
        if index > 0:
            pages.append(PublicPage("policy, changes", policy.changes_url(entry.version, request)))
    return pages


def public_pages(language: str, *, every_page: bool = True) -> list[PublicPage]:
    """The public addresses of the demo in one language.

    ``every_page`` lists every live page (all stories, all videos…); otherwise one address of
    each kind, which is what a slower check (the browser) visits.
    """
    found: list[PublicPage] = []
    live = _live(language).order_by("path")
    kinds = {
        "homepage": "home",
        "storyindexpage": "story index",
        "storypage": "story",
        "videoindexpage": "video index",
        "videopage": "video",
        "policypage": "policy",
        "policyindexpage": "policy index",
    }
    if every_page:
        for page in live.select_related("content_type"):
            kind = kinds.get(page.content_type.model, page.content_type.model)
            found.append(PublicPage(kind, page.url, page_id=page.pk))
    else:
        for model_name in ("homepage", "storyindexpage", "videoindexpage", "videopage"):
            page = _first(language, model_name)
            if page:
                found.append(PublicPage(kinds[model_name], page.url))
        story = _feature_story(language)
        if story:
            found.append(PublicPage("story", story.url, page_id=story.pk))

    index = _first(language, "storyindexpage")
    story = _feature_story(language)
    if index and story:
        tag = story.tags.order_by("slug").first()
        query = f"?storyteller={story.storyteller_type}" + (f"&tag={tag.slug}" if tag else "")
        found.append(PublicPage("story index, filtered", index.url + query, 200, story.title))
    if index:
        unknown = f"{index.url}?tag=qa-no-such-topic"
        found.append(PublicPage("story index, unknown topic", unknown, 404))

    policy = _first(language, "policypage")
    if policy:
        if not every_page:
            found.append(PublicPage("policy", policy.url))
        versions = policy_versions(policy)
        if not every_page:
            versions = [
                next((p for p in versions if p.kind == kind), None)
                for kind in ("policy, earlier version", "policy, changes")
            ]
        found.extend(page for page in versions if page)

    search = f"/{language}/search/"
    if story:
        found.append(
            PublicPage(
                "search, with results", f"{search}?q={_search_word(story.title)}", 200, story.title
            )
        )
    if story:
        word = _search_word(story.title)
        misspelt = f"{search}?q={word[0]}{word}"  # "kknee": found only as a similar word
        similar = story.title if connection.vendor == "postgresql" else ""  # none on SQLite
        found.append(PublicPage("search, similar words", misspelt, 200, similar))
    found.append(PublicPage("search, no results", f"{search}?q={NO_RESULTS_QUERY}"))
    found.append(PublicPage("not found", f"/{language}/qa-no-such-page/", 404))
    return found


def missing_kinds(pages: list[PublicPage], language: str) -> list[str]:
    """The page kinds the brief names that this list lacks (e.g. an untranslated page).

    A translation may lack the policy history pages (see ``HISTORY_KINDS``).
    """
    present = {page.kind for page in pages}
    optional = HISTORY_KINDS if language != LANGUAGES[0] else ()
    return [kind for kind in PAGE_KINDS if kind not in present and kind not in optional]


def refuse_unless_test_database() -> None:
    """Stop before seeding a real database: pytest-django only swaps in the test database for
    a session in which some test is marked ``django_db``."""
    name = str(connection.settings_dict["NAME"])
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if not (in_memory or name.startswith("test_")):
        raise RuntimeError(f"refusing to seed {name}: not a test database")
