"""The home page: the front door of the stories site in each language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class HomePage(Page):
    """Hero, featured stories, latest videos and the way to the policy."""

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=120,
        default="Stories from our hospital",
        help_text=_("The large headline at the top of the home page."),
    )
    hero_intro = models.TextField(
        _("hero introduction"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the headline."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_intro")], heading=_("Hero")),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
