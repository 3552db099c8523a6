"""The queues' audit-log vocabulary: each action's label and message, and the reason of a
decision after the message ("Comment rejected: Asks for medical advice")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from wagtail.log_actions import LogActionRegistry, LogFormatter


class ReasonFormatter(LogFormatter):
    """The action's message, followed by the label of the entry's ``reason`` when it has one of
    ``reasons``."""

    reasons: Mapping[str, str] = {}

    def format_message(self, log_entry) -> str:
        reason = log_entry.data.get("reason")
        if reason in self.reasons:
            return f"{self.message}: {self.reasons[reason]}"
        return str(self.message)


def register_log_actions(
    actions: LogActionRegistry,
    entries: Iterable[tuple[str, str, str]],
    reasons: Mapping[str, str],
) -> None:
    """Register each (code, label, message) of ``entries``, its message followed by the label
    of the entry's reason (a key of ``reasons``)."""
    for code, label, message in entries:
        formatter = type(
            f"{code.replace('.', '_')}_formatter",
            (ReasonFormatter,),
            {"label": label, "message": message, "reasons": reasons},
        )
        actions.register_action(code)(formatter)
