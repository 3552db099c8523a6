"""The Spanish text of the demo pages, keyed by the English text of each segment.

Written by a person for Spanish-speaking readers (usted, a neutral Spanish that reads well on
both sides of the Atlantic), not machine translated. Slugs are translated too, as a translator
does in wagtail-localize's editor: /es/historias/, /es/videos/ ("vídeos" without the accent),
/es/politicas/redes-sociales/ (``translations.FORMER_SPANISH_SLUGS`` redirects the older English
ones). The menu is built from the page tree, so it follows the Spanish slugs.
Names of invented people stay as they are; the illustrations' alt text describes the same
pictures.
"""

from __future__ import annotations

from demo.seed.spanish_policy import POLICY, POLICY_INDEX

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

STORY_INDEX = {
    "Stories": "Historias",
    "stories": "historias",
    "Patients, families, friends and staff tell what happened here, in their own words.": (
        "Pacientes, familiares, amigos y profesionales cuentan lo que vivieron aquí, con sus "
        "propias palabras."
    ),
}

VIDEO_INDEX = {
    "Videos": "Vídeos",
    "videos": "videos",
    "Short films from our wards and clinics. Each one has a transcript.": (
        "Vídeos breves de nuestras plantas y consultas. Todos tienen transcripción."
    ),
}

HEART = {
    "The night my heart skipped": "La noche en que mi corazón se desbocó",
    "the-night-my-heart-skipped": "la-noche-en-que-mi-corazon-se-desboco",
    (
        "A retired bus driver describes the night his heart rhythm went wrong, and how the "
        "cardiac team explained every step before they took it."
    ): (
        "Un conductor de autobús jubilado cuenta la noche en que se le alteró el ritmo del "
        "corazón, y cómo el equipo de cardiología le explicó cada paso antes de darlo."
    ),
    "Tomás, patient": "Tomás, paciente",
    (
        "Abstract illustration: a deep red to coral gradient with soft white waves like a heart "
        "trace."
    ): (
        "Ilustración abstracta: un degradado de rojo intenso a coral con suaves ondas blancas, "
        "como el trazado de un electrocardiograma."
    ),
    (
        "It started while I was watching the football. My chest felt like a bird was trapped "
        "inside it, fluttering and then stopping. I told myself it was the coffee. An hour later I "
        "could not climb the stairs without sitting down."
    ): (
        "Empezó mientras veía el fútbol. Sentía como si tuviera un pájaro atrapado en el pecho, "
        "que aleteaba y luego se paraba. Me dije que sería el café. Una hora después no podía "
        "subir la escalera sin sentarme a descansar."
    ),
    (
        "My daughter drove me to the emergency department. I remember the nurse at triage "
        "putting two fingers on my wrist, frowning, and then everything went very fast: sticky "
        "pads on my chest, a screen full of jagged lines, a doctor asking me the same questions "
        "the nurse had asked, but slower."
    ): (
        "Mi hija me llevó en coche a urgencias. Recuerdo a la enfermera de triaje poniéndome dos "
        "dedos en la muñeca y frunciendo el ceño; a partir de ahí todo fue muy rápido: electrodos "
        "en el pecho, una pantalla llena de líneas en zigzag y un médico que me hacía las mismas "
        "preguntas que la enfermera, pero más despacio."
    ),
    "Nobody did anything to me without telling me first what it was and why.": (
        "Nadie me hizo nada sin explicarme antes qué era y por qué."
    ),
    "Tomás": "Tomás",
    (
        "The diagnosis was atrial fibrillation. The cardiologist drew my heart on the back of a "
        "form and showed me where the signals were getting mixed up. She explained the medicine "
        "to slow the rhythm, the blood thinner to prevent a stroke, and what would happen if "
        "those did not work."
    ): (
        "El diagnóstico fue fibrilación auricular. La cardióloga me dibujó el corazón en el "
        "reverso de un formulario y me enseñó dónde se cruzaban las señales. Me explicó el "
        "medicamento para frenar el ritmo, el anticoagulante para prevenir un ictus y lo que "
        "haríamos si eso no funcionaba."
    ),
    (
        "I stayed two nights. The night nurse checked on me every hour and never once made me "
        "feel like a nuisance for pressing the call button."
    ): (
        "Me quedé dos noches ingresado. La enfermera de noche venía a verme cada hora y ni una "
        "sola vez me hizo sentir que molestaba por tocar el timbre."
    ),
    (
        "Six months on, I take my tablets with breakfast, I walk to the market every day, and I "
        "know which symptoms mean I should call the clinic. I still watch the football. I have "
        "switched to decaf."
    ): (
        "Seis meses después, me tomo las pastillas con el desayuno, voy andando al mercado todos "
        "los días y sé qué síntomas significan que debo llamar a la consulta. Sigo viendo el "
        "fútbol. Eso sí, ahora tomo descafeinado."
    ),
}

NEONATAL = {
    "Our son's first year, in small victories": (
        "El primer año de nuestro hijo, en pequeñas victorias"
    ),
    "our-sons-first-year": "el-primer-ano-de-nuestro-hijo",
    (
        "Born at 29 weeks, Leo spent nine weeks in the neonatal unit. His mother writes about the "
        "alarms, the routines and the nurses who taught her to be his parent there."
    ): (
        "Leo nació en la semana 29 y pasó nueve semanas en la unidad de neonatos. Su madre "
        "escribe sobre las alarmas, las rutinas y las enfermeras que le enseñaron a ser su madre "
        "allí dentro."
    ),
    "Lucía, Leo's mother": "Lucía, madre de Leo",
    ("Abstract illustration: a blue to pale sky gradient with overlapping soft white circles."): (
        "Ilustración abstracta: un degradado de azul a celeste pálido con suaves círculos blancos "
        "superpuestos."
    ),
    (
        "Leo weighed 1,240 grams when he was born. The first time I saw him he was inside an "
        "incubator, under a blue light, with a tube in his nose that was wider than his finger. "
        "I was too scared to touch him."
    ): (
        "Leo pesó 1240 gramos al nacer. La primera vez que lo vi estaba dentro de una "
        "incubadora, bajo una luz azul, con una sonda en la nariz más ancha que su dedo. Me daba "
        "demasiado miedo tocarlo."
    ),
    (
        "A nurse called Priya opened the little porthole and guided my hand in. “He knows your "
        "voice,” she said. “Talk to him.” I did, every day after that, for nine weeks."
    ): (
        "Una enfermera llamada Priya abrió la ventanilla de la incubadora y me guio la mano hacia "
        "dentro. «Conoce tu voz», me dijo. «Háblale». Y le hablé, todos los días, durante nueve "
        "semanas."
    ),
    (
        "They never made us feel like visitors. We were his parents, and the nurses made sure we "
        "could be."
    ): (
        "Nunca nos hicieron sentir como visitas. Éramos sus padres, y las enfermeras se "
        "aseguraron de que pudiéramos serlo."
    ),
    (
        "We learned to read his monitors, to change a nappy through the portholes, to hold him "
        "skin to skin against my chest. The alarms stopped frightening us once we understood "
        "which ones mattered. The team let us join the morning rounds and answered our questions "
        "in words we could follow."
    ): (
        "Aprendimos a leer sus monitores, a cambiarle el pañal a través de las ventanillas y a "
        "tenerlo piel con piel sobre mi pecho. Las alarmas dejaron de asustarnos cuando "
        "entendimos cuáles importaban. El equipo nos dejaba estar en el pase de visita de la "
        "mañana y respondía a nuestras preguntas con palabras que podíamos entender."
    ),
    (
        "Leo came home in March. Today he is a loud, happy one-year-old who pulls every book off "
        "the shelf. We still send the unit a photo on his birthday."
    ): (
        "Leo llegó a casa en marzo. Hoy tiene un año, es ruidoso y feliz, y saca todos los libros "
        "de la estantería. Cada cumpleaños seguimos enviando una foto a la unidad."
    ),
}

CHEMOTHERAPY = {
    "Sitting with Ana through chemotherapy": "Junto a Ana durante la quimioterapia",
    "sitting-with-ana-through-chemotherapy": "junto-a-ana-durante-la-quimioterapia",
    (
        "When her oldest friend began treatment for breast cancer, Carmen went with her to every "
        "session. She describes what helped, and what she learned about being there."
    ): (
        "Cuando su amiga de toda la vida empezó el tratamiento contra el cáncer de mama, Carmen la "
        "acompañó a todas las sesiones. Cuenta lo que ayudó y lo que aprendió sobre estar "
        "presente."
    ),
    "Carmen, a friend": "Carmen, amiga",
    (
        "Abstract illustration: a violet to soft pink gradient with rounded translucent rectangles."
    ): (
        "Ilustración abstracta: un degradado de violeta a rosa suave con rectángulos "
        "translúcidos de esquinas redondeadas."
    ),
    (
        "Ana and I have been friends since we were eleven. When she told me her diagnosis she "
        "said it the way she says everything: quickly, with a joke at the end so nobody would "
        "cry. I asked if I could come to her treatments. She said yes before I had finished the "
        "question."
    ): (
        "Ana y yo somos amigas desde los once años. Cuando me contó su diagnóstico lo dijo como "
        "lo dice todo: deprisa y con una broma al final para que nadie llorara. Le pregunté si "
        "podía acompañarla a los tratamientos. Me dijo que sí antes de que terminara la pregunta."
    ),
    (
        "The day unit has big chairs by the windows. The nurses explained the drip, the "
        "anti-sickness tablets, and the signs of infection to watch for at home. They gave Ana a "
        "card with a phone number that answers day and night."
    ): (
        "El hospital de día tiene sillones grandes junto a las ventanas. Las enfermeras nos "
        "explicaron el gotero, las pastillas contra las náuseas y los signos de infección a los "
        "que había que estar atentas en casa. Le dieron a Ana una tarjeta con un teléfono que "
        "atiende de día y de noche."
    ),
    "My job was not to fix anything. My job was to be in the next chair.": (
        "Mi papel no era arreglar nada. Mi papel era estar en el sillón de al lado."
    ),
    "Carmen": "Carmen",
    (
        "I brought crosswords and a thermos of tea. Some sessions we talked the whole time; some "
        "days Ana slept and I read. The nurses noticed when she was quieter than usual and asked "
        "about it, without fuss."
    ): (
        "Yo llevaba crucigramas y un termo de té. En algunas sesiones hablábamos todo el rato; "
        "otros días Ana dormía y yo leía. Las enfermeras notaban cuando estaba más callada de lo "
        "normal y le preguntaban, con naturalidad."
    ),
    (
        "The support nurse also asked how I was doing, which surprised me. She pointed me to the "
        "carers' group that meets on Thursdays. I went twice. It helped more than I expected."
    ): (
        "La enfermera de apoyo también me preguntó cómo estaba yo, y eso me sorprendió. Me habló "
        "del grupo de cuidadores que se reúne los jueves. Fui dos veces. Me ayudó más de lo que "
        "esperaba."
    ),
    "Ana finished her last cycle in the spring. We rang the bell together.": (
        "Ana terminó su último ciclo en primavera. Tocamos la campana juntas."
    ),
}

NIGHT_SHIFT = {
    "Twelve hours on the night shift": "Doce horas en el turno de noche",
    "twelve-hours-on-the-night-shift": "doce-horas-en-el-turno-de-noche",
    (
        "An emergency nurse walks through one night in the department: the quiet hours, the "
        "sudden ones, and the handover at seven."
    ): (
        "Una enfermera de urgencias recorre una noche en el servicio: las horas tranquilas, las "
        "que se complican de golpe y el relevo de las siete."
    ),
    "Joanna, emergency nurse": "Joanna, enfermera de urgencias",
    (
        "Abstract illustration: a midnight blue to teal gradient with small white dots and a "
        "soft white cross."
    ): (
        "Ilustración abstracta: un degradado de azul noche a verde azulado con pequeños puntos "
        "blancos y una suave cruz blanca."
    ),
    (
        "Handover is at seven in the evening. The day team tells us about every patient still in "
        "the department: who is waiting for a scan, who is waiting for a bed, who has family on "
        "the way. I write it all on a folded sheet in my pocket."
    ): (
        "El relevo es a las siete de la tarde. El equipo de día nos informa de cada paciente que "
        "sigue en urgencias: quién espera una prueba de imagen, quién espera cama, a quién viene "
        "a ver su familia. Lo apunto todo en una hoja doblada que llevo en el bolsillo."
    ),
    (
        "Between nine and midnight it is usually busy: falls, chest pains, children with fevers "
        "that will not come down. We work in pairs and we check each other's medicines, every "
        "time, even when we are rushing. Especially then."
    ): (
        "Entre las nueve y la medianoche suele haber mucho trabajo: caídas, dolores en el pecho, "
        "niños con fiebre que no baja. Trabajamos por parejas y revisamos la medicación de la "
        "otra persona, siempre, aunque vayamos con prisa. Sobre todo entonces."
    ),
    "At three in the morning, a cup of tea and a warm blanket are clinical interventions.": (
        "A las tres de la madrugada, una taza de té y una manta caliente también son cuidados "
        "clínicos."
    ),
    (
        "The small hours are different. The people who come in then are often frightened and "
        "alone. I try to tell them my name, what will happen next, and roughly how long it will "
        "take, because waiting without knowing is the hardest part."
    ): (
        "La madrugada es distinta. Quienes llegan a esas horas suelen venir asustados y solos. "
        "Intento decirles mi nombre, qué va a pasar ahora y cuánto tardará más o menos, porque "
        "esperar sin saber es lo más difícil."
    ),
    (
        "At seven in the morning I hand over to the day team and walk to the bus as the city "
        "wakes up. Some nights I replay a decision all the way home. Most nights I think about "
        "the man who squeezed my hand and said thank you, and I sleep well."
    ): (
        "A las siete de la mañana paso el relevo al equipo de día y camino hasta el autobús "
        "mientras la ciudad se despierta. Algunas noches le doy vueltas a una decisión durante "
        "todo el trayecto. Casi siempre pienso en el señor que me apretó la mano y me dio las "
        "gracias, y duermo bien."
    ),
}

CHILDRENS_WARD = {
    "A tour of the children's ward": "Visita a la planta de pediatría",
    "a-tour-of-the-childrens-ward": "visita-a-la-planta-de-pediatria",
    (
        "Two play specialists show what a stay on the children's ward looks like: the bedrooms, "
        "the playroom, and where parents sleep."
    ): (
        "Dos especialistas en juego hospitalario enseñan cómo es una estancia en la planta de "
        "pediatría: las habitaciones, la sala de juegos y dónde duermen los padres."
    ),
    ("Abstract illustration: a sky blue to sunny yellow gradient with bright soft circles."): (
        "Ilustración abstracta: un degradado de azul cielo a amarillo sol con círculos suaves y "
        "luminosos."
    ),
    "[A bright corridor decorated with paintings of animals.]": (
        "[Un pasillo luminoso decorado con dibujos de animales.]"
    ),
    (
        "Play specialist 1: Hello! We are the play team on the children's ward. Let's show you "
        "around before you come and stay with us."
    ): (
        "Especialista en juego 1: ¡Hola! Somos el equipo de juego de la planta de pediatría. Te "
        "enseñamos todo antes de que vengas a quedarte con nosotros."
    ),
    (
        "Play specialist 2: This is a bedroom. Every child has their own bed, a locker for toys, "
        "and a fold-out bed next to it so a parent can stay overnight."
    ): (
        "Especialista en juego 2: Esta es una habitación. Cada niño tiene su propia cama, una "
        "taquilla para los juguetes y, al lado, una cama plegable para que su padre o su madre "
        "pueda quedarse a dormir."
    ),
    (
        "Play specialist 1: This is the playroom. It's open every day from nine until six, with "
        "games, books and a games console. If you can't leave your bed, we bring the toys to you."
    ): (
        "Especialista en juego 1: Esta es la sala de juegos. Abre todos los días de nueve a seis, "
        "con juegos, libros y una videoconsola. Si no puedes levantarte de la cama, te llevamos "
        "los juguetes."
    ),
    (
        "Play specialist 2: Before any test or procedure, we can show you what will happen using "
        "a doll and real equipment, so there are no surprises."
    ): (
        "Especialista en juego 2: Antes de cualquier prueba o intervención, podemos enseñarte lo "
        "que va a pasar con un muñeco y material de verdad, para que no haya sorpresas."
    ),
    "Play specialist 1: See you soon!": "Especialista en juego 1: ¡Hasta pronto!",
}

# English page path under the home page -> {English segment: Spanish segment}, parents first.
SPANISH_PAGES: dict[str, dict[str, str]] = {
    "": HOME,
    "stories/": STORY_INDEX,
    "stories/the-night-my-heart-skipped/": HEART,
    "stories/our-sons-first-year/": NEONATAL,
    "stories/sitting-with-ana-through-chemotherapy/": CHEMOTHERAPY,
    "stories/twelve-hours-on-the-night-shift/": NIGHT_SHIFT,
    "videos/": VIDEO_INDEX,
    "videos/a-tour-of-the-childrens-ward/": CHILDRENS_WARD,
    "policy/": POLICY_INDEX,
    "policy/social-media/": POLICY,
}
