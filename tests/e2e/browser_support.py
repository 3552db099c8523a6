"""Helpers the browser tests share: Playwright's retrying assertions and the page's
Content-Security-Policy reports."""

from __future__ import annotations


def expect(target):
    """Playwright's retrying assertions (imported late: without Playwright the tests skip)."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(target)


def csp_reports(page) -> list[str]:
    """The console messages about Content-Security-Policy violations, collected from now on
    into the returned list (a test asserts it stays empty)."""
    reports: list[str] = []
    page.on(
        "console",
        lambda message: (
            reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return reports
