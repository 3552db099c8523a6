"""The policies section and the staff social-media policy, with three published versions.

The policy was written for this project. Each version is saved as a revision and published in
order (1.0, 1.1, 2.0), dated as it would have been, so the public version history and the
"what changed" pages have real history to show. Runs once: an existing policy is left alone.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from policy.models import PolicyIndexPage, PolicyPage

from .pages import english_home
from .users import SeedContext

INDEX_SLUG = "policy"
POLICY_SLUG = "social-media"
INDEX_TITLE = "Policies"
INDEX_INTRO = (
    "The rules our staff follow when they take part in public conversations. We publish them so "
    "that patients and the public know what they can expect from us."
)
POLICY_TITLE = "Social media policy"
POLICY_SUMMARY = (
    "How everyone who works or volunteers at the hospital can take part online safely: "
    "protecting patients' privacy, speaking for themselves, keeping professional boundaries and "
    "knowing what to do when something goes wrong."
)

COMMUNICATIONS = {
    "team": "Communications team",
    "purpose": "Questions about this policy, requests from journalists and the official accounts",
    "email": "communications@clinic.example",
    "phone": "020 7946 0400",
    "hours": "Monday to Friday, 8am to 6pm",
}
INFORMATION_GOVERNANCE = {
    "team": "Information Governance team",
    "purpose": "Anything posted that could identify a patient",
    "email": "information.governance@clinic.example",
    "phone": "020 7946 0410",
    "hours": "Monday to Friday, 9am to 5pm",
}
DUTY_MANAGER = {
    "team": "Duty manager",
    "purpose": "Urgent problems out of hours: ask the switchboard for the duty manager",
    "email": "",
    "phone": "020 7946 0000",
    "hours": "Evenings, nights, weekends and public holidays",
}
IT_SERVICE_DESK = {
    "team": "IT service desk",
    "purpose": "Suspicious messages and accounts that may have been taken over",
    "email": "it.servicedesk@clinic.example",
    "phone": "020 7946 0420",
    "hours": "24 hours",
}


@dataclass
class PolicyVersion:
    version: str
    days_ago: int
    summary_of_changes: str
    sections: list[tuple[str, list[tuple[str, object]]]] = field(default_factory=list)


def text(*paragraphs: str) -> tuple[str, str]:
    return ("text", "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs))


def do_dont(heading: str, dos: list[str], donts: list[str]) -> tuple[str, dict]:
    def items(texts: list[str]) -> list[dict]:
        return [{"type": "item", "value": text, "id": str(uuid.uuid4())} for text in texts]

    return ("do_dont", {"heading": heading, "dos": items(dos), "donts": items(donts)})


def contact(details: dict[str, str]) -> tuple[str, dict]:
    return ("contact", dict(details))


def why_section(v: tuple[int, int]) -> tuple[str, list]:
    scope = (
        "It applies to every social network, blog and video site, including private groups."
        if v < (2, 0)
        else "It applies to every social network, blog, video site and messaging app, including "
        "private groups and accounts that use a nickname."
    )
    return (
        "Why we have this policy",
        [
            text(
                "Social media lets us share the work of the hospital, celebrate colleagues and "
                "hear from the people we care for. It also makes it easy to share too much, too "
                "fast, with people we cannot see. This policy sets out what we expect of everyone "
                "who works or volunteers here when they use social media, at work or at home.",
                f"{scope} If you are unsure whether something is allowed, ask the Communications "
                "team before you post.",
            )
        ],
    )


def privacy_section(v: tuple[int, int]) -> tuple[str, list]:
    consent = (
        "Never share information that could identify a patient, their family or visitors "
        "without the patient's consent."
        if v < (1, 1)
        else "Never share information that could identify a patient, their family or visitors "
        "without the patient's written consent, recorded on the hospital's consent form."
    )
    own_phone = (
        ""
        if v < (1, 1)
        else " Do not take photos or video of patients on your own phone, even if they ask you to."
    )
    return (
        "Patient privacy comes first",
        [
            text(
                "Patients trust us with some of the most private moments of their lives. That "
                "trust does not end when you log off.",
                f"{consent} This includes names, photos, video, ward or bed numbers, dates of "
                "admission, and details that make someone recognisable even when their name is "
                "left out.",
                "Photos and videos for the hospital's own channels are arranged by the "
                f"Communications team, who collect consent first.{own_phone}",
            ),
            do_dont(
                "Posting about your work",
                [
                    "Share the hospital's own posts and public news.",
                    "Talk about your profession and what you have learnt, without details of "
                    "any patient.",
                    "Check the background of any photo taken at work for screens, whiteboards, "
                    "notes and people.",
                ],
                [
                    "Post about a patient, even without their name, if they or others could "
                    "recognise them.",
                    "Confirm or deny that someone is or was a patient here.",
                    "Share photos of patients, visitors or colleagues taken at work without "
                    "their consent.",
                ],
            ),
        ],
    )


def voice_section(v: tuple[int, int]) -> tuple[str, list]:
    return (
        "Speaking for yourself, not for the hospital",
        [
            text(
                "You are welcome to say where you work. When you do, make clear that your views "
                "are your own, for example by adding “Views are my own” to your profile.",
                "Only the Communications team speaks for the hospital online. Pass any request "
                "for comment from a journalist to them.",
                "Raising concerns about care matters. Use the hospital's Freedom to Speak Up "
                "guardians rather than social media, so that your concern is heard and acted on.",
            ),
            do_dont(
                "",
                [
                    "Say that your views are your own when you mention where you work.",
                    "Be as courteous online as you would be on the ward.",
                ],
                [
                    "Use the hospital's name or logo for a personal account or group.",
                    "Post about complaints, incidents or investigations.",
                ],
            ),
        ],
    )


BOUNDARIES_SECTION = (
    "Professional boundaries with patients online",
    [
        text(
            "Do not send or accept friend or follow requests to or from patients or their "
            "families on your personal accounts, and do not contact them through social media or "
            "messaging apps. If a patient contacts you online, reply politely that you cannot "
            "discuss their care there and point them to the ward or department.",
            "If you knew someone before they became a patient, that relationship can continue; "
            "keep anything about their care out of it.",
        )
    ],
)

ADVICE_SECTION = (
    "Medical advice",
    [
        text(
            "Do not give individual medical advice on social media, even to friends. Advice "
            "without an assessment can do harm, and a public reply can reveal that someone is "
            "unwell.",
            "You may share general health information from trusted public sources. If someone "
            "describes an emergency, tell them to call the emergency number straight away.",
        )
    ],
)


def security_section(v: tuple[int, int]) -> tuple[str, list]:
    if v < (2, 0):
        paragraphs = (
            "Use a strong password for every account you use for work.",
            "Only staff approved by the Communications team may post on the hospital's official "
            "accounts. Never share the login details of an official account.",
        )
    else:
        paragraphs = (
            "Use a strong, unique password and turn on two-factor authentication for every "
            "account you use in connection with your work.",
            "Only staff approved by the Communications team may post on the hospital's official "
            "accounts. Never share the login details of an official account. Tell the "
            "Communications team at once if you think an account has been taken over.",
            "Be wary of links and messages that ask for your hospital login, and report them to "
            "the IT service desk.",
        )
    return ("Keeping accounts secure", [text(*paragraphs)])


def wrong_section(v: tuple[int, int]) -> tuple[str, list]:
    out_of_hours = "" if v < (1, 1) else " Out of hours, ask the switchboard for the duty manager."
    return (
        "When something goes wrong",
        [
            text(
                "Mistakes happen; what matters is acting quickly. If you have posted something "
                "that breaks this policy, or you see a post by someone else that does:",
                "<ol><li>Remove your own post straight away. Do not reply to or share someone "
                "else's post: that spreads it further.</li>"
                "<li>Take a screenshot so the right people can see what was posted, and keep it "
                "secure.</li>"
                "<li>Tell your line manager and the Communications team the same day. If a "
                "patient could be identified, tell the Information Governance team too."
                f"{out_of_hours}</li></ol>",
                "Reporting a mistake quickly is always the right thing to do. Breaches of this "
                "policy may be handled under the hospital's disciplinary policy, and how you "
                "responded is taken into account.",
            )
        ],
    )


def contacts_section(v: tuple[int, int]) -> tuple[str, list]:
    people = [COMMUNICATIONS, INFORMATION_GOVERNANCE]
    if v >= (1, 1):
        people.append(DUTY_MANAGER)
    if v >= (2, 0):
        people.append(IT_SERVICE_DESK)
    return ("Who to contact", [contact(person) for person in people])


def sections_for(v: tuple[int, int]) -> list[tuple[str, list]]:
    sections = [why_section(v), privacy_section(v), voice_section(v)]
    if v >= (2, 0):
        sections += [BOUNDARIES_SECTION, ADVICE_SECTION]
    return [*sections, security_section(v), wrong_section(v), contacts_section(v)]


VERSIONS = [
    PolicyVersion("1.0", 3 * 365 - 20, "First published version."),
    PolicyVersion(
        "1.1",
        2 * 365 - 50,
        "Patient consent must now be written and recorded on the hospital's consent form; "
        "photos of patients on personal phones are not allowed; added the out-of-hours contact "
        "for urgent problems.",
    ),
    PolicyVersion(
        "2.0",
        340,
        "Annual review. New sections on professional boundaries with patients online and on "
        "medical advice; two-factor authentication is required for work-related accounts; "
        "messaging apps are now covered.",
    ),
]


def body_data(v: tuple[int, int]) -> list[dict]:
    """Raw stream data with a block id on every block, as the Wagtail editor saves it
    (wagtail-localize finds each translatable string by these ids)."""
    return [
        {
            "type": "section",
            "id": str(uuid.uuid4()),
            "value": {
                "heading": heading,
                "content": [
                    {"type": kind, "value": value, "id": str(uuid.uuid4())}
                    for kind, value in content
                ],
            },
        }
        for heading, content in sections_for(v)
    ]


def ensure_index(home: Page, context: SeedContext) -> PolicyIndexPage:
    index = PolicyIndexPage.objects.child_of(home).filter(slug=INDEX_SLUG).first()
    if index is None:
        index = home.add_child(
            instance=PolicyIndexPage(title=INDEX_TITLE, slug=INDEX_SLUG, intro=INDEX_INTRO)
        )
        index.save_revision().publish()
        context.say("policy section: created")
    return index


def backdate(revision: Revision, when: datetime.datetime) -> None:
    """Date a demo revision and its publication as if it had happened back then."""
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    PageLogEntry.objects.filter(revision=revision).update(timestamp=when)


def create_policy(index: PolicyIndexPage, user, context: SeedContext) -> PolicyPage:
    today = timezone.localdate()
    # In the main menu (Promote tab, "Show in menus"): readers go straight to the policy.
    policy = PolicyPage(
        title=POLICY_TITLE,
        slug=POLICY_SLUG,
        summary=POLICY_SUMMARY,
        live=False,
        show_in_menus=True,
    )
    first_published = last_published = None
    for number, entry in enumerate(VERSIONS):
        key = (int(entry.version.split(".")[0]), int(entry.version.split(".")[1]))
        effective = today - datetime.timedelta(days=entry.days_ago)
        policy.version = entry.version
        policy.effective_date = effective
        policy.next_review_date = None
        policy.summary_of_changes = entry.summary_of_changes
        policy.approved_by = "Chief Executive" if key < (2, 0) else "Chief Executive and Board"
        policy.policy_owner = "Communications"
        policy.body = body_data(key)
        if number == 0:
            index.add_child(instance=policy)
        revision = policy.save_revision(user=user)
        revision.publish(user=user)
        published_at = timezone.make_aware(
            datetime.datetime.combine(effective - datetime.timedelta(days=14), datetime.time(10))
        )
        backdate(revision, published_at)
        first_published = first_published or published_at
        last_published = published_at
        policy = PolicyPage.objects.get(pk=policy.pk)
    PolicyPage.objects.filter(pk=policy.pk).update(
        first_published_at=first_published,
        last_published_at=last_published,
        latest_revision_created_at=last_published,
    )
    context.say("social-media policy: created with versions 1.0, 1.1 and 2.0")
    return PolicyPage.objects.get(pk=policy.pk)


def link_from_home(home: Page, policy: PolicyPage, context: SeedContext) -> None:
    """Point the home page's policy link at the policy, when the home page has that field."""
    if not hasattr(home, "policy_page") or home.policy_page_id == policy.pk:
        return
    home.policy_page = policy
    home.save_revision().publish()
    context.say("home page: linked to the social-media policy")


def seed(context: SeedContext) -> None:
    home = english_home()
    user = get_user_model().objects.filter(username="admin").first()
    index = ensure_index(home, context)
    policy = PolicyPage.objects.child_of(index).filter(slug=POLICY_SLUG).first()
    if policy is None:
        policy = create_policy(index, user, context)
    link_from_home(english_home(), policy, context)
