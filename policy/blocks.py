"""StreamField blocks of a policy: headed sections holding text, Do / Don't lists and contacts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class DoDontBlock(blocks.StructBlock):
    """Side-by-side lists of what staff should and should not do; labelled in words, not colour."""

    heading = blocks.CharBlock(
        label=_("heading"),
        required=False,
        max_length=120,
        help_text=_("Optional, for example 'Posting about your work'."),
    )
    dos = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("do"), min_num=1)
    donts = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("don't"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Do / Don't list")
        template = "policy/blocks/do_dont.html"


class ContactBlock(blocks.StructBlock):
    """Who staff contact about the policy, and how."""

    team = blocks.CharBlock(label=_("team or person"), max_length=120)
    purpose = blocks.CharBlock(
        label=_("contact them about"),
        required=False,
        max_length=200,
        help_text=_("For example 'Anything posted about a patient by mistake'."),
    )
    email = blocks.EmailBlock(label=_("email"), required=False)
    phone = blocks.CharBlock(label=_("phone"), required=False, max_length=40)
    hours = blocks.CharBlock(
        label=_("when"), required=False, max_length=120, help_text=_("For example '24 hours'.")
    )

    class Meta:
        icon = "user"
        label = _("Contact")
        template = "policy/blocks/contact.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("email") and not value.get("phone"):
            raise StructBlockValidationError(
                block_errors={
                    "email": ValidationError(_("Give an email address or a phone number."))
                }
            )
        return value


class SectionContentBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)
    do_dont = DoDontBlock()
    contact = ContactBlock()

    class Meta:
        min_num = 1


class SectionBlock(blocks.StructBlock):
    """A numbered section of the policy; its heading is listed under 'On this page'."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    content = SectionContentBlock(label=_("content"))

    class Meta:
        icon = "title"
        label = _("Section")
        template = "policy/blocks/section.html"


class PolicyBodyBlock(blocks.StreamBlock):
    """The policy text: a sequence of headed sections with distinct headings (they are anchors)."""

    section = SectionBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        value = super().clean(value)
        seen: dict[str, int] = {}
        errors = {}
        for index, child in enumerate(value):
            anchor = slugify(child.value["heading"])
            if anchor in seen:
                errors[index] = StructBlockValidationError(
                    block_errors={
                        "heading": ValidationError(
                            _("Another section already has this heading; headings must differ.")
                        )
                    }
                )
            seen.setdefault(anchor, index)
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return value
