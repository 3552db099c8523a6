"""Stories and videos: the page types readers come for, and the indexes that list them."""

from blog.models.stories import (
    CONSENT_REQUIRED,
    HERO_RENDITION,
    StoryIndexPage,
    StoryPage,
    StoryTag,
    StorytellerType,
    feed_links,
)
from blog.models.videos import VIDEO_RENDITION, VideoIndexPage, VideoPage, VideoTag
from blog.topics import Topic

__all__ = [
    "CONSENT_REQUIRED",
    "HERO_RENDITION",
    "VIDEO_RENDITION",
    "StoryIndexPage",
    "StoryPage",
    "StoryTag",
    "StorytellerType",
    "Topic",
    "VideoIndexPage",
    "VideoPage",
    "VideoTag",
    "feed_links",
]
