"""Topics: the managed, translatable vocabulary that stories and videos are filed under.

Communications create and translate topics (a snippet, translated through wagtail-localize);
authors only choose among the topics of their page's language. A topic's translations share
its slug (a synchronised field), so ``?tag=surgery`` and ``/tag/surgery/feed/rss/`` name the
same topic in every language and keep the addresses the free tags had.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Topic(TranslatableMixin, models.Model):
    """One topic in one language; its translations share ``translation_key`` and ``slug``."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_(
            "The topic's address in links and feeds (?tag=…), shared by its translations. "
            "Changing it breaks links that readers saved."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("For editors: what belongs under this topic. Not shown to readers."),
    )
    former_slugs = models.JSONField(
        _("former addresses"),
        default=list,
        blank=True,
        editable=False,
        help_text="Slugs of topics merged into this one: their addresses redirect here.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="blog_topic_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def validate_unique(self, exclude=None) -> None:
        # The slug is shared by translations: another topic may not take it in any language.
        super().validate_unique(exclude)
        clash = Topic.objects.filter(slug=self.slug).exclude(translation_key=self.translation_key)
        if self.slug and clash.exists():
            raise ValidationError({"slug": _("Another topic already has this address.")})


class TopicsField(ClusterTaggableManager):
    """A page's topics; the editor form starts from those that still exist (a draft revision
    may name a topic that Communications deleted since)."""

    def value_from_object(self, instance) -> list[Topic]:
        rel_name = self.through._meta.get_field("content_object").remote_field.get_accessor_name()
        ids = [item.tag_id for item in getattr(instance, rel_name).all()]
        return list(Topic.objects.filter(pk__in=ids)) if ids else []


class TopicItem(ItemBase):
    """A page filed under a topic: taggit's through model, so ``page.tags`` lists topics."""

    tag = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        abstract = True


def localize_topics(page) -> None:
    """File ``page`` under its topics' translations in the page's own language.

    A translation copies the source's topics (a synchronised field): they are replaced by the
    topic with the same translation key in the page's locale, or dropped when Communications
    have not translated that topic yet. A topic deleted since a revision was saved is dropped
    too. Runs before every save and revision.
    """
    items = list(page.tagged_items.all())
    if not items:
        return
    topics = Topic.objects.in_bulk({item.tag_id for item in items})
    foreign = {t.translation_key for t in topics.values() if t.locale_id != page.locale_id}
    local = (
        {
            topic.translation_key: topic
            for topic in Topic.objects.filter(translation_key__in=foreign, locale_id=page.locale_id)
        }
        if foreign
        else {}
    )
    kept, seen = [], set()
    for item in items:
        topic = topics.get(item.tag_id)
        if topic is not None and topic.locale_id != page.locale_id:
            topic = local.get(topic.translation_key)
        if topic is not None and topic.pk not in seen:
            seen.add(topic.pk)
            item.tag = topic
            kept.append(item)
    if foreign or len(kept) != len(items):
        page.tagged_items = kept


def topic_redirect_slug(locale_id: int, slug: str) -> str | None:
    """The slug of the topic that ``slug`` was merged into, in this language; None if none.

    Only asked for addresses that name no topic; topics are few, so one query reads them all.
    """
    for topic in Topic.objects.filter(locale_id=locale_id).only("slug", "former_slugs"):
        if slug in (topic.former_slugs or []):
            return topic.slug
    return None
