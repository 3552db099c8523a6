"""The search form: the query box and the three filters, all read from the address (GET)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .content import ResultType, TagCount
from .query import ReaderQuery, clean_text, reader_query


def _is_slug(value: str) -> bool:
    if not value or len(value) > 100:
        return False
    try:
        validate_unicode_slug(value)
    except ValidationError:
        return False
    return True


class QueryField(forms.CharField):
    """Free text; control characters (NUL included) are removed rather than refused."""

    def to_python(self, value: Any) -> str:
        return clean_text(super().to_python(value))


class SearchForm(forms.Form):
    """Invalid filter values (a crafted address) are reported beside the field and ignored."""

    q = QueryField(label=_("Search for"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    storyteller = forms.ChoiceField(label=_("Told by"), required=False)
    tag = forms.SlugField(label=_("Topic"), required=False, max_length=100, allow_unicode=True)

    def __init__(
        self,
        data: QueryDict,
        *,
        types: list[ResultType],
        storytellers: list[tuple[str, Any]],
        tags: list[TagCount],
    ) -> None:
        # The box shows back the cleaned, capped text, never the raw bytes that were sent.
        self.reader_query = reader_query(str(data.get("q", "")), settings.SEARCH_QUERY_MAX_LENGTH)
        data = data.copy()
        data["q"] = self.reader_query.text
        super().__init__(data)
        self.max_length = settings.SEARCH_QUERY_MAX_LENGTH
        self.fields["q"].widget = forms.SearchInput(
            attrs={"maxlength": self.max_length, "autocomplete": "off", "spellcheck": "true"}
        )
        type_choices = [(t.key, t.filter_label) for t in types]
        self.fields["type"].choices = [("", _("All types")), *type_choices]
        self.fields["storyteller"].choices = [("", _("Everyone")), *storytellers]
        tag_choices = sorted(((t.slug, t.name) for t in tags), key=lambda c: c[1].lower())
        current = str(self.data.get("tag", ""))
        if current not in {slug for slug, _name in tag_choices} and _is_slug(current):
            tag_choices.append((current, current))
        self.fields["tag"].widget = forms.Select(choices=[("", _("All topics")), *tag_choices])

    def query(self) -> ReaderQuery:
        """The cleaned, capped query (empty when the address has no ``q``)."""
        return self.reader_query

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters, as {field name: value}."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if name != "q" and value}
