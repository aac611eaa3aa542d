"""English."""

CATEGORIES = {
    "beratung": "Counselling at KIM",
    "aufenthalt": "Residence and the “Chancen-Aufenthaltsrecht”",
}

PAGES = {
    "start": (
        "Municipal integration management in Oberhausen",
        "KIM Oberhausen advises and accompanies people with an immigration history – in person, free of charge and across all authorities.",
        """You have moved to Oberhausen and do not know which office is responsible for your concern? Residence, work, housing, school or health – one often depends on the other. Municipal integration management (KIM) helps you keep track.

Our case managers advise you in person, accompany you over a longer period and refer you to the offices that are responsible for you. The counselling is voluntary and free of charge.""",
    ),
    "was-ist-kim": (
        "What is KIM?",
        "Municipal integration management is a programme of the state of North Rhine-Westphalia: help from one place for people with an immigration history.",
        """Municipal integration management – KIM for short, from the German “Kommunales Integrationsmanagement” – is a programme of the state of North Rhine-Westphalia. KIM exists in every district and independent city of the state, including Oberhausen. The state funds it under its law on participation and integration.

KIM has two aims:
- People with an immigration history get help from one place, even when several offices and areas of law are involved.
- Offices, authorities and advice centres work together better. Obstacles that become visible in counselling are taken up by the coordination team, which looks for solutions with the partners.

In Oberhausen, the Municipal Integration Centre (Kommunales Integrationszentrum) is responsible for KIM. It works closely with the welfare organisations and many other services in the city. Read more under [Who runs KIM](page:traeger).""",
    ),
    "bausteine": (
        "What KIM does: three building blocks",
        "Coordination, case management across all areas of law, and support for the foreigners' and naturalisation authorities.",
        """KIM consists of three building blocks that work together.

## 1. Coordination and steering
The KIM coordination team at the Municipal Integration Centre holds everything together. It organises the cooperation of all partners, prepares the steering group as well as working and project groups, and makes sure that problems which come up in many counselling cases are discussed where they can be solved.

## 2. Case management across all areas of law
Case managers advise and accompany people in person, comprehensively and over a longer period. Together they find out what is needed, make a plan and refer people to the responsible offices – for example the foreigners' authority, the job centre, the social welfare or health office, schools, day-care centres or advice centres. If necessary, they also go with you to appointments.

## 3. Support for the foreigners' and naturalisation authorities
Additional staff at the foreigners' authority and the naturalisation authority look after people who have a prospect of a secure residence status or of naturalisation. They work closely with case management.""",
    ),
    "traeger": (
        "Who runs KIM",
        "The Municipal Integration Centre of Oberhausen with Caritas, DRK, Diakonie, ZAQ and pro wohnen international.",
        """KIM Oberhausen is a joint effort. It is led by the **Municipal Integration Centre** of the City of Oberhausen, where the coordination team steering the programme works.

Case management is provided by staff of the city and of the welfare organisations:
- Caritasverband Oberhausen
- German Red Cross (DRK), Oberhausen branch
- Diakoniewerk Oberhausen
- Zentrum für Ausbildung und berufliche Qualifikationen Oberhausen (ZAQ)
- pro wohnen international

Many other services are KIM partners, for example the job centre, the employment agency, the adult education centre (VHS), the foreigners' and naturalisation authorities and the city's departments for children, youth and family, social welfare, schools and health. How they work together is set out in the [cooperation agreement](page:kooperation).""",
    ),
    "zielgruppe": (
        "Who KIM helps",
        "KIM helps with catch-up integration, families facing many problems at once, and care situations.",
        """KIM is for people with an immigration history in Oberhausen who need support in several areas of life and are not yet comprehensively supported by any other service. We help especially in three situations:

## Catching up on integration
You have lived in Germany for some time, but the start did not go well? Perhaps a language course, a recognised qualification, a job or a secure residence status is missing. Together we look at which steps are possible now – including the way to a residence permit or to naturalisation.

## Families facing many problems at once
School and day care, housing, money, health and authorities: when a lot is difficult at the same time, we keep track with you and bring the responsible offices to one table.

## Care and old age
A family member needs care, or you are getting older and need help in everyday life? We explain the benefits of long-term care, help with applications and refer you to services that respect your language and culture.

The counselling is voluntary and free of charge. What you tell us stays confidential.""",
    ),
    "zustaendigkeiten": (
        "Contact persons and responsibilities",
        "Each of the six social areas of Oberhausen has its own case managers.",
        """For KIM, Oberhausen is divided into six social areas (Sozialräume). Each area has its own case managers. Besides German they speak many other languages, for example Arabic, Turkish, Kurmanji, Ukrainian, Russian, Bulgarian, Romanian and Farsi. If needed, we arrange for an interpreter.

[Find your contact person by street](directory)

You do not know where to start? Then get in touch with the central contact point at the Municipal Integration Centre. We clarify your concern and put you in touch with the right person: [Contact us](contact)""",
    ),
    "kooperation": (
        "The cooperation agreement",
        "In 2023 the KIM partners in Oberhausen signed a cooperation agreement across all institutions.",
        """On 3 May 2023 the KIM partners in Oberhausen signed a joint cooperation agreement across all institutions at the meeting of the KIM steering committee.

In it they set out:
- the goals they pursue together,
- that they jointly convene and hold case and planning conferences,
- how they coordinate their work.

The agreement is complemented by arrangements with individual institutions. The signatories include the job centre, the employment agency, the adult education centre, the city's departments for foreigners' and citizenship matters, for children, youth and family, social welfare, schools and health, the business development agency, as well as Caritas, DRK, Diakoniewerk, the Paritätische with pro wohnen international, and ZAQ.

You can download the agreement under [Downloads](downloads).""",
    ),
    "flyer": (
        "KIM – counselling and support for people with an immigration history",
        "The KIM flyer: what KIM does for you and how to reach us.",
        """You live in Oberhausen and need support – with residence, work, language, housing, school, health or care? Municipal integration management (KIM) helps you.

## What we do for you
- We listen and find out with you what you need.
- We make a plan with you and stay at your side, also over a longer period.
- We refer you to the responsible offices and advice centres and go with you if necessary.

## Good to know
- The counselling is voluntary and free of charge.
- Everything stays confidential. We pass nothing on without your consent.
- We advise in many languages or arrange for an interpreter.

You can find the contact person for your part of town on our website.""",
    ),
}

FAQS = {
    "kosten": (
        "Does the counselling cost anything?",
        "No. Counselling at KIM is free of charge and voluntary. You decide yourself whether and for how long you want to be accompanied.",
    ),
    "wer-kann-kommen": (
        "Who can contact KIM?",
        "People with an immigration history who live in Oberhausen, need support in several areas of life and are not yet comprehensively supported by another service. If another service suits your concern better, we will refer you there.",
    ),
    "sprachen": (
        "In which languages can I get advice?",
        "Besides German, our case managers speak Arabic, Turkish, Kurmanji, Ukrainian, Russian, Bulgarian, Romanian, Farsi, English and French, among others. If nobody in the team speaks your language, we arrange for an interpreter.",
    ),
    "termin": (
        "How do I get an appointment?",
        """Write to us using the [contact form](contact) or call the central contact point: 0208 825-0. You can also call your [contact person in your part of town](directory) directly.

If possible, bring your identity card or residence document and important letters from authorities to the first appointment.""",
    ),
    "daten": (
        "What happens to my data?",
        "What you tell us is confidential. We only store what we need for the counselling. We pass information on to other offices – for example the job centre or the foreigners' authority – only if you have agreed in writing beforehand. You can withdraw this consent at any time.",
    ),
    "chancen-beantragen": (
        "Can I still apply for the “Chancen-Aufenthaltsrecht” (opportunity residence right)?",
        """No. The opportunity residence right under section 104c of the Residence Act was limited in time. Since 31 December 2025 no new residence permits under § 104c are granted.

People with a toleration (Duldung) may still have other ways to a residence permit, for example under § 25a (well-integrated young people) or § 25b (sustainable integration). Get advice – we look at your options with you.""",
    ),
    "chancen-inhaber": (
        "I have a residence permit under § 104c. What applies to me now?",
        """Your residence permit stays valid until it expires. It was granted for 18 months and cannot be extended as an opportunity residence right. It can only be continued as a residence permit under § 25a or § 25b.

Important:
- Apply for § 25a or § 25b in good time, **before** your permit expires.
- Applying for a different residence title does not help here: your permit does not remain provisionally valid because of it.
- The special rules for holders of a § 104c permit apply, as the law stands today, until 30 June 2027.

If you do not meet the requirements, you fall back to a toleration (Duldung). So come to us for advice early.""",
    ),
    "paragraf-25b": (
        "What do I need for a residence permit under § 25b?",
        """§ 25b is for people who have integrated sustainably. As a rule you must:
- have lived in Germany for at least 6 years (4 years if a minor child lives with you) – with a toleration, a permission to stay during the asylum procedure or a residence permit,
- earn your living mainly through work, or be expected to do so soon,
- speak German at level A2,
- commit to the free democratic basic order and have basic knowledge of the legal and social order (usually the “Leben in Deutschland” test),
- show that your school-age children attend school.

With a § 104c permit, periods with a toleration for persons with unclarified identity also count. Your identity must be clarified – or you must have done everything reasonable to clarify it. As a rule the permit is not possible if your deportation was prevented by your own false statements or deception, or in the case of serious criminal offences. There are exceptions for illness, disability or old age.""",
    ),
    "paragraf-25a": (
        "What do I need for a residence permit under § 25a?",
        """§ 25a is for well-integrated young people and young adults. As a rule you must:
- apply before your 27th birthday,
- have lived in Germany for at least 3 years – with a toleration, a permission to stay during the asylum procedure or a residence permit,
- have successfully attended school in Germany for 3 years or have obtained a school or vocational qualification here,
- be expected to fit well into life in Germany.

While you are at school, in vocational training or at university, receiving social benefits does not count against you. Here too, your identity must be clarified – or you must have done everything reasonable to clarify it. Anyone who prevented their deportation through their own false statements or deception about their identity cannot get the permit.""",
    ),
    "wer-entscheidet": (
        "Who decides on my residence application?",
        "Residence permits are decided by the foreigners' authority of the City of Oberhausen. KIM does not give legal advice. But we help you understand your situation, prepare documents, find a language course or work and keep appointments. For difficult legal questions we refer you to a legal or refugee advice service.",
    ),
}

NEWS = {
    "kooperationsvereinbarung-unterzeichnet": (
        "KIM partners sign cooperation agreement",
        """Oberhausen, 3 May 2023. The partners of municipal integration management in Oberhausen have put their cooperation on a common footing. At the KIM steering committee, offices, authorities and welfare organisations signed a cooperation agreement across all institutions.

In it the partners commit to common goals. They intend to convene and hold case and planning conferences together and to coordinate their work so that people with an immigration history get the right help faster. Individual institutions complement the agreement with their own arrangements.

The signatories include the job centre, the employment agency, the adult education centre, several departments of the city administration, the business development agency as well as Caritas, DRK, Diakoniewerk, the Paritätische with pro wohnen international, and ZAQ.""",
    ),
    "chancen-aufenthaltsrecht-endet": (
        "Opportunity residence right ends at the turn of the year",
        """The opportunity residence right under section 104c of the Residence Act is coming to an end: from 31 December 2025 no new permits will be granted.

Anyone who already holds a § 104c permit can only extend it as a residence permit under § 25a or § 25b. This requires, for example, proof of German language skills, work and a clarified identity. KIM case management advises everyone concerned to seek advice early and to apply in good time before their permit expires.

Answers to frequent questions: [Questions and answers](faq).""",
    ),
    "internetseite-elf-sprachen": (
        "KIM website now in eleven languages",
        """The KIM Oberhausen website is now available in German, in plain German and in nine further languages: English, Arabic, Turkish, Ukrainian, Russian, Bulgarian, Romanian, Farsi and Kurmanji.

Also new is the search for the responsible contact person: enter your street and you will see which case manager is responsible for your social area. The KIM flyer can be downloaded in every language of the site.""",
    ),
}

DOWNLOADS = {
    "kooperationsvereinbarung": (
        "Cooperation agreement KIM Oberhausen (2023)",
        "The agreement of the KIM partners across all institutions, dated 3 May 2023 (in German).",
    ),
}
