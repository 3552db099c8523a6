"""The page tree skeleton: the English home page with its hero text."""

from __future__ import annotations

from home.models import HomePage

from .users import SeedContext

HERO_HEADING = "Stories from our hospital"
HERO_INTRO = (
    "Patients, families, friends and staff tell what happened here, in their own words. "
    "Every story is shared with consent and checked by our clinicians before it is published."
)


def english_home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="en")


def seed(context: SeedContext) -> None:
    home = english_home()
    if home.hero_intro != HERO_INTRO or home.title != "Clinic Stories":
        home.title = "Clinic Stories"
        home.hero_heading = HERO_HEADING
        home.hero_intro = HERO_INTRO
        home.save_revision().publish()
        context.say("home page: updated")
