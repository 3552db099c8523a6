"""Readers' comments on the demo stories: the range a moderator meets in a normal week.

Approved comments (grateful, questioning, one critical but fair, answered by the hospital), a
few waiting for moderation — one with personal details the pre-screen flags — and one spam.
Idempotent: each comment is looked up by story, name and text, and only created when missing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from comments.models import Comment, page_accepts_comments
from comments.prescreen import identifier_kinds
from comments.replies import hospital_name

from .users import SeedContext

APPROVED = Comment.Status.APPROVED
PENDING = Comment.Status.PENDING
SPAM = Comment.Status.SPAM


@dataclass(frozen=True)
class DemoComment:
    slug: str
    name: str
    body: str
    status: str
    days_ago: float
    language: str = "en"


DEMO_COMMENTS: tuple[DemoComment, ...] = (
    DemoComment(
        "the-night-my-heart-skipped",
        "Margaret",
        "Thank you for writing this, Tomás. My mother was told she has AF last spring and "
        "“a bird trapped inside” is exactly how she described it. It helps to know other "
        "people have been through the same thing.",
        APPROVED,
        3.5,
    ),
    DemoComment(
        "the-night-my-heart-skipped",
        "Dev",
        "Decaf is the real hero of this story. Glad you are back at the football.",
        APPROVED,
        2.2,
    ),
    DemoComment(
        "our-sons-first-year",
        "Hannah",
        "Leo's story made me cry on the bus. Our daughter was born at 31 weeks in this unit "
        "and the nurses taught us to hold her through the incubator doors. Thank you.",
        APPROVED,
        6,
    ),
    DemoComment(
        "twelve-hours-on-the-night-shift",
        "Paul R.",
        "I don't doubt that the night staff work very hard. But when my father was on a ward "
        "last winter, we waited forty minutes for a call bell to be answered, more than once. "
        "Stories like this are good to read; I would also like to read what the hospital is "
        "doing about staffing at night.",
        APPROVED,
        5,
    ),
    DemoComment(
        "walking-again-after-a-knee-replacement",
        "Irene",
        "How long was the wait between seeing the surgeon and the operation? Is there "
        "somewhere on the website that shows current waiting times?",
        APPROVED,
        1.5,
    ),
    DemoComment(
        "preparing-for-your-mri-scan",
        "Sofia",
        "Very clear, thank you. Can you ask for an appointment at a quieter time of day? "
        "My son finds busy waiting rooms hard.",
        APPROVED,
        2,
    ),
    DemoComment(
        "the-night-my-heart-skipped",
        "Carmen",
        "Gracias por contar su historia, Tomás. A mi padre le pasó lo mismo y el equipo de "
        "cardiología también nos lo explicó todo con mucha paciencia.",
        APPROVED,
        1.2,
        language="es",
    ),
    DemoComment(
        "why-i-push-the-library-cart",
        "Ruth",
        "My husband looked forward to the library cart all week when he was in. Does it still "
        "come to the cardiac ward?",
        APPROVED,
        2.5,
    ),
    DemoComment(
        "why-i-push-the-library-cart",
        "George",
        "Do you need more volunteers? I am retired, I love books and I live ten minutes away.",
        PENDING,
        0.4,
    ),
    DemoComment(
        "my-fathers-last-weeks",
        "Lucia",
        "My aunt Rosa was on the same ward, born 14/02/1941, hospital number RX448812. Could "
        "somebody from the ward call me on 07700 900456 to tell me how she is doing?",
        PENDING,
        0.2,
    ),
    DemoComment(
        "living-with-diabetes-with-a-little-help",
        "Marek",
        "My sugar readings have been over 15 every morning this week even though I take my "
        "tablets. Should I double the dose?",
        PENDING,
        0.1,
    ),
    DemoComment(
        "the-evening-before-surgery",
        "Best Pharmacy Deals",
        "Cheap meds online without prescription!!! Visit http://cheap-pills.example/ today.",
        SPAM,
        1,
    ),
)


# The hospital's official replies: (story slug, commenter's name, reply, days ago).
DEMO_REPLIES: tuple[tuple[str, str, str, float], ...] = (
    (
        "twelve-hours-on-the-night-shift",
        "Paul R.",
        "Thank you for telling us, Paul, and we are sorry your father waited. Since January "
        "every ward has a second nurse on call at night, and call-bell times are reviewed "
        "each month by the matrons. We will publish those figures on this site.",
        4,
    ),
    (
        "why-i-push-the-library-cart",
        "Ruth",
        "Thank you, Ruth. Yes: the cart visits the cardiac ward every Tuesday and Friday, and "
        "the volunteers can bring large-print books and audiobooks on request.",
        2,
    ),
)


def _seed_replies(moderator, now) -> int:
    """The hospital's replies, published as a clean reply is (no pre-screen finding)."""
    created = 0
    for slug, commenter, body, days_ago in DEMO_REPLIES:
        parent = Comment.objects.filter(
            page__slug=slug, page__locale__language_code="en", name=commenter, status=APPROVED
        ).first()
        if parent is None:
            continue
        posted_at = now - datetime.timedelta(days=days_ago)
        _reply, was_created = Comment.objects.get_or_create(
            page_id=parent.page_id,
            reply_to=parent,
            body=body,
            defaults={
                "name": hospital_name(),
                "status": APPROVED,
                "created_at": posted_at,
                "written_by": moderator,
                "moderated_by": moderator,
                "moderated_at": posted_at,
                "flagged_identifiers": identifier_kinds(body),
            },
        )
        created += was_created
    return created


def _page(slug: str, language: str) -> Page | None:
    """The live page in ``language`` whose English original has this slug.

    Translations may have slugs of their own (the Spanish stories do), so the page is found
    through its translation key rather than its slug.
    """
    originals = Page.objects.filter(slug=slug, locale__language_code="en").values("translation_key")
    page = (
        Page.objects.live()
        .filter(translation_key__in=originals, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    return page if page is not None and page_accepts_comments(page) else None


def seed(context: SeedContext) -> None:
    moderator = get_user_model().objects.filter(username="comms").first()
    now = timezone.now()
    created = 0
    for item in DEMO_COMMENTS:
        page = _page(item.slug, item.language)
        if page is None:
            context.say(f"comments: no live page '{item.slug}' ({item.language}), skipped")
            continue
        posted_at = now - datetime.timedelta(days=item.days_ago)
        moderated = item.status != PENDING
        _comment, was_created = Comment.objects.get_or_create(
            page=page,
            name=item.name,
            body=item.body,
            defaults={
                "status": item.status,
                "created_at": posted_at,
                "flagged_identifiers": identifier_kinds(f"{item.name}\n{item.body}"),
                "rejection_reason": Comment.RejectionReason.SPAM if item.status == SPAM else "",
                "moderated_by": moderator if moderated else None,
                "moderated_at": posted_at + datetime.timedelta(hours=3) if moderated else None,
            },
        )
        created += was_created
    replies = _seed_replies(moderator, now)
    context.say(f"comments: {created} created, {replies} hospital replies")
