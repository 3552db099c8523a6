"""The home page: the front door of the stories site in each language."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from blog.images import CARD, renditions_wanted
from blog.models import StoryIndexPage, StoryPage, VideoIndexPage, VideoPage, feed_links
from blog.serving import load_renditions, public_only, route_to_child, view_restrictions
from workflow.deletion import EditorialPermissionsMixin

FEATURED_STORIES = 3
LATEST_VIDEOS = 3


class HomePage(EditorialPermissionsMixin, Page):
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

    policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("social-media policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked as “Read our social-media policy”."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_intro")], heading=_("Hero")),
        InlinePanel(
            "featured_stories",
            max_num=FEATURED_STORIES,
            heading=_("Featured stories"),
            label=_("Featured story"),
            help_text=_(
                "Up to three stories shown first. Empty places are filled with the latest stories."
            ),
        ),
        FieldPanel("policy_page"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def featured_story_pages(self) -> list[StoryPage]:
        """The chosen stories in this page's language, topped up with the latest live ones.

        A story chosen on the English home page shows its Spanish version on the Spanish home
        page; a choice with no live version in this language is skipped. Three queries at most
        (with the images; their renditions come in ``get_context``), whatever was chosen.
        """
        keys = [
            key
            for key in self.featured_stories.values_list("story__translation_key", flat=True)
            if key
        ]
        stories = (
            public_only(StoryPage.objects.live(), self)
            .filter(locale=self.locale_id)
            .select_related("hero_image")
        )
        by_key = {
            story.translation_key: story for story in stories.filter(translation_key__in=keys)
        }
        chosen = [by_key[key] for key in dict.fromkeys(keys) if key in by_key][:FEATURED_STORIES]
        missing = FEATURED_STORIES - len(chosen)
        if missing:
            latest = stories.exclude(pk__in=[story.pk for story in chosen]).order_by(
                "-first_published_at", "-pk"
            )
            chosen += list(latest[:missing])
        return chosen

    def latest_videos(self) -> list[VideoPage]:
        videos = public_only(VideoPage.objects.live(), self).filter(locale=self.locale_id)
        return list(
            videos.select_related("thumbnail").order_by("-first_published_at", "-pk")[
                :LATEST_VIDEOS
            ]
        )

    def sections(self) -> dict[type[Page], Page]:
        """The live story and video indexes under this home page, in one query (plain pages:
        links and feed addresses need nothing more)."""
        types = ContentType.objects.get_for_models(StoryIndexPage, VideoIndexPage)
        model_of = {content_type.pk: model for model, content_type in types.items()}
        found: dict[type[Page], Page] = {}
        children = Page.objects.child_of(self).live().filter(content_type__in=types.values())
        for child in children.order_by("path"):
            found.setdefault(model_of[child.content_type_id], child)
        return found

    def localized_policy_page(self) -> Page | None:
        """The chosen policy page in this home page's language, if live: one query."""
        if not self.policy_page_id:
            return None
        chosen = Page.objects.filter(pk=self.policy_page_id).values("translation_key")
        return (
            Page.objects.live()
            .filter(translation_key__in=chosen, locale_id=self.locale_id)
            .order_by("path")
            .first()
        )

    def route(self, request: HttpRequest, path_components: list[str]):
        return route_to_child(
            self,
            request,
            path_components,
            Page,
            lambda: super(HomePage, self).route(request, path_components),
            whole_path=True,
        )

    def get_view_restrictions(self):
        return view_restrictions(self, super().get_view_restrictions)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        sections = self.sections()
        story_index = sections.get(StoryIndexPage)
        featured, videos = self.featured_story_pages(), self.latest_videos()
        load_renditions(
            renditions_wanted(CARD, [story.hero_image for story in featured])
            + renditions_wanted(CARD, [video.thumbnail for video in videos])
        )
        context.update(
            featured_stories=featured,
            latest_videos=videos,
            story_index=story_index,
            video_index=sections.get(VideoIndexPage),
            policy_page=self.localized_policy_page(),
            feeds=feed_links(story_index, request) if story_index else [],
        )
        return context


class HomeFeaturedStory(Orderable):
    """One story an editor chose for the home page."""

    home_page = ParentalKey(HomePage, related_name="featured_stories", on_delete=models.CASCADE)
    story = models.ForeignKey(
        "blog.StoryPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured story")
        verbose_name_plural = _("featured stories")
