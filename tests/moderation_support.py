"""The comment and mention queues' admin addresses, and the checks their access tests share."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db.models import Model
from django.test import Client


@dataclass(frozen=True)
class Queue:
    """A moderation queue in the admin: Wagtail's snippet views and bulk actions for a model."""

    app_label: str
    model_name: str

    @property
    def url(self) -> str:
        return f"/admin/snippets/{self.app_label}/{self.model_name}/"

    def edit_url(self, item: Model) -> str:
        return f"{self.url}edit/{item.pk}/"

    def history_url(self, item: Model) -> str:
        return f"{self.url}history/{item.pk}/"

    def bulk_url(self, action: str, *items: Model) -> str:
        ids = "&".join(f"id={item.pk}" for item in items)
        return f"/admin/bulk/{self.app_label}/{self.model_name}/{action}/?next={self.url}&{ids}"


COMMENTS = Queue("comments", "comment")
MENTIONS = Queue("mentions", "receivedmention")


def groups_holding(codename: str, app_label: str) -> list[str]:
    """The names of the groups granted the permission."""
    holders = Group.objects.filter(
        permissions__codename=codename, permissions__content_type__app_label=app_label
    )
    return list(holders.values_list("name", flat=True))


def assert_refused_everywhere(
    client: Client,
    queue: Queue,
    item: Model,
    message: str,
    *,
    bulk_actions: tuple[str, ...],
    more_urls: tuple[str, ...] = (),
) -> None:
    """The queue, the item's edit and history pages (and ``more_urls``) answer 403 with the
    refusal ``message``; approving it by the edit form or in bulk, and opening the other
    ``bulk_actions``, are refused too."""
    for url in (queue.url, queue.edit_url(item), queue.history_url(item), *more_urls):
        refused = client.get(url)
        assert refused.status_code == 403, url
        assert message in refused.content.decode()
    assert client.post(queue.edit_url(item), {"status": "approved"}).status_code == 403
    assert client.post(queue.bulk_url("approve", item)).status_code == 403
    for action in bulk_actions:
        assert client.get(queue.bulk_url(action, item)).status_code == 403, action
