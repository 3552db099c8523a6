"""The main menu: the pages every page's header links to, chosen with "Show in menus".

The header's menu is built from the page tree (``home/templatetags/navigation_tags.py``): the
pages an editor ticked "Show in menus" on (Promote tab). The demo's are the stories, the videos
and the social-media policy. New demo pages are created with the box ticked; this step ticks it
on a database seeded before the menu came from the page tree. Spanish versions copy it from the
English page (a synchronised field), so they follow when ``translations`` runs.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.models import Page

from .users import SeedContext

# English page paths under the home page, in the menu's order (the page tree's).
MENU_PAGES = ["stories/", "videos/", "policy/social-media/"]
# The home page's sections in that order. The policy step runs first, so its section would
# otherwise come first; an editor drags sections into order in the page explorer the same way.
SECTION_ORDER = ["stories", "videos", "policy"]


def show_in_menus(page: Page, user) -> None:
    """Tick the box as an editor would, without publishing anyone's pending draft."""
    if page.has_unpublished_changes and page.latest_revision is not None:
        # The draft keeps its text and gains the tick, so publishing it keeps the page listed.
        revision = page.latest_revision
        revision.content["show_in_menus"] = True
        revision.save(update_fields=["content"])
        page.show_in_menus = True
        page.save(clean=False, update_fields=["show_in_menus"])
        return
    page.show_in_menus = True
    page.save_revision(user=user).publish(user=user)


def order_sections(home: Page, user) -> bool:
    """Move the sections to the end of the home page's children, in ``SECTION_ORDER``."""
    moved = False
    for slug in SECTION_ORDER:
        section = Page.objects.child_of(home).filter(slug=slug).first()
        if section is None:
            continue
        section.move(home, pos="last-child", user=user)
        moved = True
    return moved


def in_order(home: Page) -> bool:
    slugs = list(home.get_children().values_list("slug", flat=True))
    return [slug for slug in slugs if slug in SECTION_ORDER] == [
        slug for slug in SECTION_ORDER if slug in slugs
    ]


def seed(context: SeedContext) -> None:
    user = get_user_model().objects.filter(username="admin").first()
    home = Page.objects.get(locale__language_code="en", depth=2)
    if not in_order(home) and order_sections(home, user):
        context.say("home page sections: ordered " + ", ".join(SECTION_ORDER))
    for path in MENU_PAGES:
        page = Page.objects.get(locale__language_code="en", url_path=f"/home/{path}").specific
        if not page.show_in_menus:
            show_in_menus(page, user)
            context.say(f"/{path}: shown in the main menu")
