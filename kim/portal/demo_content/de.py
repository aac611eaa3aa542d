"""Deutsch – the source texts."""

CATEGORIES = {
    "beratung": "Beratung bei KIM",
    "aufenthalt": "Aufenthalt und Chancen-Aufenthaltsrecht",
}

PAGES = {
    "start": (
        "Kommunales Integrationsmanagement in Oberhausen",
        "KIM Oberhausen berät und begleitet Menschen mit Einwanderungsgeschichte – persönlich, kostenlos und über alle Ämter hinweg.",
        """Sie sind nach Oberhausen eingewandert und wissen nicht, welches Amt für Ihr Anliegen zuständig ist? Aufenthalt, Arbeit, Wohnung, Schule oder Gesundheit – oft hängt eins mit dem anderen zusammen. Das Kommunale Integrationsmanagement (KIM) hilft Ihnen, den Überblick zu behalten.

Unsere Case Managerinnen und Case Manager beraten Sie persönlich, begleiten Sie über längere Zeit und vermitteln Sie an die Stellen, die für Sie zuständig sind. Die Beratung ist freiwillig und kostenlos.""",
    ),
    "was-ist-kim": (
        "Was ist KIM?",
        "Das Kommunale Integrationsmanagement ist ein Programm des Landes NRW: Hilfe aus einer Hand für Menschen mit Einwanderungsgeschichte.",
        """Das Kommunale Integrationsmanagement – kurz KIM – ist ein Programm des Landes Nordrhein-Westfalen. Es gibt KIM in allen Kreisen und kreisfreien Städten des Landes, also auch in Oberhausen. Das Land fördert es auf der Grundlage des Teilhabe- und Integrationsgesetzes.

KIM verfolgt zwei Ziele:
- Menschen mit Einwanderungsgeschichte bekommen Hilfe aus einer Hand, auch wenn mehrere Ämter und Rechtsbereiche beteiligt sind.
- Ämter, Behörden und Beratungsstellen arbeiten besser zusammen. Hürden, die in der Beratung sichtbar werden, nimmt die Koordination auf und sucht mit den Partnern nach Lösungen.

In Oberhausen ist das Kommunale Integrationszentrum für KIM verantwortlich. Es arbeitet eng mit den Wohlfahrtsverbänden und vielen weiteren Stellen der Stadt zusammen. Mehr dazu lesen Sie unter [Wer KIM trägt](page:traeger).""",
    ),
    "bausteine": (
        "Was KIM macht: drei Bausteine",
        "Koordination, Case Management über alle Rechtskreise hinweg und Unterstützung der Ausländer- und Einbürgerungsbehörde.",
        """KIM besteht aus drei Bausteinen, die ineinandergreifen.

## 1. Koordination und Steuerung
Die KIM-Koordination im Kommunalen Integrationszentrum hält die Fäden zusammen. Sie organisiert die Zusammenarbeit der beteiligten Stellen, bereitet die Lenkungsgruppe sowie Arbeits- und Projektgruppen vor und sorgt dafür, dass Probleme, die in vielen Beratungen auftauchen, dort besprochen werden, wo man sie lösen kann.

## 2. Case Management über alle Rechtskreise hinweg
Case Managerinnen und Case Manager beraten und begleiten Menschen persönlich, umfassend und über längere Zeit. Gemeinsam klären sie, was gebraucht wird, machen einen Plan und vermitteln an die zuständigen Stellen – zum Beispiel an die Ausländerbehörde, das Jobcenter, das Sozial- oder Gesundheitsamt, an Schulen, Kitas oder Beratungsstellen. Wenn nötig, begleiten sie auch zu Terminen.

## 3. Unterstützung der Ausländer- und Einbürgerungsbehörde
Zusätzliche Fachkräfte in der Ausländerbehörde und in der Einbürgerungsbehörde kümmern sich um Menschen, die eine Aussicht auf einen sicheren Aufenthalt oder auf die Einbürgerung haben. Sie arbeiten eng mit dem Case Management zusammen.""",
    ),
    "traeger": (
        "Wer KIM trägt",
        "Das Kommunale Integrationszentrum Oberhausen mit Caritas, DRK, Diakonie, ZAQ und pro wohnen international.",
        """KIM Oberhausen ist eine Gemeinschaftsaufgabe. Verantwortlich ist das **Kommunale Integrationszentrum** der Stadt Oberhausen. Dort arbeitet die Koordination, die das Programm steuert.

Das Case Management übernehmen Fachkräfte der Stadt und der Wohlfahrtsverbände:
- Caritasverband Oberhausen
- Deutsches Rotes Kreuz (DRK), Kreisverband Oberhausen
- Diakoniewerk Oberhausen
- Zentrum für Ausbildung und berufliche Qualifikationen Oberhausen (ZAQ)
- pro wohnen international

Viele weitere Stellen sind Partner von KIM, zum Beispiel das Jobcenter, die Agentur für Arbeit, die Volkshochschule, die Ausländer- und Einbürgerungsbehörde sowie die städtischen Bereiche Kinder, Jugend und Familie, Soziales, Schule und Gesundheit. Wie sie zusammenarbeiten, steht in der [Kooperationsvereinbarung](page:kooperation).""",
    ),
    "zielgruppe": (
        "Wem KIM hilft",
        "KIM hilft bei nachholender Integration, Familien mit vielen Problemen zugleich und in Pflegesituationen.",
        """KIM ist für Menschen mit Einwanderungsgeschichte in Oberhausen, die in mehreren Lebensbereichen Unterstützung brauchen und noch von keiner anderen Stelle umfassend begleitet werden. Besonders in drei Lebenslagen helfen wir:

## Nachholende Integration
Sie leben schon länger in Deutschland, aber der Start ist nicht gut gelungen? Vielleicht fehlen ein Sprachkurs, ein anerkannter Abschluss, eine Arbeit oder ein sicherer Aufenthalt. Wir schauen gemeinsam, welche Schritte jetzt möglich sind – auch auf dem Weg zu einer Aufenthaltserlaubnis oder zur Einbürgerung.

## Familien mit vielen Baustellen zugleich
Schule und Kita, Wohnung, Geld, Gesundheit und Behörden: Wenn in einer Familie vieles auf einmal schwierig ist, behalten wir mit Ihnen den Überblick und bringen die zuständigen Stellen an einen Tisch.

## Pflege und Alter
Ein Familienmitglied braucht Pflege, oder Sie werden älter und brauchen Hilfe im Alltag? Wir erklären die Leistungen der Pflege, unterstützen bei Anträgen und vermitteln Angebote, die Ihre Sprache und Kultur berücksichtigen.

Die Beratung ist freiwillig und kostenlos. Was Sie uns erzählen, bleibt vertraulich.""",
    ),
    "zustaendigkeiten": (
        "Ansprechpersonen und Zuständigkeiten",
        "Für jeden der sechs Sozialräume in Oberhausen sind feste Case Managerinnen und Case Manager zuständig.",
        """Oberhausen ist für KIM in sechs Sozialräume eingeteilt. Für jeden Sozialraum sind feste Case Managerinnen und Case Manager zuständig. Neben Deutsch sprechen sie viele weitere Sprachen, zum Beispiel Arabisch, Türkisch, Kurmancî, Ukrainisch, Russisch, Bulgarisch, Rumänisch und Farsi.

[Ansprechperson nach Straße finden](directory)

Sie wissen nicht, wo Sie anfangen sollen? Dann melden Sie sich bei der zentralen Anlaufstelle im Kommunalen Integrationszentrum. Wir klären Ihr Anliegen und vermitteln Sie an die passende Person: [Kontakt aufnehmen](contact)""",
    ),
    "kooperation": (
        "Die Kooperationsvereinbarung",
        "2023 haben die KIM-Partner in Oberhausen eine institutionsübergreifende Kooperationsvereinbarung unterschrieben.",
        """Am 3. Mai 2023 haben die Partner von KIM Oberhausen im Lenkungskreis eine gemeinsame Kooperationsvereinbarung über alle Einrichtungen hinweg unterschrieben.

Darin halten sie fest:
- welche gemeinsamen Ziele sie verfolgen,
- dass sie gemeinsam Fall- und Planungskonferenzen einberufen und durchführen,
- wie sie abgestimmt zusammenarbeiten.

Ergänzt wird die Vereinbarung durch Absprachen mit einzelnen Einrichtungen. Unterschrieben haben unter anderem das Jobcenter, die Agentur für Arbeit, die Volkshochschule, die städtischen Bereiche für Ausländer- und Staatsangehörigkeitsangelegenheiten, für Kinder, Jugend und Familie, Soziales, Schule und Gesundheit, die Wirtschaftsförderung sowie Caritas, DRK, Diakoniewerk, der Paritätische mit pro wohnen international und das ZAQ.

Die Vereinbarung können Sie unter [Downloads](downloads) herunterladen.""",
    ),
    "flyer": (
        "KIM – Beratung und Begleitung für Menschen mit Einwanderungsgeschichte",
        "Der KIM-Flyer: was KIM für Sie tut und wie Sie uns erreichen.",
        """Sie leben in Oberhausen und brauchen Unterstützung – beim Aufenthalt, bei Arbeit, Sprache, Wohnung, Schule, Gesundheit oder Pflege? Das Kommunale Integrationsmanagement (KIM) hilft Ihnen.

## Was wir für Sie tun
- Wir hören zu und klären mit Ihnen, was Sie brauchen.
- Wir machen mit Ihnen einen Plan und bleiben an Ihrer Seite, auch über längere Zeit.
- Wir vermitteln Sie an die zuständigen Ämter und Beratungsstellen und begleiten Sie, wenn nötig.

## Gut zu wissen
- Die Beratung ist freiwillig und kostenlos.
- Alles bleibt vertraulich. Wir geben nichts ohne Ihre Zustimmung weiter.
- Wir beraten in vielen Sprachen oder organisieren eine Dolmetscherin oder einen Dolmetscher.

Ihre Ansprechperson in Ihrem Stadtteil finden Sie auf unserer Internetseite.""",
    ),
}

# The German text of "zustaendigkeiten" was revised after the Turkish translation was made (demo of an
# outdated translation): this is the first version, the one above is the second.
PAGES_FIRST_VERSION = {
    "zustaendigkeiten": (
        "Ansprechpersonen und Zuständigkeiten",
        "Für jeden der sechs Sozialräume in Oberhausen sind feste Case Managerinnen und Case Manager zuständig.",
        """Oberhausen ist für KIM in sechs Sozialräume eingeteilt. Für jeden Sozialraum sind feste Case Managerinnen und Case Manager zuständig.

[Ansprechperson nach Straße finden](directory)

Sie wissen nicht, wo Sie anfangen sollen? Dann melden Sie sich bei der zentralen Anlaufstelle im Kommunalen Integrationszentrum: [Kontakt aufnehmen](contact)""",
    ),
}

FAQS = {
    "kosten": (
        "Kostet die Beratung etwas?",
        "Nein. Die Beratung bei KIM ist kostenlos und freiwillig. Sie entscheiden selbst, ob und wie lange Sie sich begleiten lassen.",
    ),
    "wer-kann-kommen": (
        "Wer kann sich an KIM wenden?",
        "Menschen mit Einwanderungsgeschichte, die in Oberhausen leben, in mehreren Lebensbereichen Unterstützung brauchen und noch von keiner anderen Stelle umfassend begleitet werden. Wenn eine andere Stelle besser zu Ihrem Anliegen passt, vermitteln wir Sie dorthin.",
    ),
    "sprachen": (
        "In welchen Sprachen werde ich beraten?",
        "Unsere Case Managerinnen und Case Manager sprechen neben Deutsch unter anderem Arabisch, Türkisch, Kurmancî, Ukrainisch, Russisch, Bulgarisch, Rumänisch, Farsi, Englisch und Französisch. Spricht niemand im Team Ihre Sprache, organisieren wir eine Dolmetscherin oder einen Dolmetscher.",
    ),
    "termin": (
        "Wie bekomme ich einen Termin?",
        """Schreiben Sie uns über das [Kontaktformular](contact) oder rufen Sie die zentrale Anlaufstelle an: 0208 825-0. Sie können auch direkt Ihre [Ansprechperson im Stadtteil](directory) anrufen.

Bringen Sie zum ersten Termin, wenn möglich, Ihren Ausweis oder Ihr Aufenthaltsdokument und wichtige Briefe von Ämtern mit.""",
    ),
    "daten": (
        "Was passiert mit meinen Daten?",
        "Ihre Angaben sind bei uns vertraulich. Wir speichern nur, was wir für die Beratung brauchen. An andere Stellen – zum Beispiel an das Jobcenter oder die Ausländerbehörde – geben wir Informationen nur weiter, wenn Sie vorher schriftlich zugestimmt haben. Diese Zustimmung können Sie jederzeit zurücknehmen.",
    ),
    "chancen-beantragen": (
        "Kann ich das Chancen-Aufenthaltsrecht noch beantragen?",
        """Nein. Das Chancen-Aufenthaltsrecht nach § 104c Aufenthaltsgesetz war befristet. Seit dem 31. Dezember 2025 werden keine neuen Aufenthaltserlaubnisse nach § 104c mehr erteilt.

Wer geduldet ist, kann aber andere Wege zu einem Aufenthaltsrecht haben, zum Beispiel nach § 25a (gut integrierte junge Menschen) oder nach § 25b (nachhaltige Integration). Lassen Sie sich beraten – wir schauen mit Ihnen, welche Möglichkeiten es gibt.""",
    ),
    "chancen-inhaber": (
        "Ich habe eine Aufenthaltserlaubnis nach § 104c. Was gilt jetzt für mich?",
        """Ihre Aufenthaltserlaubnis bleibt gültig, bis sie abläuft. Sie wurde für 18 Monate erteilt und kann nicht als Chancen-Aufenthaltsrecht verlängert werden. Weiter geht es nur mit einer Aufenthaltserlaubnis nach § 25a oder § 25b.

Wichtig:
- Stellen Sie den Antrag nach § 25a oder § 25b rechtzeitig, **bevor** Ihre Erlaubnis abläuft.
- Ein Antrag auf einen anderen Aufenthaltstitel hilft Ihnen hier nicht: Ihre Erlaubnis gilt dadurch nicht vorläufig weiter.
- Die besonderen Regeln für Menschen mit einer Erlaubnis nach § 104c gelten nach heutigem Stand bis zum 30. Juni 2027.

Wer die Voraussetzungen nicht erfüllt, fällt in die Duldung zurück. Kommen Sie deshalb früh zu uns in die Beratung.""",
    ),
    "paragraf-25b": (
        "Was muss ich für eine Aufenthaltserlaubnis nach § 25b erfüllen?",
        """§ 25b ist für Menschen, die sich nachhaltig integriert haben. In der Regel müssen Sie:
- seit mindestens 6 Jahren in Deutschland leben (4 Jahre, wenn ein minderjähriges Kind bei Ihnen lebt) – geduldet, gestattet oder mit Aufenthaltserlaubnis,
- Ihren Lebensunterhalt überwiegend durch Arbeit sichern oder absehbar sichern können,
- mündlich Deutsch auf dem Niveau A2 sprechen,
- sich zur freiheitlichen demokratischen Grundordnung bekennen und Grundkenntnisse über Recht und Gesellschaft haben (meist Test „Leben in Deutschland“),
- nachweisen, dass Ihre Kinder im Schulalter zur Schule gehen.

Bei einer Erlaubnis nach § 104c zählen auch Zeiten mit einer Duldung für Personen mit ungeklärter Identität mit. Ihre Identität muss geklärt sein – oder Sie müssen alles Zumutbare getan haben, um sie zu klären. Nicht möglich ist die Erlaubnis in der Regel, wenn Ihre Abschiebung durch eigene falsche Angaben oder Täuschung verhindert wurde oder wenn schwere Straftaten vorliegen. Bei Krankheit, Behinderung oder Alter gibt es Ausnahmen.""",
    ),
    "paragraf-25a": (
        "Was muss ich für eine Aufenthaltserlaubnis nach § 25a erfüllen?",
        """§ 25a ist für gut integrierte Jugendliche und junge Erwachsene. In der Regel müssen Sie:
- den Antrag vor Ihrem 27. Geburtstag stellen,
- seit mindestens 3 Jahren in Deutschland leben – geduldet, gestattet oder mit Aufenthaltserlaubnis,
- 3 Jahre erfolgreich eine Schule in Deutschland besucht oder hier einen Schul- oder Berufsabschluss gemacht haben,
- erwarten lassen, dass Sie sich gut in das Leben in Deutschland einfügen.

Während Schule, Ausbildung oder Studium schadet es nicht, wenn Sie Sozialleistungen bekommen. Auch hier muss Ihre Identität geklärt sein – oder Sie müssen alles Zumutbare dafür getan haben. Wer durch eigene falsche Angaben oder Täuschung über die Identität die Abschiebung verhindert hat, bekommt die Erlaubnis nicht.""",
    ),
    "wer-entscheidet": (
        "Wer entscheidet über meinen Antrag auf Aufenthalt?",
        "Über Aufenthaltserlaubnisse entscheidet die Ausländerbehörde der Stadt Oberhausen. KIM macht keine Rechtsberatung. Wir helfen Ihnen aber, Ihre Lage zu verstehen, Unterlagen vorzubereiten, einen Sprachkurs oder Arbeit zu finden und Termine wahrzunehmen. Bei schwierigen rechtlichen Fragen vermitteln wir Sie an eine Rechts- oder Flüchtlingsberatung.",
    ),
}

NEWS = {
    "kooperationsvereinbarung-unterzeichnet": (
        "KIM-Partner unterzeichnen Kooperationsvereinbarung",
        """Oberhausen, 3. Mai 2023. Die Partner des Kommunalen Integrationsmanagements in Oberhausen haben ihre Zusammenarbeit auf eine gemeinsame Grundlage gestellt. Im KIM-Lenkungskreis unterzeichneten Ämter, Behörden und Wohlfahrtsverbände eine institutionsübergreifende Kooperationsvereinbarung.

Die Partner verpflichten sich darin auf gemeinsame Ziele. Sie wollen Fall- und Planungskonferenzen gemeinsam einberufen und durchführen und ihre Arbeit so abstimmen, dass Menschen mit Einwanderungsgeschichte schneller die passende Hilfe bekommen. Einzelne Einrichtungen ergänzen die Vereinbarung durch eigene Absprachen.

Zu den Unterzeichnenden gehören unter anderem das Jobcenter, die Agentur für Arbeit, die Volkshochschule, mehrere Bereiche der Stadtverwaltung, die Wirtschaftsförderung sowie Caritas, DRK, Diakoniewerk, der Paritätische mit pro wohnen international und das ZAQ.""",
    ),
    "chancen-aufenthaltsrecht-endet": (
        "Chancen-Aufenthaltsrecht endet zum Jahreswechsel",
        """Das Chancen-Aufenthaltsrecht nach § 104c Aufenthaltsgesetz läuft aus: Ab dem 31. Dezember 2025 werden keine neuen Erlaubnisse mehr erteilt.

Wer bereits eine Erlaubnis nach § 104c hat, kann sie nur noch als Aufenthaltserlaubnis nach § 25a oder § 25b verlängern. Dafür müssen zum Beispiel Deutschkenntnisse, Arbeit und eine geklärte Identität nachgewiesen werden. Das KIM-Case-Management rät allen Betroffenen, sich frühzeitig beraten zu lassen und den Antrag rechtzeitig vor dem Ablauf der Erlaubnis zu stellen.

Antworten auf häufige Fragen finden Sie unter [Fragen und Antworten](faq).""",
    ),
    "internetseite-elf-sprachen": (
        "KIM-Internetseite jetzt in elf Sprachen",
        """Die Internetseite von KIM Oberhausen gibt es jetzt auf Deutsch, in Einfacher Sprache und in neun weiteren Sprachen: Englisch, Arabisch, Türkisch, Ukrainisch, Russisch, Bulgarisch, Rumänisch, Farsi und Kurmancî.

Neu ist auch die Suche nach der zuständigen Ansprechperson: Wer seine Straße eingibt, sieht, welche Case Managerin oder welcher Case Manager für den eigenen Sozialraum zuständig ist. Den KIM-Flyer gibt es in allen Sprachen der Seite zum Herunterladen.""",
    ),
}

DOWNLOADS = {
    "kooperationsvereinbarung": (
        "Kooperationsvereinbarung KIM Oberhausen (2023)",
        "Die institutionsübergreifende Vereinbarung der KIM-Partner vom 3. Mai 2023.",
    ),
}
