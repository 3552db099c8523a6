"""The text comparison behind "What changed": passages and sentences, added and removed."""

from policy.changes import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    Fragment,
    compare_passages,
    count_changes,
    passages_from_html,
    sentences,
)

OLD = """
<section><h2>Security</h2><p>Use a strong password.</p>
<ul><li>Lock your screen.</li><li>Report lost phones.</li></ul></section>
"""
NEW = """
<section><h2>Security</h2><p>Use a strong password. Turn on two-factor authentication.</p>
<ul><li>Lock your screen.</li></ul></section>
<section><h2>Medical advice</h2><p>Do not give medical advice online.</p></section>
"""


def test_passages_are_read_from_block_elements_in_order():
    kinds_and_text = [(p.kind, p.text) for p in passages_from_html(OLD)]
    assert kinds_and_text == [
        ("heading", "Security"),
        ("text", "Use a strong password."),
        ("item", "Lock your screen."),
        ("item", "Report lost phones."),
    ]


def test_sentences_split_on_full_stops_before_a_capital():
    assert sentences("Use a strong password. Turn it on! ¿Qué hacer? 2FA helps.") == [
        "Use a strong password.",
        "Turn it on!",
        "¿Qué hacer?",
        "2FA helps.",
    ]
    assert sentences("Version 2.0 is current.") == ["Version 2.0 is current."]


def test_changes_mark_added_and_removed_sentences_and_passages():
    rows = compare_passages(passages_from_html(OLD), passages_from_html(NEW))
    by_text = {row.fragments[-1].text: row for row in rows}
    paragraph = by_text["Turn on two-factor authentication."]
    assert paragraph.change == CHANGED
    assert paragraph.fragments == (
        Fragment(SAME, "Use a strong password."),
        Fragment(ADDED, "Turn on two-factor authentication."),
    )
    assert by_text["Report lost phones."].change == REMOVED
    assert by_text["Medical advice"].change == ADDED
    assert by_text["Lock your screen."].change == SAME
    assert count_changes(rows) == {ADDED: 3, REMOVED: 1}


def test_markup_in_the_text_is_read_as_text():
    [passage] = passages_from_html("<p>Use &lt;b&gt; &amp; <strong>bold</strong></p>")
    assert passage.text == "Use <b> & bold"
