"""One story's whole journey in Chromium, through the real admin, as each person would do it.

A clinical reviewer records the patient's consent with its signed form; the author creates a
patient story with a picture, a video block and that consent, and asks the storyteller to
approve it; the storyteller approves through the emailed link; the author submits; the reviewer
requests changes; the author fixes the text, gets the storyteller's approval of the new version
and resubmits; the reviewer approves; Communications sign off, which publishes. A reader then
finds the story in the listing, in search and in the RSS feed, plays the video (the page asks
no other host for anything before the click), and posts a comment; Communications approve it
and the reader sees it.

Every person has their own browser context (own cookies); reviewers and Communications sign in
with their password and a real code from an authenticator app (a TOTP device made here, the
code computed as the app would). A screenshot is taken after each step; on failure the test
names the folder (``E2E_OUTPUT_DIR``, else pytest's temporary folder) and saves each open
page's HTML there.

The live server runs in another thread with its own connection: the staff accounts are created
committed, and everything the journey does is committed by the server. It stays until the
package's demo is emptied (tests/e2e/conftest.py); its names (``journey_*``, "Maribel Ortega")
are the journey's own, and the tests that run after it only open the pages the demo seeded.
"""

from __future__ import annotations

import datetime
import os
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image
from wagtail.models import Collection

from blog.models import StoryPage
from comments.models import Comment
from tests.conftest import PASSWORD, make_user
from tests.e2e.browser_support import expect
from workflow.models import ConsentRecord, StorytellerApproval

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.e2e,
    pytest.mark.slow,
    # Staff sign in with codes while the live server's threads write the same tables: SQLite
    # answers "database table is locked" (otp_totp_totpdevice) where PostgreSQL serves both.
    pytest.mark.postgres(reason="the live server and the test write the same tables at once"),
]

PLAYER_HOSTS = {"www.youtube-nocookie.com", "player.vimeo.com"}
TITLE = "Walking the corridor again after my stroke"
# A word no demo page uses, so search finds this story and nothing else.
KEYWORD = "Kintsugi"
FIRST_TEXT = f"The physiotherapists taught me to walk again, step by step. {KEYWORD} was my word."
FIXED_TEXT = (
    f"The physiotherapists on ward 7 taught me to walk again, step by step. {KEYWORD} was "
    "my word for it: mending, and showing the mend."
)
CHANGES_COMMENT = "Please say which ward; readers ask where the physiotherapy happens."
COMMENT_TEXT = "Thank you for sharing this. My father starts rehabilitation next week."


class Journey:
    """The browser contexts of the people in the journey, and the screenshots of each step."""

    def __init__(self, browser, demo_site, folder: Path) -> None:
        self.browser = browser
        self.site = demo_site
        self.folder = folder
        self.contexts = []
        self.step = 0

    def person(self, requests_seen: list[str] | None = None):
        """A new browser context and page; requests to other hosts are recorded and aborted."""
        context = self.browser.new_context(
            base_url=self.site.url, viewport={"width": 1280, "height": 900}
        )
        self.contexts.append(context)
        host = self.site.host

        def local(url: str) -> bool:
            parts = urlsplit(url)
            return parts.scheme in {"data", "blob", "about"} or parts.netloc == host

        context.route(
            "**/*",
            lambda route: (
                route.continue_() if local(route.request.url) else route.abort("blockedbyclient")
            ),
        )
        page = context.new_page()
        page.set_default_timeout(30_000)
        if requests_seen is not None:
            page.on("request", lambda request: requests_seen.append(request.url))
        return page

    def shot(self, page, name: str) -> None:
        self.step += 1
        page.screenshot(path=str(self.folder / f"{self.step:02d}-{name}.png"), full_page=True)

    def save_pages(self) -> None:
        """Each person's page as it was at the failure, beside the screenshots."""
        for number, context in enumerate(self.contexts, start=1):
            for page in context.pages:
                (self.folder / f"failure-{number}.html").write_text(page.content())

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def screenshots(request, tmp_path) -> Path:
    root = os.environ.get("E2E_OUTPUT_DIR")
    folder = Path(root) / request.node.name if root else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def no_fill_wait(monkeypatch):
    """The live server runs in this process: a person's minimum fill time is not waited for."""
    monkeypatch.setattr("comments.antispam.MIN_FILL_SECONDS", 0)


def with_authenticator(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """The six digits the person's authenticator app shows now."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(page, user, device: TOTPDevice | None = None) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    if device is not None:
        page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
        page.fill("input[name=code]", current_code(device))
        page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def test_a_patient_story_from_draft_to_a_readers_comment(
    demo_site, browser, screenshots, no_fill_wait, tmp_path
):
    journey = Journey(browser, demo_site, screenshots)
    try:
        walk(journey, demo_site, tmp_path)
    except BaseException as error:
        journey.save_pages()
        error.add_note(f"Screenshots of each step: {screenshots}")
        print(f"Screenshots of each step: {screenshots}")
        raise
    finally:
        journey.close()


def committed(function):
    """Run ``function`` on its own connection, committed: the test's own transaction is never
    committed, and the live server (another thread) must see what the people start with."""
    result = {}

    def run() -> None:
        try:
            result["value"] = function()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result["value"]


def staff():
    author = make_user("journey_author", "Authors", first_name="Ana", last_name="Torres")
    reviewer = make_user(
        "journey_reviewer", "Clinical reviewers", first_name="Samir", last_name="Patel"
    )
    comms = make_user("journey_comms", "Communications", first_name="Jordan", last_name="Lee")
    return author, reviewer, comms, with_authenticator(reviewer), with_authenticator(comms)


def insert_block(page, kind: str) -> None:
    """Add a block of that kind at the end of the story's body."""
    page.locator("[data-contentpath=body] button[title='Insert a block']").last.click()
    page.get_by_role("option", name=kind, exact=True).click()


def type_rich_text(editor, text: str) -> None:
    editor.locator("[contenteditable=true]").click()
    editor.page.keyboard.type(text)


def rich_text_saved(page, name: str, text: str) -> None:
    """Wait until the rich-text editor has copied what was typed into its form field (it does
    so a moment later): a save made before would send the previous text."""
    expect(page.locator(f"input[name='{name}']")).to_have_value(re.compile(re.escape(text)))


def autosave_settled(page) -> None:
    """Wait until no autosave is on its way: one sent before the last change, answered after
    the next save, would leave that older content as the latest version."""
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
        "data-w-autosave-state-value", "saving"
    )


def save_draft(page) -> None:
    """Save a draft and wait for Wagtail's answer: "… created." when this save creates the
    page (autosave had not yet), "… has been updated." when it already existed."""
    autosave_settled(page)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text(
        re.compile(rf"Page '{re.escape(TITLE)}' (created|has been)")
    )


def action_menu(page, label: str) -> None:
    """Open the editor's action menu (beside Save draft) and choose an item."""
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.locator("footer").get_by_role("link", name=label).or_(
        page.locator("footer").get_by_role("button", name=label)
    ).click()


def ask_storyteller(page, journey: Journey) -> None:
    mail.outbox.clear()
    action_menu(page, "Ask the storyteller to approve")
    journey.shot(page, "author-asks-storyteller")
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator(".messages")).to_contain_text("The storyteller was sent a link")


def submit(page, journey: Journey, name: str) -> None:
    """The author's Submit (or Resubmit) from the editor's action menu."""
    autosave_settled(page)
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    submit_button = re.compile(r"^(Re)?submit to", re.IGNORECASE)
    page.locator("footer").get_by_role("button", name=submit_button).click()
    expect(page.locator(".messages")).to_contain_text("submitted")
    journey.shot(page, name)


def open_editor(page, story: StoryPage) -> None:
    page.goto(f"/admin/pages/{story.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(TITLE)


def review_action(page, journey: Journey, label: str, comment: str, name: str) -> None:
    """A reviewer's action from the editor's menu, through its dialog with a comment."""
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.locator("footer").get_by_role("button", name=label, exact=True).click()
    dialog = page.locator(".modal-dialog")
    dialog.locator("textarea[name=comment]").fill(comment)
    journey.shot(page, f"{name}-dialog")
    with page.expect_navigation():
        dialog.locator("form button[type=submit]").click()


def task_name(story: StoryPage) -> str | None:
    state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state
    return state.task.name if state else None


def decide_as_storyteller(journey: Journey, email: str) -> None:
    """The storyteller opens the emailed link (no account) and approves the text."""
    (message,) = [message for message in mail.outbox if message.to == [email]]
    url = re.search(r"https?://\S+/storyteller/\S+/", message.body).group(0)
    person = journey.person()
    person.goto(urlsplit(url).path)
    expect(person.locator("h1")).to_have_text(TITLE)
    journey.shot(person, "storyteller-reads")
    person.get_by_label("I approve this text").check()
    person.get_by_role("button", name="Send my decision").click()
    expect(person.locator("body")).to_contain_text("Thank")
    journey.shot(person, "storyteller-approved")


def walk(journey: Journey, demo_site, tmp_path: Path) -> None:
    author, reviewer, comms, reviewer_app, comms_app = committed(staff)
    photo = tmp_path / "corridor.png"
    Image.new("RGB", (1200, 800), "teal").save(photo)
    form_pdf = tmp_path / "signed-consent.pdf"
    form_pdf.write_bytes(b"%PDF-1.4\n% signed consent form, journey\n%%EOF\n")

    # 1. The clinical reviewer records the consent, with the signed form.
    review = journey.person()
    sign_in(review, reviewer, reviewer_app)
    journey.shot(review, "reviewer-signed-in")
    review.goto("/admin/snippets/workflow/consentrecord/add/")
    review.fill("#id_person_name", "Maribel Ortega")
    review.select_option("#id_relationship", "self")
    review.fill("#id_email", "maribel@example.org")
    for scope in ("video", "photographs", "name_in_byline"):
        review.check(f"#id_scope_{scope}")
    review.fill(
        "#id_purpose", "My story of recovery, with photographs and a video, on the website."
    )
    today = timezone.localdate()
    review.fill("#id_date_signed", (today - datetime.timedelta(days=2)).isoformat())
    review.fill("#id_expires_on", (today + datetime.timedelta(days=365)).isoformat())
    review.locator("#id_signed_form-chooser .unchosen button").click()
    chooser = review.locator(".modal-dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.locator("input[type=file]").set_input_files(str(form_pdf))
    chooser.locator("input[name$=title]").fill("Consent form, Maribel Ortega")
    chooser.locator("select[name$=collection]").select_option(
        str(Collection.objects.get(name="Consent forms").pk)
    )
    journey.shot(review, "reviewer-uploads-signed-form")
    chooser.locator("form button[type=submit]").click()
    expect(review.locator("#id_signed_form-chooser [data-chooser-title]")).to_have_text(
        "Consent form, Maribel Ortega"
    )
    review.get_by_role("button", name="Save").click()
    expect(review.locator(".messages")).to_contain_text("created")
    journey.shot(review, "reviewer-recorded-consent")
    record = ConsentRecord.objects.get(person_name="Maribel Ortega")
    assert record.is_valid(), record.invalid_reasons()

    # 2. The author starts a patient story from the dashboard.
    write = journey.person()
    sign_in(write, author)
    write.get_by_role("link", name="New story").click()
    write.fill("#id_title", TITLE)
    write.fill(
        "#id_summary", "After a stroke, Maribel learnt to walk again on our rehabilitation ward."
    )
    write.select_option("#id_storyteller_type", "patient")
    write.fill("#id_byline", "Maribel, patient")
    write.locator("#id_hero_image-chooser .unchosen button").click()
    chooser = write.locator(".modal-dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.locator("input[type=file]").set_input_files(str(photo))
    chooser.locator("input[name$=title]").fill("Maribel in the corridor")
    journey.shot(write, "author-uploads-picture")
    chooser.locator("form button[type=submit]").click()
    expect(write.locator("#id_hero_image-chooser [data-chooser-title]")).to_have_text(
        "Maribel in the corridor"
    )
    write.fill("#id_hero_alt", "Maribel walks down the ward corridor with a stick, smiling.")
    journey.shot(write, "author-story-fields")
    insert_block(write, "Text")
    type_rich_text(write.locator("[data-contentpath=body] .Draftail-Editor").first, FIRST_TEXT)
    rich_text_saved(write, "body-0-value", KEYWORD)
    insert_block(write, "Video")
    write.fill("input[name=body-1-value-video_url]", "https://youtu.be/dQw4w9WgXcQ")
    write.fill("input[name=body-1-value-title]", "Maribel's first walk down the corridor")
    write.locator("#body-1-value-thumbnail-chooser .unchosen button").click()
    chooser = write.locator(".modal-dialog")
    chooser.get_by_role("link", name="Maribel in the corridor").click()
    expect(write.locator("#body-1-value-thumbnail-chooser [data-chooser-title]")).to_have_text(
        "Maribel in the corridor"
    )
    write.fill("input[name=body-1-value-duration]", "1:30")
    type_rich_text(
        write.locator("[data-contentpath=transcript] .Draftail-Editor"),
        "Maribel: Ten steps today. Tomorrow, twelve.",
    )
    rich_text_saved(write, "body-1-value-transcript", "Ten steps today")
    write.get_by_label("Rehabilitation").check()
    journey.shot(write, "author-story-body")
    write.get_by_role("tab", name="Consent").click()
    write.locator("#id_consent_record-chooser .unchosen button").click()
    write.locator(".modal-dialog").get_by_role("link", name=re.compile(record.reference)).click()
    expect(write.locator("#id_consent_record-chooser [data-chooser-title]")).to_contain_text(
        record.reference
    )
    journey.shot(write, "author-chose-consent")
    # Autosave may have created the draft already: either way Save draft keeps this version.
    save_draft(write)
    story = StoryPage.objects.get(title=TITLE)
    draft = story.get_latest_revision_as_object()
    assert draft.consent_record_id == record.pk
    assert [block.block_type for block in draft.body] == ["text", "video"]
    journey.shot(write, "author-saved-draft")

    # 3. The author asks the storyteller to approve; the storyteller approves through the link.
    ask_storyteller(write, journey)
    decide_as_storyteller(journey, "maribel@example.org")
    write.reload()
    journey.shot(write, "author-sees-storyteller-approved")

    # 4. The author submits; the clinical reviewer requests changes.
    submit(write, journey, "author-submitted")
    assert task_name(story) == "Clinical review"
    review.goto("/admin/")
    review.locator("main").get_by_role("link", name=TITLE).first.click()
    expect(review.locator("#id_title")).to_have_value(TITLE)
    journey.shot(review, "reviewer-opens-story")
    review_action(review, journey, "Request changes", CHANGES_COMMENT, "reviewer-requests-changes")
    expect(review.locator(".messages")).to_contain_text(TITLE)
    journey.shot(review, "reviewer-requested-changes")

    # 5. The author fixes the text, the storyteller approves the new version, the author
    # resubmits.
    open_editor(write, story)
    expect(write.locator("body")).to_contain_text(CHANGES_COMMENT)
    journey.shot(write, "author-sees-changes-requested")
    text = write.locator("[data-contentpath=body] .Draftail-Editor [contenteditable=true]").first
    text.click()
    text.press("Control+a")
    text.press_sequentially(FIXED_TEXT)
    rich_text_saved(write, "body-0-value", "ward 7")
    journey.shot(write, "author-fixes-text")
    save_draft(write)
    ask_storyteller(write, journey)
    decide_as_storyteller(journey, "maribel@example.org")
    decisions = StorytellerApproval.objects.filter(page_id=story.pk).order_by("pk")
    assert [(item.decision, item.decided_by_name) for item in decisions] == [
        ("approved", "Maribel Ortega"),
        ("approved", "Maribel Ortega"),
    ]
    assert decisions[0].content_fingerprint != decisions[1].content_fingerprint
    open_editor(write, story)
    submit(write, journey, "author-resubmitted")
    assert task_name(story) == "Clinical review"

    # 6. The reviewer approves; Communications sign off, which publishes.
    open_editor(review, story)
    expect(review.locator("[data-contentpath=body]")).to_contain_text("ward 7")
    review_action(review, journey, "Approve with comment", "Accurate.", "reviewer-approves")
    expect(review.locator(".messages")).to_contain_text("Communications sign-off")
    journey.shot(review, "reviewer-approved")
    assert task_name(story) == "Communications sign-off"

    sign_off = journey.person()
    sign_in(sign_off, comms, comms_app)
    open_editor(sign_off, story)
    review_action(sign_off, journey, "Approve with comment", "Lovely story.", "comms-signs-off")
    expect(sign_off.locator(".messages")).to_contain_text("published")
    journey.shot(sign_off, "comms-published")
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live
    # Nothing was saved after the approvals (no stray revision under a reviewer's name).
    revisions = [(revision.pk, str(revision.user)) for revision in story.revisions.order_by("pk")]
    assert not story.has_unpublished_changes, (story.live_revision_id, revisions)

    # 7. A reader finds it in the listing, in search and in the RSS feed.
    seen: list[str] = []
    reader = journey.person(seen)
    reader.goto("/en/stories/")
    journey.shot(reader, "reader-listing")
    reader.locator("main").get_by_role("link", name=TITLE).first.click()
    reader.wait_for_url(f"**{story.url}")
    reader.wait_for_load_state("load")
    journey.shot(reader, "reader-story")
    expect(reader.locator("main")).to_contain_text("Clinically reviewed by Samir Patel")
    assert seen, "the request recorder saw nothing"
    elsewhere = [url for url in seen if urlsplit(url).netloc not in {demo_site.host, ""}]
    assert elsewhere == [], f"asked another host before the reader played the video: {elsewhere}"
    assert reader.locator("[data-video-facade] iframe").count() == 0

    # 8. The reader plays the video: only now does the page ask the player's host.
    reader.locator("[data-video-facade] button[data-embed-url]").click()
    player = reader.locator("[data-video-facade] iframe")
    player.wait_for(state="attached")
    assert urlsplit(player.get_attribute("src")).hostname in PLAYER_HOSTS
    elsewhere = {urlsplit(url).hostname for url in seen if urlsplit(url).netloc != demo_site.host}
    assert elsewhere <= PLAYER_HOSTS | {""}, elsewhere
    journey.shot(reader, "reader-played-video")

    search = journey.person()
    search.goto(f"/en/search/?q={KEYWORD}")
    expect(search.locator("main").get_by_role("link", name=TITLE)).to_be_visible()
    journey.shot(search, "reader-search")
    feed = search.request.get("/en/stories/feed/rss/")
    assert feed.ok
    assert TITLE in feed.text()
    assert story.url in feed.text()

    # 9. The reader comments; Communications approve it; the reader sees it.
    reader.click(".comments__write-link")
    reader.locator("form.comment-form").wait_for()
    reader.fill("#comment_name", "Journey reader")
    reader.fill("#comment_body", COMMENT_TEXT)
    journey.shot(reader, "reader-writes-comment")
    reader.click("form.comment-form button[type=submit]")
    reader.wait_for_url("**/comments/*/sent/")
    journey.shot(reader, "reader-comment-sent")
    comment = Comment.objects.get(name="Journey reader")
    assert comment.status == Comment.Status.PENDING
    reader.goto(story.url)
    expect(reader.locator("main")).not_to_contain_text(COMMENT_TEXT)

    sign_off.goto("/admin/")
    sign_off.get_by_role("link", name="Moderate comments").click()
    sign_off.get_by_role("link", name=COMMENT_TEXT).click()
    journey.shot(sign_off, "comms-opens-comment")
    sign_off.get_by_label("Approved").check()
    sign_off.get_by_role("button", name="Save").click()
    expect(sign_off.locator(".messages")).to_contain_text("by Journey reader")
    journey.shot(sign_off, "comms-approved-comment")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED

    reader.goto(story.url)
    expect(reader.locator(f"#comment-{comment.pk}")).to_contain_text(COMMENT_TEXT)
    journey.shot(reader, "reader-sees-comment")
