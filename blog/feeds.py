"""RSS 2.0 and Atom feeds of the stories, all or one topic, in the index page's language.

Each item carries a Media RSS ``media:thumbnail`` of the hero image (a local rendition, full
URL), so feed readers show a picture without us computing file sizes for an enclosure.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from blog.listing import CARD_RENDITION, rendition_or_none, with_card_images
from blog.social import absolute_url
from blog.topics import Topic

MEDIA_NS = "http://search.yahoo.com/mrss/"
FEED_LENGTH = 30


class MediaThumbnailMixin:
    """Adds the Media RSS namespace and a media:thumbnail element to each item."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        thumbnail = item.get("thumbnail")
        if thumbnail:
            handler.addQuickElement("media:thumbnail", "", thumbnail)


class StoryRss(MediaThumbnailMixin, Rss201rev2Feed):
    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS}


class StoryAtom(MediaThumbnailMixin, Atom1Feed):
    def root_attributes(self) -> dict[str, str]:
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}


@dataclass
class FeedSource:
    index_page: object
    tag: Topic | None
    request: HttpRequest


class StoryRssFeed(Feed):
    """Stories under one StoryIndexPage, newest first; a new instance serves each request."""

    feed_type = StoryRss

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, index_page, tag: Topic | None = None) -> FeedSource:
        self.language = index_page.locale.language_code
        return FeedSource(index_page=index_page, tag=tag, request=request)

    def title(self, source: FeedSource) -> str:
        if source.tag:
            return gettext("Clinic Stories: stories about %(tag)s") % {"tag": source.tag.name}
        return gettext("Clinic Stories: all stories")

    def link(self, source: FeedSource) -> str:
        url = source.index_page.get_full_url(source.request)
        return f"{url}?tag={source.tag.slug}" if source.tag else url

    def description(self, source: FeedSource) -> str:
        return source.index_page.intro or gettext(
            "Stories from patients, families, friends and staff of our hospital."
        )

    def feed_url(self, source: FeedSource) -> str:
        return absolute_url(source.request, source.request.get_full_path())

    def items(self, source: FeedSource):
        stories = source.index_page.stories()
        if source.tag:
            stories = stories.filter(tagged_items__tag=source.tag)
        return with_card_images(stories).prefetch_related("tagged_items__tag")[:FEED_LENGTH]

    def item_title(self, story) -> str:
        return story.title

    def item_description(self, story) -> str:
        return story.summary

    def item_link(self, story) -> str:
        return story.get_full_url(self.request)

    def item_guid(self, story) -> str:
        return story.get_full_url(self.request)

    def item_author_name(self, story) -> str:
        return story.display_byline

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at

    def item_categories(self, story) -> list[str]:
        return [tagged.tag.name for tagged in story.tagged_items.all()]

    def item_extra_kwargs(self, story) -> dict:
        rendition = rendition_or_none(story.hero_image, CARD_RENDITION)
        if rendition is None:
            return {}
        return {
            "thumbnail": {
                "url": absolute_url(self.request, rendition.url),
                "width": str(rendition.width),
                "height": str(rendition.height),
            }
        }


class StoryAtomFeed(StoryRssFeed):
    feed_type = StoryAtom

    def subtitle(self, source: FeedSource) -> str:
        return self.description(source)
