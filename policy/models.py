"""The staff social-media policy: a versioned page whose history comes from Wagtail's revisions."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Page, Revision
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import TranslationSource

from blog.serving import public_only, route_to_child, view_restrictions
from workflow.deletion import EditorialPermissionsMixin
from workflow.models import ReviewableMixin
from workflow.panels import ReviewChecklistPanel

from .blocks import PolicyBodyBlock
from .changes import compare_passages, count_changes, passages_from_html
from .rules import ProposedVersion, default_next_review, version_rule_errors
from .versions import (
    VERSION_RE,
    VERSION_URL_RE,
    PublishedVersion,
    find_version,
    latest_published,
    parse_version,
    previous_version,
    published_versions,
)

# What a reader sees of a version; if all of these match a published revision, saving the
# page again is not a new version (a move or a republish), so the version may stay the same.
VERSIONED_FIELDS = (
    "title",
    "summary",
    "body",
    "version",
    "effective_date",
    "next_review_date",
    "policy_owner",
    "approved_by",
    "summary_of_changes",
)


class PolicyIndexPage(EditorialPermissionsMixin, Page):
    """The policies section (/policy/): why staff policies are public, and a list of them."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A sentence or two on why the hospital publishes its staff policies."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["policy.PolicyPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("policy section")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        policies = public_only(PolicyPage.objects.child_of(self).live(), self)
        context["policies"] = policies.order_by("title")
        return context

    def route(self, request: HttpRequest, path_components: list[str]):
        return route_to_child(
            self,
            request,
            path_components,
            PolicyPage,
            lambda: super(PolicyIndexPage, self).route(request, path_components),
        )

    def get_view_restrictions(self):
        return view_restrictions(self, super().get_view_restrictions)


class PolicyPage(EditorialPermissionsMixin, ReviewableMixin, RoutablePageMixin, Page):
    """A published staff policy, its version details and its public version history."""

    # Reviewed on its own next_review_date ("Policies due for review"), not yearly.
    clinical_rereview_yearly = False

    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("What the policy is for, in one or two sentences. Shown above the policy."),
    )
    body = StreamField(PolicyBodyBlock(), verbose_name=_("policy text"))
    version = models.CharField(
        _("version"),
        max_length=9,
        default="1.0",
        validators=[
            RegexValidator(
                VERSION_RE, _("Write the version as major.minor, for example 1.0 or 2.3.")
            )
        ],
        help_text=_(
            "major.minor. Every published change needs a higher number: raise the minor number "
            "for clarifications, the major number when the rules change."
        ),
    )
    effective_date = models.DateField(
        _("effective date"), help_text=_("The day this version comes into force.")
    )
    next_review_date = models.DateField(
        _("next review date"),
        null=True,
        blank=True,
        help_text=_("Leave empty for one year after the effective date."),
    )
    summary_of_changes = models.TextField(
        _("summary of changes"),
        max_length=1000,
        blank=True,
        help_text=_(
            "What changed since the last published version; shown in the public version "
            "history. Required for every new version."
        ),
    )
    policy_owner = models.CharField(
        _("policy owner"),
        max_length=120,
        default="Communications",
        help_text=_(
            "The team responsible for the policy. When it names a staff group, that group's "
            "members receive the review reminders; otherwise Communications does."
        ),
    )
    approved_by = models.CharField(
        _("approved by"),
        max_length=200,
        help_text=_("The role that approved this version, for example 'Chief Executive'."),
    )

    content_panels = [
        *Page.content_panels,
        ReviewChecklistPanel(),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("version"), FieldPanel("effective_date")]),
                FieldPanel("summary_of_changes"),
                FieldRowPanel([FieldPanel("policy_owner"), FieldPanel("approved_by")]),
                FieldPanel("next_review_date"),
            ],
            heading=_("Version and review"),
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=5),
        index.SearchField("summary", boost=3),
        index.SearchField("body"),
        index.FilterField("next_review_date"),
    ]

    # Version, dates and owner are facts about the policy, the same in every language.
    override_translatable_fields = [
        SynchronizedField("version"),
        SynchronizedField("effective_date"),
        SynchronizedField("next_review_date"),
        SynchronizedField("policy_owner"),
    ]

    parent_page_types = ["policy.PolicyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        permissions = [
            ("view_policy_review_report", _("Can see the 'Policies due for review' report")),
        ]

    # --- version rules -------------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        if self.effective_date and not self.next_review_date:
            self.next_review_date = default_next_review(self.effective_date)
        errors = self.version_rule_errors()
        if errors:
            raise ValidationError(errors)

    def version_rule_errors(self) -> dict[str, str]:
        """Field → message for every version rule this content breaks (see ``policy.rules``)."""
        last = latest_published(published_versions(self.pk)) if self.pk else None
        proposed = ProposedVersion(
            version=self.version,
            effective_date=self.effective_date,
            next_review_date=self.next_review_date,
            summary_of_changes=self.summary_of_changes,
        )
        same_version_allowed = (
            last is not None
            and parse_version(self.version) == last.key
            and (self.is_translation() or self._is_content_of(last))
        )
        return version_rule_errors(proposed, last, same_version_allowed=same_version_allowed)

    def review_blockers(self) -> list[str]:
        """A review task refuses approval while the version rules are broken."""
        return [*super().review_blockers(), *self.version_rule_errors().values()]

    def is_translation(self) -> bool:
        """True for a page translated from another locale: its version follows the original's."""
        return (
            TranslationSource.objects.filter(object_id=self.translation_key)
            .exclude(locale_id=self.locale_id)
            .exists()
        )

    def _is_content_of(self, published: PublishedVersion) -> bool:
        content = (
            Revision.objects.filter(pk=published.revision_id)
            .values_list("content", flat=True)
            .first()
        )
        if content is None:
            return False
        mine = json.loads(json.dumps(self.serializable_data(), cls=DjangoJSONEncoder))
        return all(
            _comparable(mine.get(name)) == _comparable(content.get(name))
            for name in VERSIONED_FIELDS
        )

    # --- public pages --------------------------------------------------------------------

    def get_view_restrictions(self):
        return view_restrictions(self, super().get_view_restrictions)

    @cached_property
    def published_history(self) -> list[PublishedVersion]:
        return published_versions(self.pk)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        history = self.published_history
        context.setdefault("policy", self)
        context["history"] = list(reversed(history))
        context["current_version"] = self.version
        context["first_version"] = history[0].version if history else None
        context["comes_into_force_later"] = bool(
            self.effective_date and self.effective_date > timezone.localdate()
        )
        context["original"] = self._original_with_history(request) if len(history) < 2 else None
        return context

    def _original_with_history(self, request: HttpRequest) -> Page | None:
        """For a translation made after earlier versions were published in the site's main
        language: the original page, whose history readers can follow (two queries at most)."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return None
        return (
            self.get_translations()
            .live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .select_related("locale")
            .first()
        )

    def version_url(self, version: str, request: HttpRequest | None = None) -> str:
        return self.get_url(request) + self.reverse_subpage("version", args=[version])

    def changes_url(self, version: str, request: HttpRequest | None = None) -> str:
        return self.get_url(request) + self.reverse_subpage("changes", args=[version])

    def _published(self, version: str) -> PublishedVersion:
        entry = find_version(self.published_history, version)
        if entry is None:
            raise Http404("No published version of this policy has that number.")
        return entry

    def as_published(self, entry: PublishedVersion) -> PolicyPage:
        """The page as it was when ``entry`` was published."""
        content = Revision.objects.values_list("content", flat=True).get(pk=entry.revision_id)
        return self.with_content_json(content)

    @re_path(rf"^versions/{VERSION_URL_RE}/$", name="version")
    def version_view(self, request: HttpRequest, version: str) -> HttpResponse:
        """An earlier version, marked as no longer in force; the current one is the page itself."""
        entry = self._published(version)
        if entry.version == self.version:
            return redirect(self.get_url(request))
        return self.render(
            request,
            context_overrides={
                "policy": self.as_published(entry),
                "archived_version": entry,
                "comes_into_force_later": False,
            },
        )

    @re_path(rf"^versions/{VERSION_URL_RE}/changes/$", name="changes")
    def changes_view(self, request: HttpRequest, version: str) -> HttpResponse:
        """What changed in ``version`` compared with the version published before it."""
        entry = self._published(version)
        before = previous_version(self.published_history, entry)
        if before is None:
            raise Http404("The first version has nothing to compare with.")
        old_page, new_page = self.as_published(before), self.as_published(entry)
        rows = compare_passages(
            passages_from_html(str(old_page.body.render_as_block())),
            passages_from_html(str(new_page.body.render_as_block())),
        )
        return self.render(
            request,
            template="policy/policy_changes.html",
            context_overrides={
                "entry": entry,
                "before": before,
                "newer": new_page,
                "rows": rows,
                "counts": count_changes(rows),
            },
        )


def _comparable(value):
    """Stream data is stored as a JSON string in some places and a list in others."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class ReviewReminder(models.Model):
    """One review reminder sent about a policy on a day; at most one per policy per day."""

    page = models.ForeignKey(PolicyPage, on_delete=models.CASCADE, related_name="review_reminders")
    sent_on = models.DateField(_("sent on"))
    recipients = models.PositiveIntegerField(_("number of recipients"))

    class Meta:
        verbose_name = _("policy review reminder")
        verbose_name_plural = _("policy review reminders")
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(fields=["page", "sent_on"], name="one_policy_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} reminded on {self.sent_on.isoformat()}"
