"""YouTube and Vimeo addresses: parsed to a provider and a video id, never fetched.

Wagtail's EmbedBlock asks the provider's oEmbed endpoint over the network when a page is
saved, and the provider's player then loads on every page view. Here we only read the address
the editor pasted, keep the video id, and build two addresses from it: the privacy-enhanced
player (loaded only when the reader clicks) and the plain watch page (the no-JavaScript link).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE = "youtube"
VIMEO = "vimeo"
PROVIDER_NAMES = {YOUTUBE: "YouTube", VIMEO: "Vimeo"}

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
YOUTUBE_SHORT_HOSTS = {"youtu.be", "www.youtu.be"}
YOUTUBE_NOCOOKIE_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}
VIMEO_PLAYER_HOSTS = {"player.vimeo.com"}

YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
MAX_URL_LENGTH = 2000

# The messages editors see in the form, one per kind of mistake.
NOT_AN_ADDRESS = _("Enter the full address of a YouTube or Vimeo video, starting with https://.")
WRONG_SCHEME = _("Only https:// or http:// video addresses can be used.")
OTHER_HOST = _(
    "Only YouTube and Vimeo videos can be embedded. Upload other videos to the hospital's "
    "YouTube or Vimeo channel first."
)
PLAYLIST = _(
    "This is a playlist address. Open the one video you want in the playlist and copy its "
    "address instead."
)
NO_VIDEO_ID = _(
    "This address does not point to a single video. Open the video and copy the address "
    "from the browser or from its Share button."
)


@dataclass(frozen=True)
class VideoRef:
    """A video on a known host, identified by its id alone."""

    provider: str
    video_id: str

    @property
    def provider_name(self) -> str:
        return PROVIDER_NAMES[self.provider]

    @property
    def embed_url(self) -> str:
        """The player address inserted only after the reader clicks (no tracking cookies)."""
        if self.provider == YOUTUBE:
            query = urlencode({"autoplay": 1, "rel": 0})
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?{query}"
        query = urlencode({"autoplay": 1, "dnt": 1})
        return f"https://player.vimeo.com/video/{self.video_id}?{query}"

    @property
    def watch_url(self) -> str:
        """The provider's own page for the video: the link shown without JavaScript."""
        if self.provider == YOUTUBE:
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def _split(url: str):
    text = (url or "").strip()
    if not text or len(text) > MAX_URL_LENGTH or any(ch.isspace() for ch in text):
        raise ValidationError(NOT_AN_ADDRESS, code="invalid")
    if text.startswith("//"):
        text = "https:" + text
    elif "://" not in text and not re.match(r"^[a-z][a-z0-9+.-]*:", text, re.IGNORECASE):
        # Editors often paste "youtu.be/…" or "www.youtube.com/…" without the scheme.
        text = "https://" + text
    try:
        parts = urlsplit(text)
        hostname = (parts.hostname or "").lower().rstrip(".")
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as error:
        raise ValidationError(NOT_AN_ADDRESS, code="invalid") from error
    if parts.scheme.lower() not in {"http", "https"}:
        raise ValidationError(WRONG_SCHEME, code="scheme")
    if not hostname or parts.username or parts.password:
        raise ValidationError(NOT_AN_ADDRESS, code="invalid")
    return parts, hostname


def _segments(path: str) -> list[str]:
    return [segment for segment in path.split("/") if segment]


def _youtube_id(parts, hostname: str) -> str | None:
    segments = _segments(parts.path)
    if hostname in YOUTUBE_SHORT_HOSTS:
        return segments[0] if len(segments) == 1 else None
    if hostname in YOUTUBE_NOCOOKIE_HOSTS:
        return segments[1] if len(segments) == 2 and segments[0] == "embed" else None
    query = parse_qs(parts.query)
    if segments == ["watch"]:
        values = query.get("v", [])
        if not values and "list" in query:
            raise ValidationError(PLAYLIST, code="playlist")
        return values[0] if len(values) == 1 else None
    if len(segments) == 2 and segments[0] in {"shorts", "embed", "live", "v"}:
        if segments[1] == "videoseries":
            raise ValidationError(PLAYLIST, code="playlist")
        return segments[1]
    if segments == ["playlist"]:
        raise ValidationError(PLAYLIST, code="playlist")
    return None


def _vimeo_id(parts, hostname: str) -> str | None:
    segments = _segments(parts.path)
    if hostname in VIMEO_PLAYER_HOSTS:
        return segments[1] if len(segments) == 2 and segments[0] == "video" else None
    if len(segments) == 1:
        return segments[0]
    if len(segments) == 3 and segments[0] == "channels":
        return segments[2]
    if segments and segments[0] in {"showcase", "album"}:
        raise ValidationError(PLAYLIST, code="playlist")
    return None


def parse_video_url(url: str) -> VideoRef:
    """Return the provider and video id of a YouTube or Vimeo address, or explain what is wrong.

    Accepted: youtube.com/watch?v=ID (extra parameters such as a playlist or start time are
    ignored), youtu.be/ID, youtube.com/shorts/ID, youtube.com/embed/ID,
    youtube.com/live/ID, youtube-nocookie.com/embed/ID, vimeo.com/ID, vimeo.com/channels/NAME/ID and
    player.vimeo.com/video/ID. Everything else raises ValidationError with a message for editors.
    """
    parts, hostname = _split(url)
    if hostname in YOUTUBE_HOSTS | YOUTUBE_SHORT_HOSTS | YOUTUBE_NOCOOKIE_HOSTS:
        video_id = _youtube_id(parts, hostname)
        if video_id is None or not YOUTUBE_ID.fullmatch(video_id):
            raise ValidationError(NO_VIDEO_ID, code="no_video")
        return VideoRef(YOUTUBE, video_id)
    if hostname in VIMEO_HOSTS | VIMEO_PLAYER_HOSTS:
        video_id = _vimeo_id(parts, hostname)
        if video_id is None or not VIMEO_ID.fullmatch(video_id):
            raise ValidationError(NO_VIDEO_ID, code="no_video")
        return VideoRef(VIMEO, video_id)
    raise ValidationError(OTHER_HOST, code="host")


def validate_video_url(url: str) -> None:
    """Form and model validator: raises the same readable errors as parse_video_url."""
    parse_video_url(url)


def format_duration(duration: datetime.timedelta | None) -> str:
    """3:05 or 1:02:05, as video players show it; empty when unknown."""
    if not duration:
        return ""
    total = int(duration.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def iso_duration(duration: datetime.timedelta | None) -> str:
    """ISO 8601 duration (PT3M5S) for <time datetime> and structured data."""
    total = int(duration.total_seconds()) if duration else 0
    if total <= 0:
        return ""
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    units = ((hours, "H"), (minutes, "M"), (seconds, "S"))
    return "PT" + "".join(f"{value}{unit}" for value, unit in units if value)


DURATION_TEXT = re.compile(r"(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)")


def parse_duration_text(text: str) -> datetime.timedelta | None:
    """Read "3:05" or "1:02:05" as typed in the video block; None when empty."""
    text = (text or "").strip()
    if not text:
        return None
    match = DURATION_TEXT.fullmatch(text)
    if not match:
        raise ValidationError(
            _("Write the length as minutes:seconds, for example 3:05 (or 1:02:05)."),
            code="duration",
        )
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return datetime.timedelta(hours=hours, minutes=minutes, seconds=seconds)


def validate_duration_text(text: str) -> None:
    parse_duration_text(text)
