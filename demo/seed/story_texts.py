"""The demo stories and videos, written for this project. Every person in them is invented.

Kept apart from the seeding logic so the words can be read (and translated) on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from demo.seed.images import Artwork


@dataclass(frozen=True)
class Consent:
    """The consent behind a story told by or about a patient (names are invented)."""

    person_name: str
    relationship: str  # a ConsentRecord.Relationship value
    purpose: str


@dataclass(frozen=True)
class StoryText:
    slug: str
    title: str
    summary: str
    storyteller_type: str
    byline: str
    tags: tuple[str, ...]
    hero: Artwork
    hero_alt: str
    days_ago: int
    body: tuple[tuple[str, object], ...]
    consent: Consent | None = None


@dataclass(frozen=True)
class VideoText:
    slug: str
    title: str
    summary: str
    video_url: str
    duration_seconds: int
    thumbnail: Artwork
    thumbnail_alt: str
    transcript: str
    captions_language: str
    days_ago: int
    tags: tuple[str, ...] = field(default=())


def text(*paragraphs: str) -> tuple[str, str]:
    return ("text", "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))


def quote(words: str, attribution: str) -> tuple[str, dict]:
    return ("pull_quote", {"quote": words, "attribution": attribution})


def abstract_alt(colours: str, shapes: str) -> str:
    return f"Abstract illustration: a {colours} gradient with {shapes}."


STORY_INDEX = {
    "title": "Stories",
    "intro": "Patients, families, friends and staff tell what happened here, in their own words.",
}
VIDEO_INDEX = {
    "title": "Videos",
    "intro": "Short films from our wards and clinics. Each one has a transcript.",
}

VOLUNTEER_VIDEO = {
    "thumbnail": Artwork("Video still: volunteers", (150, 80, 30), (240, 200, 150), "blocks", 103),
    "video_url": "https://youtu.be/Vt3nQ8sLw2c",
    "title": "Meet the Tuesday volunteers",
    "duration": "2:14",
    "captions_available": True,
    "captions_language": "en",
    "transcript": (
        "<p>[Music. A trolley of books rolls down a bright corridor.]</p>"
        "<p>Volunteer: We come in every Tuesday at ten. First stop is the surgical ward, "
        "because people there are often bored and a bit anxious.</p>"
        "<p>Patient, off camera: She brought me three detective novels. I finished two.</p>"
        "<p>Volunteer: You don't need any training in medicine. You need to listen, and to "
        "know when someone would rather be left alone.</p>"
    ),
}

STORIES: tuple[StoryText, ...] = (
    StoryText(
        slug="the-night-my-heart-skipped",
        title="The night my heart skipped",
        summary=(
            "A retired bus driver describes the night his heart rhythm went wrong, and how the "
            "cardiac team explained every step before they took it."
        ),
        storyteller_type="patient",
        byline="Tomás, patient",
        tags=("cardiology", "emergency care"),
        hero=Artwork("Story: heart rhythm", (150, 32, 48), (240, 130, 90), "waves", 11),
        hero_alt=abstract_alt("deep red to coral", "soft white waves like a heart trace"),
        days_ago=4,
        consent=Consent(
            "Tomás Ferreira",
            "self",
            "Publication of my story, with my first name, on the hospital's stories website.",
        ),
        body=(
            text(
                "It started while I was watching the football. My chest felt like a bird was "
                "trapped inside it, fluttering and then stopping. I told myself it was the "
                "coffee. An hour later I could not climb the stairs without sitting down.",
                "My daughter drove me to the emergency department. I remember the nurse at "
                "triage putting two fingers on my wrist, frowning, and then everything went "
                "very fast: sticky pads on my chest, a screen full of jagged lines, a doctor "
                "asking me the same questions the nurse had asked, but slower.",
            ),
            quote(
                "Nobody did anything to me without telling me first what it was and why.",
                "Tomás",
            ),
            text(
                "The diagnosis was atrial fibrillation. The cardiologist drew my heart on the "
                "back of a form and showed me where the signals were getting mixed up. She "
                "explained the medicine to slow the rhythm, the blood thinner to prevent a "
                "stroke, and what would happen if those did not work.",
                "I stayed two nights. The night nurse checked on me every hour and never once "
                "made me feel like a nuisance for pressing the call button.",
                "Six months on, I take my tablets with breakfast, I walk to the market every "
                "day, and I know which symptoms mean I should call the clinic. I still watch "
                "the football. I have switched to decaf.",
            ),
        ),
    ),
    StoryText(
        slug="our-sons-first-year",
        title="Our son's first year, in small victories",
        summary=(
            "Born at 29 weeks, Leo spent nine weeks in the neonatal unit. His mother writes "
            "about the alarms, the routines and the nurses who taught her to be his parent there."
        ),
        storyteller_type="family",
        byline="Lucía, Leo's mother",
        tags=("neonatal care", "family"),
        hero=Artwork("Story: neonatal unit", (44, 96, 160), (160, 210, 230), "circles", 22),
        hero_alt=abstract_alt("blue to pale sky", "overlapping soft white circles"),
        days_ago=9,
        consent=Consent(
            "Lucía Romero",
            "parent",
            "Publication of a story about my son's care in the neonatal unit, with our first "
            "names, on the hospital's stories website.",
        ),
        body=(
            text(
                "Leo weighed 1,240 grams when he was born. The first time I saw him he was "
                "inside an incubator, under a blue light, with a tube in his nose that was "
                "wider than his finger. I was too scared to touch him.",
                "A nurse called Priya opened the little porthole and guided my hand in. "
                "\u201cHe knows your voice,\u201d she said. \u201cTalk to him.\u201d I did, "
                "every day after that, for nine weeks.",
            ),
            quote(
                "They never made us feel like visitors. We were his parents, and the nurses "
                "made sure we could be.",
                "Lucía, Leo's mother",
            ),
            text(
                "We learned to read his monitors, to change a nappy through the portholes, to "
                "hold him skin to skin against my chest. The alarms stopped frightening us once "
                "we understood which ones mattered. The team let us join the morning rounds "
                "and answered our questions in words we could follow.",
                "Leo came home in March. Today he is a loud, happy one-year-old who pulls every "
                "book off the shelf. We still send the unit a photo on his birthday.",
            ),
        ),
    ),
    StoryText(
        slug="sitting-with-ana-through-chemotherapy",
        title="Sitting with Ana through chemotherapy",
        summary=(
            "When her oldest friend began treatment for breast cancer, Carmen went with her to "
            "every session. She describes what helped, and what she learned about being there."
        ),
        storyteller_type="friend",
        byline="Carmen, a friend",
        tags=("cancer care", "caregiving"),
        hero=Artwork("Story: chemotherapy day unit", (120, 60, 150), (235, 170, 200), "blocks", 33),
        hero_alt=abstract_alt("violet to soft pink", "rounded translucent rectangles"),
        days_ago=15,
        consent=Consent(
            "Ana Castillo",
            "self",
            "My friend may publish her account of accompanying me to chemotherapy, with my first "
            "name, on the hospital's stories website.",
        ),
        body=(
            text(
                "Ana and I have been friends since we were eleven. When she told me her "
                "diagnosis she said it the way she says everything: quickly, with a joke at the "
                "end so nobody would cry. I asked if I could come to her treatments. She said "
                "yes before I had finished the question.",
                "The day unit has big chairs by the windows. The nurses explained the drip, the "
                "anti-sickness tablets, and the signs of infection to watch for at home. They "
                "gave Ana a card with a phone number that answers day and night.",
            ),
            quote("My job was not to fix anything. My job was to be in the next chair.", "Carmen"),
            text(
                "I brought crosswords and a thermos of tea. Some sessions we talked the whole "
                "time; some days Ana slept and I read. The nurses noticed when she was quieter "
                "than usual and asked about it, without fuss.",
                "The support nurse also asked how I was doing, which surprised me. She pointed "
                "me to the carers' group that meets on Thursdays. I went twice. It helped more "
                "than I expected.",
                "Ana finished her last cycle in the spring. We rang the bell together.",
            ),
        ),
    ),
    StoryText(
        slug="twelve-hours-on-the-night-shift",
        title="Twelve hours on the night shift",
        summary=(
            "An emergency nurse walks through one night in the department: the quiet hours, the "
            "sudden ones, and the handover at seven."
        ),
        storyteller_type="staff",
        byline="Joanna, emergency nurse",
        tags=("nursing", "emergency care", "staff life"),
        hero=Artwork("Story: night shift", (16, 40, 72), (40, 120, 140), "cross", 44),
        hero_alt=abstract_alt("midnight blue to teal", "small white dots and a soft white cross"),
        days_ago=21,
        body=(
            text(
                "Handover is at seven in the evening. The day team tells us about every patient "
                "still in the department: who is waiting for a scan, who is waiting for a bed, "
                "who has family on the way. I write it all on a folded sheet in my pocket.",
                "Between nine and midnight it is usually busy: falls, chest pains, children "
                "with fevers that will not come down. We work in pairs and we check each "
                "other's medicines, every time, even when we are rushing. Especially then.",
            ),
            quote(
                "At three in the morning, a cup of tea and a warm blanket are clinical "
                "interventions.",
                "Joanna, emergency nurse",
            ),
            text(
                "The small hours are different. The people who come in then are often frightened "
                "and alone. I try to tell them my name, what will happen next, and roughly how "
                "long it will take, because waiting without knowing is the hardest part.",
                "At seven in the morning I hand over to the day team and walk to the bus as the "
                "city wakes up. Some nights I replay a decision all the way home. Most nights I "
                "think about the man who squeezed my hand and said thank you, and I sleep well.",
            ),
        ),
    ),
    StoryText(
        slug="the-evening-before-surgery",
        title="What I tell patients the evening before surgery",
        summary=(
            "A consultant surgeon on the conversation she has with every patient the night "
            "before an operation, and why she never skips it."
        ),
        storyteller_type="staff",
        byline="Dr Helena, consultant surgeon",
        tags=("surgery", "patient experience", "staff life"),
        hero=Artwork("Story: before surgery", (20, 110, 100), (190, 225, 200), "circles", 55),
        hero_alt=abstract_alt("green to pale mint", "large soft white circles"),
        days_ago=28,
        body=(
            text(
                "Every evening before an operating list I visit my patients on the ward. I sit "
                "down, because standing over someone in a bed makes a conversation feel like an "
                "inspection. Then I explain, one more time, what we are going to do tomorrow.",
                "I describe where the cuts will be, how long they will be asleep, what they will "
                "feel when they wake up, and who will be there. I ask what worries them most. "
                "It is rarely the operation itself. It is the dog at home, or whether they will "
                "be able to walk to the bathroom on their own.",
            ),
            quote(
                "Consent is not a signature. It is a conversation that the signature records.",
                "Dr Helena, consultant surgeon",
            ),
            text(
                "Sometimes a patient changes their mind during that conversation, and that is "
                "all right. Sometimes they ask a question that changes how I plan the "
                "operation. Listening the evening before has made me a better surgeon.",
                "When I leave, I tell them I will see them in the morning before the "
                "anaesthetic. I always keep that promise.",
            ),
        ),
    ),
    StoryText(
        slug="why-i-push-the-library-cart",
        title="Why I push the library cart on Tuesdays",
        summary=(
            "A retired librarian has volunteered on the wards for six years. She explains what a "
            "paperback and ten minutes of conversation can do."
        ),
        storyteller_type="staff",
        byline="Margaret, volunteer",
        tags=("volunteering", "patient experience"),
        hero=Artwork("Story: library cart", (176, 96, 20), (250, 210, 120), "blocks", 66),
        hero_alt=abstract_alt("amber to soft yellow", "stacked rounded shapes like books"),
        days_ago=35,
        body=(
            text(
                "After forty years in a public library I was not ready to stop handing people "
                "books. A friend told me the hospital needed volunteers for the ward library, "
                "and I started the following month.",
                "Every Tuesday I push a cart of novels, magazines, large-print books and "
                "puzzle books from ward to ward. I knock, I introduce myself, and I ask whether "
                "they would like something to read. Some people want a thriller. Some people "
                "want to talk about their grandchildren. Both are fine.",
            ),
            ("video", VOLUNTEER_VIDEO),
            quote(
                "A hospital day is very long. A good book makes it a little shorter.",
                "Margaret",
            ),
            text(
                "The volunteer team gave me training on infection control, confidentiality and "
                "what to do if a patient tells me something worrying. I never ask why someone "
                "is in hospital. If they want to tell me, they do.",
                "We are always looking for more volunteers, especially people who speak more "
                "than one language.",
            ),
        ),
    ),
    StoryText(
        slug="walking-again-after-a-knee-replacement",
        title="Walking again after a knee replacement",
        summary=(
            "After years of pain, a keen gardener had her knee replaced. She shares the exercises, "
            "the setbacks and the day she knelt in her vegetable patch again."
        ),
        storyteller_type="patient",
        byline="Rosa, patient",
        tags=("surgery", "orthopaedics", "rehabilitation"),
        hero=Artwork("Story: knee replacement", (70, 110, 40), (210, 220, 150), "waves", 77),
        hero_alt=abstract_alt("olive to pale green", "gentle white waves like hills"),
        days_ago=42,
        consent=Consent(
            "Rosa Delgado",
            "self",
            "Publication of my story, with my first name, on the hospital's stories website.",
        ),
        body=(
            text(
                "For five years my right knee decided how my day would go. Stairs were a "
                "negotiation. Gardening, which I love, became something I watched other people do.",
                "Before the operation I went to a class for people having joint replacements. "
                "A physiotherapist showed us the exercises we would do afterwards and let us try "
                "the walking frame and the raised toilet seat. It made the whole thing feel "
                "ordinary, in a good way.",
            ),
            quote(
                "The physiotherapists were kind, but they did not let me off a single exercise.",
                "Rosa",
            ),
            text(
                "I was standing the afternoon after surgery, which amazed me. The first two "
                "weeks at home were harder than I expected: swelling, stiffness, nights when I "
                "could not get comfortable. The physiotherapy team adjusted my exercises at "
                "each appointment and told me which pain was normal and which was not.",
                "Four months later I knelt on a cushion in my vegetable patch and planted "
                "tomatoes. It took me a while to get up again. I did not care.",
            ),
        ),
    ),
    StoryText(
        slug="living-with-diabetes-with-a-little-help",
        title="Living with diabetes, with a little help from the clinic",
        summary=(
            "Diagnosed with type 2 diabetes at 48, a taxi driver explains how the diabetes clinic "
            "helped him fit blood sugar checks into twelve-hour shifts."
        ),
        storyteller_type="patient",
        byline="",  # shown as "Anonymous", translated
        tags=("diabetes", "outpatient care"),
        hero=Artwork("Story: diabetes clinic", (200, 70, 40), (250, 190, 120), "circles", 88),
        hero_alt=abstract_alt("orange to peach", "scattered soft white circles"),
        days_ago=56,
        consent=Consent(
            "Javier Morales",
            "self",
            "Publication of my story without my name on the hospital's stories website.",
        ),
        body=(
            text(
                "I found out I had diabetes because of a routine eye test. I felt fine. I drive "
                "a taxi for twelve hours a day and I eat when I can, usually from a petrol "
                "station. The diagnosis felt like a telling-off.",
                "The diabetes nurse did not tell me off. She asked about my shifts, what I eat "
                "and when, and then we made a plan that fitted my actual life, not an imaginary "
                "one with three calm meals a day.",
            ),
            quote(
                "We made a plan for the life I have, not the one I was supposed to have.",
                "A patient",
            ),
            text(
                "The dietitian showed me which snacks would not send my sugar up and down. I "
                "keep a small cool bag in the car now. I check my feet every evening, which I "
                "never imagined I would do, and I see the podiatrist twice a year.",
                "My last blood test was the best in three years. I still drive twelve-hour "
                "shifts. I just stop for lunch.",
            ),
        ),
    ),
    StoryText(
        slug="my-fathers-last-weeks",
        title="My father's last weeks in palliative care",
        summary=(
            "A daughter writes about the palliative care team who looked after her father, and "
            "who looked after the family too."
        ),
        storyteller_type="family",
        byline="Elena, daughter of a patient",
        tags=("palliative care", "family", "caregiving"),
        hero=Artwork("Story: palliative care", (60, 70, 110), (200, 190, 220), "waves", 99),
        hero_alt=abstract_alt("dusk blue to lavender", "calm white waves"),
        days_ago=70,
        consent=Consent(
            "Elena Varela",
            "representative",
            "As my late father's representative, I agree to the publication of my account of "
            "his care on the hospital's stories website, with our first names only.",
        ),
        body=(
            text(
                "When the oncologist told us there were no more treatments that would help, my "
                "father asked one question: \u201cCan I stop hurting?\u201d The palliative care "
                "team came to see him the same afternoon.",
                "They changed his pain medicine, and for the first time in months he slept "
                "through the night. They asked him what mattered to him. He wanted to see the "
                "sea once more and to have his grandchildren visit without the hospital "
                "frightening them.",
            ),
            quote(
                "They cared for my father as a person until the very end, and for us as a family "
                "afterwards.",
                "Elena",
            ),
            text(
                "The nurses moved his bed so he could see the harbour from the window. They "
                "found crayons and paper for the children. When his breathing changed, they "
                "explained what was happening in plain words and stayed with us.",
                "A few weeks after the funeral, the team's bereavement nurse phoned me to ask "
                "how we were. I cried, and then I thanked her. I am still grateful.",
            ),
        ),
    ),
)

VIDEOS: tuple[VideoText, ...] = (
    VideoText(
        slug="a-tour-of-the-childrens-ward",
        title="A tour of the children's ward",
        summary=(
            "Two play specialists show what a stay on the children's ward looks like: the "
            "bedrooms, the playroom, and where parents sleep."
        ),
        video_url="https://www.youtube.com/watch?v=k7Ph2mQx9Ta",
        duration_seconds=222,
        thumbnail=Artwork(
            "Video still: children's ward", (30, 130, 170), (250, 220, 120), "circles", 101
        ),
        thumbnail_alt=abstract_alt("sky blue to sunny yellow", "bright soft circles"),
        transcript=(
            "<p>[A bright corridor decorated with paintings of animals.]</p>"
            "<p>Play specialist 1: Hello! We are the play team on the children's ward. Let's "
            "show you around before you come and stay with us.</p>"
            "<p>Play specialist 2: This is a bedroom. Every child has their own bed, a locker "
            "for toys, and a fold-out bed next to it so a parent can stay overnight.</p>"
            "<p>Play specialist 1: This is the playroom. It's open every day from nine until "
            "six, with games, books and a games console. If you can't leave your bed, we bring "
            "the toys to you.</p>"
            "<p>Play specialist 2: Before any test or procedure, we can show you what will "
            "happen using a doll and real equipment, so there are no surprises.</p>"
            "<p>Play specialist 1: See you soon!</p>"
        ),
        captions_language="en",
        days_ago=12,
        tags=("children", "patient experience"),
    ),
    VideoText(
        slug="preparing-for-your-mri-scan",
        title="Preparing for your MRI scan",
        summary=(
            "A radiographer explains what happens during an MRI scan, how long it takes and how "
            "to prepare, including what to do if you feel anxious in small spaces."
        ),
        video_url="https://vimeo.com/824613907",
        duration_seconds=178,
        thumbnail=Artwork("Video still: MRI scan", (40, 50, 60), (120, 170, 190), "cross", 102),
        thumbnail_alt=abstract_alt("charcoal to steel blue", "small dots and a soft cross"),
        transcript=(
            "<p>Radiographer: Hello, I'm one of the radiographers in the imaging department. "
            "An MRI scanner uses a strong magnet and radio waves to take detailed pictures. "
            "It does not use X-rays.</p>"
            "<p>Before your scan, we'll ask you some safety questions, because metal can be "
            "affected by the magnet. Tell us if you have a pacemaker, any implants, or have "
            "ever worked with metal.</p>"
            "<p>The scan usually takes between fifteen and forty-five minutes. The machine is "
            "noisy, so we'll give you headphones, and you can listen to music.</p>"
            "<p>If you feel anxious in small spaces, tell us when you book. We can talk you "
            "through it, you can bring someone with you into the room, and you can press the "
            "call buzzer at any time.</p>"
            "<p>You can eat and drink as normal unless your letter says otherwise.</p>"
        ),
        captions_language="en",
        days_ago=30,
        tags=("imaging", "patient experience"),
    ),
)
