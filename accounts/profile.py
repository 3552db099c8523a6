"""The public title in the admin: the person's own Account settings and an administrators' list.

A reviewer's public title is copied into the page when they approve its clinical review
(``workflow.publishing.record_clinical_review``), so the published line never reads the profile:
changing a title changes the pages reviewed from then on, never what readers already see, and
no cached page goes stale.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import StaffProfile


class PublicTitleForm(forms.ModelForm):
    class Meta:
        model = StaffProfile
        fields = ["public_title"]


class PublicTitleSettingsPanel(BaseSettingsPanel):
    name = "public_title"
    title = _("Public title")
    order = 150
    form_class = PublicTitleForm

    def get_form(self) -> PublicTitleForm:
        profile = StaffProfile.objects.filter(user=self.user).first() or StaffProfile(
            user=self.user
        )
        kwargs = {"instance": profile, "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)


class PublicTitleViewSet(ModelViewSet):
    """Administrators set anyone's public title (Settings → Public titles)."""

    model = StaffProfile
    icon = "user"
    menu_label = _("Public titles")
    add_to_settings_menu = True
    form_fields = ["user", "public_title"]
    list_display = ["user", "public_title"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "public_title"]
    ordering = ["user__last_name", "user__first_name"]
