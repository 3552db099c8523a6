"""Promoted search results go through review too: they may only point at live pages.

A promotion sits above every result, so free text or an outside link there would reach readers
without the clinical and Communications review every page gets. Communications may promote a
live, public page of this site, shown with its own (reviewed) title and summary; an external
link, its link text and a custom description are for administrators only. The rule is applied
to Wagtail's own add and edit views (registered in front of them, same addresses) through the
promotion form; a refusal is a field error, saves nothing and is logged.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.models import inlineformset_factory
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.search_promotions.forms import SearchPromotionForm, SearchPromotionsFormSet
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.contrib.search_promotions.views import CreateView, EditView
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Page, PageViewRestriction

PROMOTION_REFUSED_ACTION = "search.promotion_refused"
ADMINISTRATOR_FIELDS = ("external_link_url", "external_link_text", "description")
ADMINISTRATOR_FIELD_REFUSALS = {
    "external_link_url": gettext_lazy(
        "Only administrators can promote a link to another website: promote a page of this "
        "site instead."
    ),
    "external_link_text": gettext_lazy("Only administrators can write a promotion's link text."),
    "description": gettext_lazy(
        "Only administrators can write a promotion's text: readers see the page's own "
        "summary. Leave this empty."
    ),
}


def page_refusal(page: Page) -> str | None:
    """Why ``page`` may not be promoted by a non-administrator; None when it may."""
    if not page.live:
        return _("Only a live page can be promoted: this page is not published.")
    if page.get_site() is None:
        return _("Only a page of this site can be promoted.")
    if PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists():
        return _("Only a public page can be promoted: this page is private.")
    return None


class ReviewedPromotionForm(SearchPromotionForm):
    """Wagtail's promotion form, with the review rule for everyone but administrators."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.refusals: dict[str, str] = {}
        if not self.by_administrator:
            for name in ADMINISTRATOR_FIELDS:
                self.fields[name].help_text = _("Administrators only.")

    @property
    def by_administrator(self) -> bool:
        user = self.for_user
        return bool(user and user.is_active and user.is_superuser)

    def refuse(self, field: str, reason: str) -> None:
        self.refusals[field] = str(reason)
        self.add_error(field, reason)

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        if self.by_administrator or cleaned_data.get("DELETE"):
            return cleaned_data
        if self.instance.pk and not set(self.changed_data) - {"ORDER", "DELETE"}:
            return cleaned_data  # an administrator's promotion, left as it was
        for name in ADMINISTRATOR_FIELDS:
            if str(self[name].value() or "").strip():
                self.refuse(name, ADMINISTRATOR_FIELD_REFUSALS[name])
        page = cleaned_data.get("page")
        reason = page_refusal(page) if page is not None else None
        if reason:
            self.refuse("page", reason)
        return cleaned_data


ReviewedPromotionsFormSet = inlineformset_factory(
    Query,
    SearchPromotion,
    form=ReviewedPromotionForm,
    formset=SearchPromotionsFormSet,
    can_order=True,
    can_delete=True,
    extra=0,
)


class ReviewedPromotionViewMixin:
    """Wagtail's add/edit views with the reviewed form, and refusals in the audit log."""

    @cached_property
    def searchpicks_formset(self) -> ReviewedPromotionsFormSet:
        kwargs = {"instance": self.object, "form_kwargs": {"for_user": self.request.user}}
        if self.request.method == "POST":
            return ReviewedPromotionsFormSet(self.request.POST, **kwargs)
        return ReviewedPromotionsFormSet(**kwargs)

    def is_valid(self, form: forms.Form) -> bool:
        valid = super().is_valid(form)
        query = getattr(self, "new_query", None)
        if query is not None:
            for promotion_form in self.searchpicks_formset.forms:
                if promotion_form.refusals:
                    log_refusal(query, promotion_form, self.request.user)
        return valid


def log_refusal(query: Query, form: ReviewedPromotionForm, user: Any) -> None:
    """Who tried to promote what for which words, and why it was refused."""
    page = form.cleaned_data.get("page") if hasattr(form, "cleaned_data") else None
    log(
        instance=query,
        action=PROMOTION_REFUSED_ACTION,
        user=user,
        data={
            "query": query.query_string,
            "page_id": page.pk if page else None,
            "page_title": page.title if page else "",
            "external_link_url": str(form["external_link_url"].value() or ""),
            "reasons": list(form.refusals.values()),
        },
    )


class ReviewedPromotionCreateView(ReviewedPromotionViewMixin, CreateView):
    pass


class ReviewedPromotionEditView(ReviewedPromotionViewMixin, EditView):
    pass


class PromotionRefusedFormatter(LogFormatter):
    label = gettext_lazy("Search promotion refused")

    def format_message(self, log_entry) -> str:
        return _("Promotion for “%(query)s” refused: %(reasons)s") % {
            "query": log_entry.data.get("query", ""),
            "reasons": " ".join(log_entry.data.get("reasons", [])),
        }
