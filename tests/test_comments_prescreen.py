"""The pre-screen flags each kind of personal identifier, and leaves ordinary comments alone."""

import pytest

from comments.prescreen import (
    DATE_OF_BIRTH,
    EMAIL,
    FULL_DATE,
    MEDICAL_RECORD_NUMBER,
    NATIONAL_ID,
    PHONE,
    POSTAL_ADDRESS,
    find_identifiers,
    identifier_kinds,
)
from comments.rendering import format_comment_body, highlight_identifiers

FLAGGED = [
    ("Call me on 07700 900123 any evening.", PHONE),
    ("My number is +44 (0)20 7946 0958.", PHONE),
    ("Ring (555) 123-4567 and ask for Jo.", PHONE),
    ("Llámame al +34 612 345 678 por favor.", PHONE),
    ("Write to jane.doe@example.com if you can help.", EMAIL),
    ("My email is jane (at) example (dot) com", EMAIL),
    ("My father was born on 12 March 1950 and still goes to the gym.", DATE_OF_BIRTH),
    ("DOB: 03/04/1962", DATE_OF_BIRTH),
    ("Her date of birth is 1950-02-01.", DATE_OF_BIRTH),
    ("Mi madre nació el 3 de mayo de 1950.", DATE_OF_BIRTH),
    ("I was admitted on 12/05/2023 for surgery.", FULL_DATE),
    ("Her MRN 1234567 is on the letter.", MEDICAL_RECORD_NUMBER),
    ("Hospital number: AB123456, ward 4.", MEDICAL_RECORD_NUMBER),
    ("Mi número de historia es 00123456.", MEDICAL_RECORD_NUMBER),
    ("NHS number 943 476 5919", NATIONAL_ID),
    ("his number 9434765919 is valid", NATIONAL_ID),
    ("SSN 123-45-6789", NATIONAL_ID),
    ("Just 123-45-6789 here", NATIONAL_ID),
    ("Mi DNI es 12345678Z.", NATIONAL_ID),
    ("I live at 221B Baker Street, come by.", POSTAL_ADDRESS),
    ("Post it to M1 1AE please.", POSTAL_ADDRESS),
    ("We moved to Springfield, IL 62704 last year.", POSTAL_ADDRESS),
    ("Vivo en Calle Mayor 12, en Madrid.", POSTAL_ADDRESS),
]

NOT_FLAGGED = [
    "In 2019 I had 3 operations and took 10 mg twice a day for 2 weeks.",
    "Thank you to ward 7! 24/7 care, 100% recommended.",
    "Between 2019 and 2021 the clinic helped me more than I can say.",
    "Cruzamos la calle 3 veces para llegar a urgencias.",
    "Dr. Smith and the nurses were wonderful.",
    "It took 45 minutes, from 9.30 to 10.15, and I was home by noon.",
    "My son was born in 2019 and is doing well.",
    "Is this treatment available for children?",
]


# Ways people (or spammers) write an identifier so that a plain pattern misses it.
EVASIONS = [
    ("Ring 07700\u00a0900123 tonight.", PHONE),  # non-breaking space
    ("Ring 07700\u2009900\u2009123 tonight.", PHONE),  # thin spaces
    ("Ring 07700\u202f900123 tonight.", PHONE),  # narrow no-break space
    ("Ring 07700\u2013900\u2013123 tonight.", PHONE),  # en dashes
    ("Ring 0770/090/0123 tonight.", PHONE),  # slashes
    ("Ring 07700_900_123 tonight.", PHONE),  # underscores
    ("Ring 07700\n900123 tonight.", PHONE),  # a line break
    ("Ring O77OO 9OO123 tonight.", PHONE),  # the letter O for zero
    ("Ring \u2070\u2077\u2077\u2070\u2070 \u2079\u2070\u2070\u00b9\u00b2\u00b3 tonight.", PHONE),
    ("Ring 0\u200b7700 900\u200c123 tonight.", PHONE),  # zero-width characters
    ("Ring \uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13.", PHONE),
    ("Write to jane at example dot org please.", EMAIL),
    ("Write to jane dot doe at nhs dot net please.", EMAIL),
    ("Write to jane\uff20example.org please.", EMAIL),  # fullwidth @
    ("Write to jane@\u200bexample.org please.", EMAIL),
    ("He was born on the twelfth of March nineteen fifty.", DATE_OF_BIRTH),
    ("Date of birth: March the third, nineteen eighty-two.", DATE_OF_BIRTH),
    ("Born twenty-first of June two thousand and one.", DATE_OF_BIRTH),
    ("Nació el tres de mayo de mil novecientos cincuenta.", DATE_OF_BIRTH),
    ("Her MRN is 1 2 3 4 5 6 7.", MEDICAL_RECORD_NUMBER),
    ("Hospital number 12  34  567 on the letter.", MEDICAL_RECORD_NUMBER),
    ("M.R.N. 1234567", MEDICAL_RECORD_NUMBER),
    ("Send it to sw1a 1aa for me.", POSTAL_ADDRESS),
    ("Post it to m1 1ae please.", POSTAL_ADDRESS),
]

# Ordinary comments that look a little like the evasions above: never flagged.
EVASION_CONTROLS = [
    "My room was a1 2nd floor, near the lifts.",
    "I drank 10oz of water before the scan.",
    "We looked at the dot on the X-ray together.",
    "Open 24/7, with 2 nurses on at night.",
    "Three of us were born in the spring, in 1990, 1992 and 1995.",
    "The team at ward 7 — and the porters — were kind.",
    "Zoo visits and O2 arena tickets for the children\u2019s ward\u00a0— thank you!",
    "Thank you\u200b to everyone on ward 4.",
]


@pytest.mark.parametrize(("text", "kind"), FLAGGED + EVASIONS)
def test_each_identifier_is_flagged_however_it_is_written(text, kind):
    assert kind in identifier_kinds(text)


@pytest.mark.parametrize("text", NOT_FLAGGED + EVASION_CONTROLS)
def test_ordinary_comments_are_not_flagged(text):
    assert identifier_kinds(text) == []


def test_an_invalid_nhs_checksum_is_a_phone_number_not_an_id():
    # 943 476 5910 fails the modulus-11 check: it is still flagged, as a phone number.
    assert identifier_kinds("call 943 476 5910") == [PHONE]


def test_an_invalid_dni_letter_is_not_an_id():
    assert NATIONAL_ID not in identifier_kinds("code 12345678A")


def test_findings_point_at_the_identifier_in_the_text():
    text = "Ring me on 07700 900123 or mail jo@example.org"
    spans = [(f.kind, text[f.start : f.end]) for f in find_identifiers(text)]
    assert spans == [(PHONE, "07700 900123"), (EMAIL, "jo@example.org")]


def test_several_kinds_are_reported_once_each_in_order():
    text = "jo@example.org, 07700 900123, jo@example.com, MRN 1234567"
    assert identifier_kinds(text) == [EMAIL, MEDICAL_RECORD_NUMBER, PHONE]


def test_long_hostile_input_is_screened_quickly():
    import time

    start = time.perf_counter()
    for text in ("1-" * 1500, "1 " * 1500, "Calle A " * 375, "(at) " * 600):
        identifier_kinds(text)
    assert time.perf_counter() - start < 2


def test_highlighting_marks_identifiers_and_escapes_the_rest():
    html = highlight_identifiers("<b>hi</b> call 07700 900123")
    assert "&lt;b&gt;hi&lt;/b&gt;" in html
    assert '<mark title="phone number">07700 900123</mark>' in html
    assert "<b>" not in html


def test_comment_body_keeps_paragraphs_and_links_urls_as_user_content():
    html = format_comment_body("First line\nsecond line\n\nSee https://example.org/a?b=1&c=2")
    assert html.startswith("<p>First line<br>second line</p>")
    assert (
        '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">'
        "https://example.org/a?b=1&amp;c=2</a>" in html
    )


def test_comment_body_escapes_markup_and_script():
    html = format_comment_body('<script>alert(1)</script><a href="javascript:x">x</a>')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html


def test_findings_of_normalised_text_point_at_what_the_reader_wrote():
    text = "Ring O77OO\u00a09OO123 or jane\uff20example.org"
    spans = [(f.kind, text[f.start : f.end]) for f in find_identifiers(text)]
    assert spans == [(PHONE, "O77OO\u00a09OO123"), (EMAIL, "jane\uff20example.org")]
