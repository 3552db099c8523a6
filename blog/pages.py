"""What the story and the video page share: the :class:`ReaderPage` base (editorial permissions,
clinical review, topics made the page's own language's, the consent-record check, the context
both templates read), the editor's tabs and the search fields every reader's page starts from.

The fields stay on each page type: their labels and help differ, and they are what a reader of
the model wants to see first."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.models import Page
from wagtail.search import index

from blog.serving import view_restrictions
from blog.topics import localize_topics
from workflow.deletion import EditorialPermissionsMixin
from workflow.models import ReviewableMixin
from workflow.models.consent import consent_blockers
from workflow.panels import ReviewChecklistPanel

# The top of the content tab: Wagtail's title and slug, what review still needs, the summary.
SUMMARY_PANELS: list[Panel] = [
    *Page.content_panels,
    ReviewChecklistPanel(),
    FieldPanel("summary", widget=forms.Textarea(attrs={"rows": 3})),
]


def editor_tabs(content_panels: list[Panel], consent_panels: list[Panel]) -> TabbedInterface:
    """Content, Consent, then Wagtail's Promote and Settings tabs."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(consent_panels, heading=_("Consent")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )


def reader_search_fields(*fields: index.BaseField) -> list[index.BaseField]:
    """Page's own search fields with the title boosted and autocompleted (later entries replace
    Page's own for the same field), the summary, then ``fields``, then the topics' names."""
    return [
        *Page.search_fields,
        index.SearchField("title", boost=5),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=3),
        *fields,
        index.RelatedFields("tags", [index.SearchField("name", boost=0.5)]),
    ]


class ReaderPage(EditorialPermissionsMixin, ReviewableMixin, Page):
    """Abstract: a page readers come for, listed by its index (its only parent), reviewed before
    it goes live, open to reader comments. A subclass has ``summary``, ``tags`` (topics) and
    ``consent_record`` fields and a ``consent_scopes_needed()`` method."""

    subpage_types: list[str] = []
    accepts_reader_comments = True  # the comments app shows its section and form here

    class Meta:
        abstract = True

    def clean(self) -> None:
        # Runs before every save and revision: a translation's copied topics become its own.
        super().clean()
        localize_topics(self)

    def consent_record_blockers(self, missing_message: str) -> list[str]:
        """``missing_message`` without a linked consent record, else what the record lacks for
        ``consent_scopes_needed``."""
        if self.consent_record_id is None:
            return [missing_message]
        return consent_blockers(self.consent_record, self.consent_scopes_needed())

    def get_view_restrictions(self):
        return view_restrictions(self, super().get_view_restrictions)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        """The page's topics (``tags``) and its index (``index_page``, for "All …" links)."""
        context = super().get_context(request, *args, **kwargs)
        context.update(tags=list(self.tags.all()), index_page=self.get_parent())
        return context
