"""The Spanish text of the demo pages, keyed by the English text of each segment.

Written by a person for Spanish-speaking readers (usted, neutral Latin American and European
Spanish), not machine translated. Slugs of sections stay English so /es/stories/ mirrors
/en/stories/; the home page's slug is internal and only needs to be unique.
"""

from __future__ import annotations

HOME = {
    "Clinic Stories": "Historias de la Clínica",
    "home": "inicio",
    "Stories from our hospital": "Historias de nuestro hospital",
    (
        "Patients, families, friends and staff tell what happened here, in their own words. "
        "Every story is shared with consent and checked by our clinicians before it is published."
    ): (
        "Pacientes, familiares, amigos y profesionales cuentan lo que vivieron aquí, con sus "
        "propias palabras. Cada historia se comparte con consentimiento y nuestros clínicos la "
        "revisan antes de publicarla."
    ),
}

# English page path under the home page -> {English segment: Spanish segment}, parents first.
SPANISH_PAGES: dict[str, dict[str, str]] = {
    "": HOME,
}
