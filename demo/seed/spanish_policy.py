"""The Spanish text of the policies section and the social-media policy (current version).

Keyed by the English text of each segment, like ``spanish_text``. Telephone numbers stay as they
are; e-mail addresses, the version number and the owner are synchronised, not translated.
"""

from __future__ import annotations

POLICY_INDEX = {
    "Policies": "Políticas",
    "policy": "politicas",
    (
        "The rules our staff follow when they take part in public conversations. We publish them "
        "so that patients and the public know what they can expect from us."
    ): (
        "Las normas que sigue nuestro personal cuando participa en conversaciones públicas. Las "
        "publicamos para que los pacientes y el público sepan qué pueden esperar de nosotros."
    ),
}

POLICY = {
    "Social media policy": "Política de redes sociales",
    "social-media": "redes-sociales",
    (
        "How everyone who works or volunteers at the hospital can take part online safely: "
        "protecting patients' privacy, speaking for themselves, keeping professional boundaries "
        "and knowing what to do when something goes wrong."
    ): (
        "Cómo puede participar en internet con seguridad toda persona que trabaja o colabora como "
        "voluntaria en el hospital: protegiendo la intimidad de los pacientes, hablando en nombre "
        "propio, manteniendo los límites profesionales y sabiendo qué hacer cuando algo sale mal."
    ),
    (
        "Annual review. New sections on professional boundaries with patients online and on "
        "medical advice; two-factor authentication is required for work-related accounts; "
        "messaging apps are now covered."
    ): (
        "Revisión anual. Nuevas secciones sobre los límites profesionales con los pacientes en "
        "internet y sobre el consejo médico; la verificación en dos pasos pasa a ser obligatoria "
        "en las cuentas relacionadas con el trabajo; la política incluye ahora las aplicaciones "
        "de mensajería."
    ),
    "Chief Executive and Board": "Dirección General y Consejo de Administración",
    # Why we have this policy
    "Why we have this policy": "Por qué tenemos esta política",
    (
        "Social media lets us share the work of the hospital, celebrate colleagues and hear from "
        "the people we care for. It also makes it easy to share too much, too fast, with people "
        "we cannot see. This policy sets out what we expect of everyone who works or volunteers "
        "here when they use social media, at work or at home."
    ): (
        "Las redes sociales nos permiten dar a conocer el trabajo del hospital, reconocer a los "
        "compañeros y escuchar a las personas que atendemos. También facilitan compartir "
        "demasiado, demasiado rápido y con personas a las que no vemos. Esta política recoge lo "
        "que esperamos de todas las personas que trabajan o colaboran como voluntarias aquí "
        "cuando usan las redes sociales, en el trabajo o en casa."
    ),
    (
        "It applies to every social network, blog, video site and messaging app, including "
        "private groups and accounts that use a nickname. If you are unsure whether something is "
        "allowed, ask the Communications team before you post."
    ): (
        "Se aplica a todas las redes sociales, blogs, plataformas de vídeo y aplicaciones de "
        "mensajería, incluidos los grupos privados y las cuentas con seudónimo. Si no está seguro "
        "de si algo está permitido, pregunte al equipo de Comunicación antes de publicarlo."
    ),
    # Patient privacy comes first
    "Patient privacy comes first": "La intimidad del paciente es lo primero",
    (
        "Patients trust us with some of the most private moments of their lives. That trust does "
        "not end when you log off."
    ): (
        "Los pacientes nos confían algunos de los momentos más íntimos de su vida. Esa confianza "
        "no termina cuando usted se desconecta."
    ),
    (
        "Never share information that could identify a patient, their family or visitors without "
        "the patient's written consent, recorded on the hospital's consent form. This includes "
        "names, photos, video, ward or bed numbers, dates of admission, and details that make "
        "someone recognisable even when their name is left out."
    ): (
        "No comparta nunca información que pueda identificar a un paciente, a su familia o a sus "
        "visitas sin el consentimiento por escrito del paciente, registrado en el formulario de "
        "consentimiento del hospital. Esto incluye nombres, fotos, vídeos, números de planta o de "
        "cama, fechas de ingreso y cualquier detalle que haga reconocible a alguien aunque no se "
        "diga su nombre."
    ),
    (
        "Photos and videos for the hospital's own channels are arranged by the Communications "
        "team, who collect consent first. Do not take photos or video of patients on your own "
        "phone, even if they ask you to."
    ): (
        "Las fotos y los vídeos para los canales del hospital los organiza el equipo de "
        "Comunicación, que recoge antes el consentimiento. No haga fotos ni vídeos de pacientes "
        "con su propio teléfono, aunque se lo pidan."
    ),
    "Posting about your work": "Publicar sobre su trabajo",
    "Share the hospital's own posts and public news.": (
        "Compartir las publicaciones del propio hospital y sus noticias públicas."
    ),
    "Talk about your profession and what you have learnt, without details of any patient.": (
        "Hablar de su profesión y de lo que ha aprendido, sin detalles de ningún paciente."
    ),
    "Check the background of any photo taken at work for screens, whiteboards, notes and people.": (
        "Revisar el fondo de cualquier foto hecha en el trabajo por si aparecen pantallas, "
        "pizarras, notas o personas."
    ),
    "Post about a patient, even without their name, if they or others could recognise them.": (
        "Publicar sobre un paciente, aunque sea sin su nombre, si él u otras personas podrían "
        "reconocerlo."
    ),
    "Confirm or deny that someone is or was a patient here.": (
        "Confirmar o negar que alguien es o ha sido paciente aquí."
    ),
    "Share photos of patients, visitors or colleagues taken at work without their consent.": (
        "Compartir fotos de pacientes, visitas o compañeros hechas en el trabajo sin su "
        "consentimiento."
    ),
    # Speaking for yourself
    "Speaking for yourself, not for the hospital": "Hablar en nombre propio, no del hospital",
    (
        "You are welcome to say where you work. When you do, make clear that your views are your "
        "own, for example by adding “Views are my own” to your profile."
    ): (
        "Puede decir dónde trabaja. Cuando lo haga, deje claro que sus opiniones son personales, "
        "por ejemplo añadiendo «Las opiniones son mías» a su perfil."
    ),
    (
        "Only the Communications team speaks for the hospital online. Pass any request for "
        "comment from a journalist to them."
    ): (
        "Solo el equipo de Comunicación habla en nombre del hospital en internet. Remítale "
        "cualquier petición de declaraciones de un periodista."
    ),
    (
        "Raising concerns about care matters. Use the hospital's Freedom to Speak Up guardians "
        "rather than social media, so that your concern is heard and acted on."
    ): (
        "Plantear preocupaciones sobre la atención es importante. Hágalo a través de los "
        "referentes de «Libertad para hablar» del hospital y no en las redes sociales, para que "
        "su preocupación se escuche y se actúe en consecuencia."
    ),
    "Say that your views are your own when you mention where you work.": (
        "Aclarar que sus opiniones son personales cuando mencione dónde trabaja."
    ),
    "Be as courteous online as you would be on the ward.": (
        "Ser tan correcto en internet como lo sería en la planta."
    ),
    "Use the hospital's name or logo for a personal account or group.": (
        "Usar el nombre o el logotipo del hospital en una cuenta o un grupo personal."
    ),
    "Post about complaints, incidents or investigations.": (
        "Publicar sobre reclamaciones, incidentes o investigaciones."
    ),
    # Professional boundaries
    "Professional boundaries with patients online": (
        "Límites profesionales con los pacientes en internet"
    ),
    (
        "Do not send or accept friend or follow requests to or from patients or their families "
        "on your personal accounts, and do not contact them through social media or messaging "
        "apps. If a patient contacts you online, reply politely that you cannot discuss their "
        "care there and point them to the ward or department."
    ): (
        "No envíe ni acepte solicitudes de amistad o de seguimiento de pacientes o de sus "
        "familias en sus cuentas personales, y no se ponga en contacto con ellos por redes "
        "sociales ni aplicaciones de mensajería. Si un paciente le escribe por internet, "
        "respóndale con amabilidad que no puede hablar de su atención por ese medio e indíquele "
        "que se dirija a la planta o al servicio."
    ),
    (
        "If you knew someone before they became a patient, that relationship can continue; keep "
        "anything about their care out of it."
    ): (
        "Si conocía a alguien antes de que fuera paciente, esa relación puede continuar; deje "
        "fuera de ella todo lo relacionado con su atención."
    ),
    # Medical advice
    "Medical advice": "Consejo médico",
    (
        "Do not give individual medical advice on social media, even to friends. Advice without "
        "an assessment can do harm, and a public reply can reveal that someone is unwell."
    ): (
        "No dé consejo médico individual en las redes sociales, ni siquiera a amigos. Un consejo "
        "sin valoración previa puede hacer daño, y una respuesta pública puede revelar que "
        "alguien está enfermo."
    ),
    (
        "You may share general health information from trusted public sources. If someone "
        "describes an emergency, tell them to call the emergency number straight away."
    ): (
        "Puede compartir información general de salud de fuentes públicas fiables. Si alguien "
        "describe una emergencia, dígale que llame de inmediato al número de emergencias."
    ),
    # Keeping accounts secure
    "Keeping accounts secure": "Cuentas seguras",
    (
        "Use a strong, unique password and turn on two-factor authentication for every account "
        "you use in connection with your work."
    ): (
        "Use una contraseña robusta y distinta para cada cuenta y active la verificación en dos "
        "pasos en todas las cuentas que use en relación con su trabajo."
    ),
    (
        "Only staff approved by the Communications team may post on the hospital's official "
        "accounts. Never share the login details of an official account. Tell the "
        "Communications team at once if you think an account has been taken over."
    ): (
        "Solo el personal autorizado por el equipo de Comunicación puede publicar en las cuentas "
        "oficiales del hospital. No comparta nunca los datos de acceso de una cuenta oficial. "
        "Avise de inmediato al equipo de Comunicación si cree que alguien se ha hecho con el "
        "control de una cuenta."
    ),
    (
        "Be wary of links and messages that ask for your hospital login, and report them to the "
        "IT service desk."
    ): (
        "Desconfíe de los enlaces y mensajes que le pidan sus credenciales del hospital y "
        "comuníquelos al servicio de soporte informático."
    ),
    # When something goes wrong
    "When something goes wrong": "Cuando algo sale mal",
    (
        "Mistakes happen; what matters is acting quickly. If you have posted something that "
        "breaks this policy, or you see a post by someone else that does:"
    ): (
        "Todos cometemos errores; lo importante es actuar rápido. Si ha publicado algo que "
        "incumple esta política, o ve una publicación de otra persona que la incumple:"
    ),
    (
        "Remove your own post straight away. Do not reply to or share someone else's post: that "
        "spreads it further."
    ): (
        "Borre su publicación de inmediato. No responda ni comparta la publicación de otra "
        "persona: eso la difunde todavía más."
    ),
    "Take a screenshot so the right people can see what was posted, and keep it secure.": (
        "Haga una captura de pantalla para que las personas adecuadas puedan ver lo que se "
        "publicó, y guárdela de forma segura."
    ),
    (
        "Tell your line manager and the Communications team the same day. If a patient could be "
        "identified, tell the Information Governance team too. Out of hours, ask the switchboard "
        "for the duty manager."
    ): (
        "Avise a su responsable directo y al equipo de Comunicación el mismo día. Si se pudiera "
        "identificar a un paciente, avise también al equipo de Protección de Datos. Fuera del "
        "horario laboral, pida en la centralita que le pasen con el responsable de guardia."
    ),
    (
        "Reporting a mistake quickly is always the right thing to do. Breaches of this policy may "
        "be handled under the hospital's disciplinary policy, and how you responded is taken "
        "into account."
    ): (
        "Comunicar un error cuanto antes es siempre lo correcto. Los incumplimientos de esta "
        "política pueden tratarse conforme al régimen disciplinario del hospital, y se tiene en "
        "cuenta cómo reaccionó usted."
    ),
    # Who to contact
    "Who to contact": "A quién dirigirse",
    "Communications team": "Equipo de Comunicación",
    "Questions about this policy, requests from journalists and the official accounts": (
        "Dudas sobre esta política, peticiones de periodistas y cuentas oficiales"
    ),
    "020 7946 0400": "020 7946 0400",
    "Monday to Friday, 8am to 6pm": "De lunes a viernes, de 8:00 a 18:00",
    "Information Governance team": "Equipo de Protección de Datos",
    "Anything posted that could identify a patient": (
        "Cualquier publicación que pueda identificar a un paciente"
    ),
    "020 7946 0410": "020 7946 0410",
    "Monday to Friday, 9am to 5pm": "De lunes a viernes, de 9:00 a 17:00",
    "Duty manager": "Responsable de guardia",
    "Urgent problems out of hours: ask the switchboard for the duty manager": (
        "Problemas urgentes fuera del horario laboral: pida en la centralita que le pasen con el "
        "responsable de guardia"
    ),
    "020 7946 0000": "020 7946 0000",
    "Evenings, nights, weekends and public holidays": "Tardes, noches, fines de semana y festivos",
    "IT service desk": "Servicio de soporte informático",
    "Suspicious messages and accounts that may have been taken over": (
        "Mensajes sospechosos y cuentas que puedan haber sido suplantadas"
    ),
    "020 7946 0420": "020 7946 0420",
    "24 hours": "24 horas",
}
