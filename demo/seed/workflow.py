"""The editorial workflow in the demo: consents in every state and a real review inbox.

Runs after the stories and the policy exist and before the Spanish translations are made (so
they copy the reviewed-by line). It gives the demo:
- consent records in each state: one story's consent still valid for two years, one expiring in
  ten days, one expired (``enforce_consent`` takes that story offline, as the hourly job would);
- the live pages' clinical review line, one story reviewed over a year ago so the
  "Stories due for clinical re-review" report has something to show;
- three stories in review: one awaiting clinical review, one awaiting Communications sign-off,
  one sent back to its author with a comment.

Idempotent: consents are changed only while still in the state the stories step left them,
review stories are created only when their slug is missing, and reviewed-by lines are written
only where empty (in place, without new revisions). Review emails are not sent while seeding.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page, Revision

from blog.models import StoryIndexPage, StoryPage
from workflow.consent_enforcement import enforce_consent
from workflow.models import ConsentRecord
from workflow.publishing import reviewable_page_models

from .consent_forms import signed_form_for
from .images import Artwork, get_or_create_image
from .pages import english_home
from .storyteller import approve_as_storyteller
from .users import SeedContext

EXPIRING_STORY = "my-fathers-last-weeks"
EXPIRED_STORY = "living-with-diabetes-with-a-little-help"
OVERDUE_REVIEW_STORY = "the-evening-before-surgery"
EXPIRING_IN_DAYS = 10
REVIEWER = "Samir Patel"


@dataclass(frozen=True)
class ReviewStory:
    slug: str
    title: str
    summary: str
    storyteller_type: str
    byline: str
    hero: Artwork
    hero_alt: str
    paragraphs: tuple[str, ...]
    stage: str  # "clinical", "signoff" or "rejected"
    consent_name: str = ""
    consent_signed: bool = True
    rejection: str = ""


REVIEW_STORIES = (
    ReviewStory(
        slug="breathing-again-after-pulmonary-rehab",
        title="Learning to breathe again after pulmonary rehab",
        summary=(
            "A former postman with COPD describes the eight-week rehabilitation class that "
            "gave him back the walk to the corner shop."
        ),
        storyteller_type="patient",
        byline="Walter, patient",
        hero=Artwork("Story: pulmonary rehab", (40, 90, 120), (170, 215, 230), "circles", 131),
        hero_alt="Abstract illustration: a steel blue to pale sky gradient with white circles.",
        paragraphs=(
            "By last winter I needed a rest halfway up the stairs. My GP referred me to the "
            "pulmonary rehabilitation class, twice a week in the hospital gym.",
            "The physiotherapist taught us to breathe out through pursed lips, slowly, while "
            "we walked. It sounds too simple to work. It works.",
            "Eight weeks later I walked to the corner shop and back without stopping. I still "
            "do the exercises every morning, in front of the radio.",
        ),
        stage="clinical",
        consent_name="Walter Brennan",
    ),
    ReviewStory(
        slug="a-day-with-the-hospital-pharmacists",
        title="A day with the hospital pharmacists",
        summary=(
            "Behind every prescription on the wards is a pharmacist checking doses, "
            "interactions and allergies. One of them shows us her day."
        ),
        storyteller_type="staff",
        byline="Aisha, ward pharmacist",
        hero=Artwork("Story: pharmacy", (30, 110, 90), (200, 235, 215), "blocks", 137),
        hero_alt="Abstract illustration: a teal to mint gradient with white rounded blocks.",
        paragraphs=(
            "My day starts at eight with the medicine charts of the patients admitted "
            "overnight. I check every new prescription against their allergies and their "
            "other medicines.",
            "Mid-morning I join the ward round. Doctors ask me about doses for children and "
            "for people whose kidneys are not working well.",
            "Before patients go home I sit with them and go through each medicine: what it is "
            "for, when to take it, and what to do if they miss a dose.",
        ),
        stage="signoff",
    ),
    ReviewStory(
        slug="visiting-hours-with-my-best-friend",
        title="Visiting hours with my best friend",
        summary=(
            "When her best friend spent a month on the stroke unit, a teacher came every "
            "evening after school. She writes about what helped them both."
        ),
        storyteller_type="friend",
        byline="Claire, friend of a patient",
        hero=Artwork("Story: visiting hours", (120, 80, 140), (235, 205, 230), "waves", 139),
        hero_alt="Abstract illustration: a plum to soft pink gradient with gentle white waves.",
        paragraphs=(
            "Grace could not speak for the first week. I brought a notebook and we wrote to "
            "each other, her with her left hand.",
            "Sister Okafor on the stroke unit showed me how to sit on Grace's good side so she "
            "could see me without turning her head.",
            "By the fourth week Grace was reading my notes aloud to me, slowly, and laughing "
            "at my handwriting.",
        ),
        stage="rejected",
        consent_name="Grace Obi",
        consent_signed=False,
        rejection=(
            "Grace's consent form is not signed yet, so this story cannot pass clinical review. "
            "The second paragraph also names Sister Okafor: please ask her permission or "
            "remove the name, then resubmit."
        ),
    ),
)


def story(slug: str) -> StoryPage | None:
    return StoryPage.objects.filter(slug=slug, locale__language_code="en").first()


def set_consent_states(context: SeedContext, today: datetime.date) -> None:
    """One consent nearly expired, one expired (and its story taken offline)."""
    expiring = story(EXPIRING_STORY)
    if expiring and expiring.consent_record:
        record = expiring.consent_record
        if record.expires_on > today + datetime.timedelta(days=30):
            record.expires_on = today + datetime.timedelta(days=EXPIRING_IN_DAYS)
            record.save(update_fields=["expires_on", "updated_at"])
            context.say(f"consent of {EXPIRING_STORY}: expires in {EXPIRING_IN_DAYS} days")
    expired = story(EXPIRED_STORY)
    if expired and expired.consent_record:
        record = expired.consent_record
        if record.expires_on >= today:
            record.date_signed = today - datetime.timedelta(days=760)
            record.expires_on = today - datetime.timedelta(days=5)
            record.save(update_fields=["date_signed", "expires_on", "updated_at"])
            context.say(f"consent of {EXPIRED_STORY}: expired")
        report = enforce_consent([record])
        if report.unpublished:
            context.say(f"enforce_consent: {report.summary()}")


def record_past_reviews(context: SeedContext, now: datetime.datetime) -> None:
    """Fill the reviewed-by line of live pages published before the workflow existed.

    Written in place on the page rows and their live revisions (no new revisions), the way
    clinical approval records it. One story's review is made over a year old.
    """
    for model in reviewable_page_models():
        for page in model.objects.live().filter(reviewed_by_name=""):
            days = 400 if page.slug == OVERDUE_REVIEW_STORY else 2
            reviewed_at = (page.first_published_at or now) - datetime.timedelta(days=days)
            model.objects.filter(pk=page.pk).update(
                reviewed_by_name=REVIEWER, last_reviewed_at=reviewed_at
            )
            if page.live_revision_id:
                revision = Revision.objects.get(pk=page.live_revision_id)
                content = {
                    **revision.content,
                    "reviewed_by_name": REVIEWER,
                    "last_reviewed_at": reviewed_at,
                }
                Revision.objects.filter(pk=revision.pk).update(content=content)
            context.say(f"{page.slug}: clinical review recorded")


def consent_for(text: ReviewStory, recorder, today: datetime.date) -> ConsentRecord | None:
    if not text.consent_name:
        return None
    record, _created = ConsentRecord.objects.get_or_create(
        person_name=text.consent_name,
        defaults={
            "relationship": ConsentRecord.Relationship.SELF,
            "email": f"{text.consent_name.split()[0].lower()}@example.org",
            "purpose": "Publication of my story, with my first name, on the stories website.",
            "date_signed": today - datetime.timedelta(days=3) if text.consent_signed else None,
            "expires_on": today + datetime.timedelta(days=730),
            "scope_web_stories": True,
            "scope_name_in_byline": True,
            # An unsigned consent has no signed form to attach yet.
            "signed_form": signed_form_for(text.consent_name) if text.consent_signed else None,
            "recorded_by": recorder,
        },
    )
    return record


@transaction.atomic
def create_review_story(index: StoryIndexPage, text: ReviewStory, people: dict, today) -> None:
    author, reviewer = people["author"], people["reviewer"]
    page = StoryPage(
        title=text.title,
        slug=text.slug,
        summary=text.summary,
        storyteller_type=text.storyteller_type,
        byline=text.byline,
        hero_image=get_or_create_image(text.hero),
        hero_alt=text.hero_alt,
        body=[("text", "".join(f"<p>{paragraph}</p>" for paragraph in text.paragraphs))],
        consent_record=consent_for(text, reviewer, today),
        images_show_patient=False,  # generated illustrations: nobody appears in them
        owner=author,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=author)
    if text.consent_signed:
        approve_as_storyteller(page, author)
    workflow_state = page.get_workflow().start(page, author)
    if text.stage == "clinical":
        return
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    if text.stage == "signoff":
        task.on_action(task_state, reviewer, "approve", comment="Clinically accurate.")
    else:
        task.on_action(task_state, reviewer, "reject", comment=text.rejection)


def seed(context: SeedContext) -> None:
    people = get_user_model().objects.in_bulk(["author", "reviewer"], field_name="username")
    index = StoryIndexPage.objects.child_of(english_home()).first()
    if index is None or len(people) < 2:
        context.say("workflow: no story index or demo users yet, skipped")
        return
    today = timezone.localdate()
    # Seeding is not a reason to email anyone.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        set_consent_states(context, today)
        record_past_reviews(context, timezone.now())
        existing = set(Page.objects.child_of(index).values_list("slug", flat=True))
        for text in REVIEW_STORIES:
            if text.slug not in existing:
                create_review_story(index, text, people, today)
                context.say(f"story {text.slug}: in review ({text.stage})")
