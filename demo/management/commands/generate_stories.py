"""Create many realistic, varied, live stories for the search benchmark.

Part of the ``demo`` app, which production settings never install.

Pages are real tree nodes under the English story index (created by Wagtail's ``add_child``),
with tags and a rich-text body; the search index is written in bulk at the end (one INSERT per
chunk) instead of once per page, which is what makes 5 000 stories take seconds, not minutes.
"""

from __future__ import annotations

import io
import random
import time
from datetime import timedelta

from django.apps import apps
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry
from wagtail.search.signal_handlers import post_save_signal_handler

from blog.models import Topic
from demo import stories_vocabulary as words

SLUG_PREFIX = "generated-story-"
HERO_TITLE = "Generated story hero (benchmark)"
INDEX_CHUNK = 250


def story_text(rng: random.Random) -> dict[str, object]:
    """Title, summary, body paragraphs, storyteller type and tags for one story."""
    condition, department, tag = rng.choice(words.CONDITIONS)
    feeling, feeling2 = rng.sample(words.FEELINGS, 2)
    slots = {
        "name": rng.choice(words.FIRST_NAMES),
        "relation": rng.choice(words.RELATIONS),
        "role": rng.choice(words.STAFF_ROLES),
        "condition": condition,
        "department": department,
        "activity": rng.choice(words.ACTIVITIES),
        "feeling": feeling,
        "feeling2": feeling2,
        "time": rng.choice(words.TIMES),
        "pronoun": rng.choice(["her", "his", "their"]),
        "pronoun2": rng.choice(["she", "he", "they"]),
    }
    title = rng.choice(words.TITLES).format(**slots)
    # A dozen of the sixty sentence patterns, so each appears in about one story in five.
    sentences = [s.format(**slots) for s in rng.sample(words.SENTENCES, rng.randint(8, 16))]
    breaks = sorted(rng.sample(range(2, len(sentences) - 1), rng.randint(2, 4)))
    paragraphs = [
        " ".join(sentences[start:end])
        for start, end in zip([0, *breaks], [*breaks, len(sentences)], strict=True)
    ]
    other_tag = rng.choice(words.CONDITIONS)[2]
    return {
        "title": title[0].upper() + title[1:],
        "summary": rng.choice(words.SUMMARIES).format(**slots)[:300],
        "paragraphs": paragraphs,
        "storyteller_type": rng.choice(["patient", "patient", "family", "friend", "staff"]),
        "tags": sorted({tag, other_tag}),
        "byline": f"{slots['name']}, {slots['relation']}" if rng.random() < 0.5 else "",
    }


class Command(BaseCommand):
    help = "Create generated live stories for the search benchmark."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--count", type=int, default=5000, help="stories to create")
        parser.add_argument(
            "--top-up",
            action="store_true",
            help="treat --count as the total wanted: only create what is missing",
        )
        parser.add_argument("--seed", type=int, default=2024, help="random seed (repeatable)")

    def handle(self, *args, count: int, top_up: bool, seed: int, **options) -> None:
        if count < 0:
            raise CommandError("--count must be zero or more.")
        try:
            story_model = apps.get_model("blog", "StoryPage")
            index_model = apps.get_model("blog", "StoryIndexPage")
        except LookupError as error:
            raise CommandError("The blog app's StoryPage is not installed.") from error

        existing = story_model.objects.filter(slug__startswith=SLUG_PREFIX).count()
        wanted = max(0, count - existing) if top_up else count
        if wanted == 0:
            self.stdout.write(f"{existing} generated stories already exist; nothing to do.")
            return

        started = time.perf_counter()
        with transaction.atomic():
            parent = self.story_index(index_model)
            created = self.create_stories(story_model, parent, wanted, existing, seed)
        created_at = time.perf_counter()
        with transaction.atomic():
            for start in range(0, len(created), INDEX_CHUNK):
                # As update_index does: re-read with the tags prefetched for the index.
                chunk = list(
                    story_model.get_indexed_objects().filter(
                        pk__in=[story.pk for story in created[start : start + INDEX_CHUNK]]
                    )
                )
                for backend in get_search_backends():
                    backend.add_bulk(story_model, chunk)
        self.settle_statistics()
        done = time.perf_counter()
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {len(created)} stories in {created_at - started:.1f} s and indexed "
                f"them in {done - created_at:.1f} s ({existing + len(created)} generated in all)."
            )
        )

    def settle_statistics(self) -> None:
        """Do what autovacuum would soon do after a bulk load (PostgreSQL only).

        Thousands of new index entries wait in the GIN indexes' pending lists and the planner has
        no statistics for them; a site that grows a story at a time never looks like that, so
        the benchmark should not either.
        """
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT gin_clean_pending_list(index.indexrelid::regclass) FROM pg_index index"
                " JOIN pg_class class ON class.oid = index.indexrelid"
                " JOIN pg_am method ON method.oid = class.relam"
                " WHERE method.amname = 'gin' AND index.indrelid = %s::regclass",
                [IndexEntry._meta.db_table],
            )
            # Every table: the stories' own, their topics and the pages (autovacuum may be off
            # or not yet run; without statistics the storyteller filter's count took 38 ms).
            cursor.execute("ANALYZE")

    def story_index(self, index_model: type[Page]) -> Page:
        """The English story index, created under the English home page if missing."""
        home = Page.objects.get(depth=2, locale__language_code="en").specific
        index = index_model.objects.child_of(home).first()
        if index is None:
            index = index_model(title="Stories", slug="stories")
            home.add_child(instance=index)
        return index

    def hero_image(self):
        """One small generated image shared by every generated story (alt text per story)."""
        image_model = get_image_model()
        image = image_model.objects.filter(title=HERO_TITLE).first()
        if image is None:
            buffer = io.BytesIO()
            PillowImage.new("RGB", (120, 80), (11, 93, 107)).save(buffer, format="PNG")
            image = image_model(title=HERO_TITLE)
            image.file = ImageFile(buffer, name="generated-story-hero.png")
            image.save()
        return image

    def create_stories(self, story_model, parent, wanted: int, offset: int, seed: int) -> list:
        """Add ``wanted`` live stories under ``parent``; the index is written afterwards."""
        rng = random.Random(seed + offset)  # noqa: S311 - sample text, not secrets
        hero = self.hero_image()
        all_tags = {name for _condition, _department, name in words.CONDITIONS}
        tags = {
            name: Topic.objects.get_or_create(
                locale_id=parent.locale_id, slug=slugify(name), defaults={"name": name}
            )[0]
            for name in sorted(all_tags)
        }
        now = timezone.now()
        created = []
        # Indexing each page as it is saved would rewrite the title norms 5 000 times.
        post_save.disconnect(post_save_signal_handler, sender=story_model)
        try:
            for number in range(offset + 1, offset + wanted + 1):
                text = story_text(rng)
                published = now - timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
                story = story_model(
                    title=text["title"],
                    slug=f"{SLUG_PREFIX}{number}",
                    summary=text["summary"],
                    storyteller_type=text["storyteller_type"],
                    byline=text["byline"],
                    hero_image=hero,
                    hero_alt="A plain teal rectangle (generated for the benchmark).",
                    body=[
                        ("text", RichText(f"<p>{escape(paragraph)}</p>"))
                        for paragraph in text["paragraphs"]
                    ],
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                )
                story.tags.add(*(tags[name] for name in text["tags"]))
                parent.add_child(instance=story)
                created.append(story)
        finally:
            post_save.connect(post_save_signal_handler, sender=story_model)
        return created
