"""Health-aware pre-screening: spot things in a comment that look like personal identifiers.

Readers sometimes post their own or someone else's details (a phone number, a date of birth,
a hospital number). Nothing here blocks or publishes a comment — every comment is held for
moderation anyway — it only tells the moderator where to look. The patterns favour catching
too much over too little, and know a little English, British, American and Spanish usage.

Text is normalised before matching (NFKC folds fullwidth and superscript characters, zero-width
characters are dropped, dashes become hyphens, a letter O among digits becomes a zero), so the
usual tricks to slip a number past a filter are caught; findings point at the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

EMAIL = "email"
PHONE = "phone"
DATE_OF_BIRTH = "date_of_birth"
FULL_DATE = "full_date"
MEDICAL_RECORD_NUMBER = "medical_record_number"
NATIONAL_ID = "national_id"
POSTAL_ADDRESS = "postal_address"

IDENTIFIER_LABELS = {
    EMAIL: _("email address"),
    PHONE: _("phone number"),
    DATE_OF_BIRTH: _("date of birth"),
    FULL_DATE: _("full date (could be a date of birth)"),
    MEDICAL_RECORD_NUMBER: _("medical record or hospital number"),
    NATIONAL_ID: _("NHS, social security or ID number"),
    POSTAL_ADDRESS: _("postal address"),
}


@dataclass(frozen=True)
class Finding:
    """One suspected identifier: what kind it is and where it sits in the text."""

    kind: str
    start: int
    end: int


_I = re.IGNORECASE

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|"
    r"mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre)"
)
_NUMERIC_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})"
_WORDY_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?{_MONTHS}\.?,?\s+(?:de\s+)?\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_ANY_DATE = rf"(?:{_NUMERIC_DATE}|{_WORDY_DATE})"
# A date written out in words: "the twelfth of March nineteen fifty", "tres de mayo de mil
# novecientos cincuenta".
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_ORDINAL_UNITS = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
_DAY_WORD = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|(?:twenty|thirty)[- ]?(?:{_ORDINAL_UNITS}|{_UNITS})"
    rf"|{_ORDINAL_UNITS}|{_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
    r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
    r"|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince"
    r"|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|veinti\w+|treinta(?: y uno)?)"
)
_YEAR_WORDS = (
    r"(?:\d{4}|(?:eighteen|nineteen|twenty)[- ](?:hundred|oh[- ]\w+|\w+(?:[- ]\w+)?)"
    r"|two thousand(?:[- ]and)?(?:[- ]\w+)?|mil novecientos(?: \w+){1,3}|dos mil(?: \w+)?)"
)
_DATE_IN_WORDS = (
    rf"(?:(?:the\s+)?{_DAY_WORD}\s+(?:of\s+|de\s+)?{_MONTHS}"
    rf"|{_MONTHS}\s+(?:the\s+)?{_DAY_WORD}),?\s+(?:(?:of|in|de)\s+)?{_YEAR_WORDS}"
)

_TLDS = r"(?:com|org|net|edu|gov|nhs|info|uk|us|es|eu|co|io|me|ac|biz)"
EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s?@\s?[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w.+-]+\s*[\[(]\s*at\s*[\])]\s*[\w-]+\s*[\[(]\s*dot\s*[\])]\s*\w{2,}"
    # "jane at example dot org", "jane dot doe at nhs dot net"
    rf"|\b\w+(?:\s+dot\s+\w+)*\s+at\s+[\w-]+(?:\s+dot\s+[\w-]+)*\s+dot\s+{_TLDS}\b",
    _I,
)
DATE_OF_BIRTH_RE = re.compile(
    r"(?:\bborn\b(?:\s+on)?|\bdate\s+of\s+birth\b|\bbirth\s*date\b|\bd\.?\s?o\.?\s?b\b\.?"
    r"|\bbirthday\b|\bfecha\s+de\s+nacimiento\b|\bnaci[óo]\b"
    r"|\bnacid[oa]\b)"
    rf"[\s:,-]{{0,3}}(?:(?:is|was|on|the|es|era|el)\s+){{0,2}}(?:{_ANY_DATE}|{_DATE_IN_WORDS})",
    _I,
)
FULL_DATE_RE = re.compile(rf"(?<![\w/.-]){_NUMERIC_DATE}(?![\w/])")
MEDICAL_RECORD_RE = re.compile(
    r"(?:\bM\.?\s?R\.?\s?N\b\.?|\bmedical\s+records?(?:\s+(?:number|no\.?|#))?|\bhospital\s+(?:number|no\.?|id)"
    r"|\bpatient\s+(?:id|number|no\.?)|\b(?:record|chart|case)\s+(?:number|no\.?)|\bNHC\b"
    r"|\bhistoria\s+cl[ií]nica|\bn[uú]mero\s+de\s+historia|\btarjeta\s+sanitaria|\bCIP\b)"
    # digits may be spaced out: "1 2 3 4 5 6 7", "12-34_567"
    r"[\s:#.]{0,3}(?:(?:is|es|number|n[uú]mero)\s+)?[A-Z]{0,4}[-\s]?\d(?:[\s._/-]{0,3}\d){3,14}",
    _I,
)
NHS_NUMBER_RE = re.compile(r"(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])")
NHS_WITH_KEYWORD_RE = re.compile(
    r"\bNHS\s*(?:number|no\.?|#)?[\s:]{0,3}\d{3}[ -]?\d{3}[ -]?\d{4}\b", _I
)
SSN_RE = re.compile(r"(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])")
SSN_WITH_KEYWORD_RE = re.compile(
    r"\b(?:SSN|social\s+security(?:\s+(?:number|no\.?|#))?|seguridad\s+social)"
    r"[\s:#.]{0,3}(?:(?:is|es)\s+)?\d[\d\s-]{7,12}\d",
    _I,
)
SPANISH_ID_RE = re.compile(r"\b([XYZ]?)(\d{7,8})[-\s]?([A-Z])\b", _I)
# Separators include slashes, underscores and line breaks (non-breaking and thin spaces and en
# dashes are folded to spaces and hyphens by ``normalise`` first).
PHONE_RE = re.compile(r"(?<![\w+])(?:\+|\(\+?)?\d[\d().\-/_\s]{6,28}\d(?!\w)")
POSTAL_ADDRESS_RES = [
    # 221B Baker Street, 12 Elm Rd.
    re.compile(
        r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'-]*\s+){1,4}"
        r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Close|Crescent|Way|Place|Pl|Court|Ct"
        r"|Boulevard|Blvd|Terrace|Gardens|Grove|Square|Sq)\b\.?"
    ),
    # UK postcodes: SW1A 1AA, M1 1AE; in lower case (sw1a 1aa) only with the space, and
    # never "a1 2nd".
    re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"),
    re.compile(
        r"\b[a-pr-uwyz][a-hk-y]?\d[a-z\d]? (?!\d(?:st|nd|rd|th)\b)\d[abd-hjlnp-uw-z]{2}\b", _I
    ),
    # US city, state and ZIP: Springfield, IL 62704.
    re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"),
    # Calle Mayor 12, Avenida de la Constitución, 5.
    re.compile(
        r"\b(?:Calle|C/|Avenida|Avda\.?|Plaza|Paseo|Camino)\s+(?:de(?:l|\s+la|\s+los|\s+las)?\s+)?"
        r"[A-ZÁÉÍÓÚÑ][\w'-]*(?:\s+[\wÁÉÍÓÚÑ'-]+){0,3}?,?\s+(?:n[ºo°.]\s*)?\d{1,4}\b"
    ),
]

_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def _nhs_checksum_ok(digits: str) -> bool:
    """NHS numbers carry a modulus-11 check digit; phone numbers pass it only by chance."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _spanish_id_ok(prefix: str, number: str, letter: str) -> bool:
    """A Spanish DNI (8 digits) or NIE (X/Y/Z + 7 digits) whose control letter matches."""
    if prefix:
        if len(number) != 7:
            return False
        number = str("XYZ".index(prefix.upper())) + number
    elif len(number) != 8:
        return False
    return _DNI_LETTERS[int(number) % 23] == letter.upper()


def _overlaps(start: int, end: int, findings: list[Finding]) -> bool:
    return any(start < f.end and f.start < end for f in findings)


def _national_ids(text: str) -> list[Finding]:
    found = [
        Finding(NATIONAL_ID, m.start(), m.end())
        for regex in (NHS_WITH_KEYWORD_RE, SSN_WITH_KEYWORD_RE, SSN_RE)
        for m in regex.finditer(text)
    ]
    for m in NHS_NUMBER_RE.finditer(text):
        if _nhs_checksum_ok("".join(m.groups())) and not _overlaps(m.start(), m.end(), found):
            found.append(Finding(NATIONAL_ID, m.start(), m.end()))
    for m in SPANISH_ID_RE.finditer(text):
        if _spanish_id_ok(*m.groups()):
            found.append(Finding(NATIONAL_ID, m.start(), m.end()))
    return found


_ZERO_WIDTH = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
# A run of the letter O written for zeros: next to a digit, and not part of a word ("10oz").
_O_FOR_ZERO = re.compile(r"(?<![^\W\d_])[oO]+(?=\d)|(?<=\d)[oO]+(?![^\W\d_])")


def normalise(text: str) -> tuple[str, list[int]]:
    """The text as matched, and for each of its characters the index it came from."""
    characters: list[str] = []
    origins: list[int] = []
    for index, character in enumerate(text):
        if character in _ZERO_WIDTH:
            continue
        for folded in unicodedata.normalize("NFKC", character):
            characters.append("-" if folded in _DASHES else folded)
            origins.append(index)
    folded_text = _O_FOR_ZERO.sub(lambda m: "0" * len(m.group()), "".join(characters))
    return folded_text, origins


def find_identifiers(text: str) -> list[Finding]:
    """Every suspected identifier in ``text``, in reading order, as spans of ``text`` itself."""
    normal, origins = normalise(text)
    return [
        Finding(f.kind, origins[f.start], origins[f.end - 1] + 1)
        for f in _find_in_normalised(normal)
        if f.end > f.start
    ]


def _find_in_normalised(text: str) -> list[Finding]:
    """Specific patterns go first (record numbers, ID numbers, dates); the broad phone-number
    pattern only claims digits that nothing more specific explained."""
    findings: list[Finding] = [
        Finding(MEDICAL_RECORD_NUMBER, m.start(), m.end()) for m in MEDICAL_RECORD_RE.finditer(text)
    ]
    findings += [f for f in _national_ids(text) if not _overlaps(f.start, f.end, findings)]
    findings += [Finding(EMAIL, m.start(), m.end()) for m in EMAIL_RE.finditer(text)]
    findings += [
        Finding(DATE_OF_BIRTH, m.start(), m.end()) for m in DATE_OF_BIRTH_RE.finditer(text)
    ]
    for m in FULL_DATE_RE.finditer(text):
        if not _overlaps(m.start(), m.end(), findings):
            findings.append(Finding(FULL_DATE, m.start(), m.end()))
    for regex in POSTAL_ADDRESS_RES:
        findings += [Finding(POSTAL_ADDRESS, m.start(), m.end()) for m in regex.finditer(text)]
    for m in PHONE_RE.finditer(text):
        digit_count = sum(ch.isdigit() for ch in m.group())
        if 9 <= digit_count <= 15 and not _overlaps(m.start(), m.end(), findings):
            findings.append(Finding(PHONE, m.start(), m.end()))
    return sorted(findings, key=lambda f: (f.start, f.end))


def identifier_kinds(text: str) -> list[str]:
    """The distinct kinds found, sorted: what is stored on the comment for the moderator."""
    return sorted({finding.kind for finding in find_identifiers(text)})
