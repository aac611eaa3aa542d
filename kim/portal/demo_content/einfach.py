"""Einfache Sprache: kurze Sätze, bekannte Wörter, eine Aussage pro Satz."""

CATEGORIES = {
    "beratung": "Beratung bei KIM",
    "aufenthalt": "Aufenthalt",
}

PAGES = {
    "start": (
        "KIM in Oberhausen",
        "KIM hilft Menschen, die nach Oberhausen eingewandert sind. Die Beratung kostet nichts.",
        """Sie sind nach Oberhausen gekommen?
Sie brauchen Hilfe?
Zum Beispiel bei Ämtern, bei der Arbeit oder bei der Wohnung?
Dann hilft Ihnen KIM.

KIM bedeutet: Kommunales Integrations·management.
Bei KIM arbeiten Beraterinnen und Berater.
Sie heißen Case Managerin und Case Manager.
Sie sprechen mit Ihnen.
Sie helfen Ihnen lange.
Sie sagen Ihnen, welches Amt für Sie zuständig ist.

Die Beratung ist freiwillig.
Die Beratung kostet nichts.""",
    ),
    "was-ist-kim": (
        "Was ist KIM?",
        "KIM ist ein Programm vom Land Nordrhein-Westfalen. KIM hilft Menschen mit Einwanderungs·geschichte.",
        """KIM ist ein Programm vom Land Nordrhein-Westfalen.
Das Land bezahlt KIM.
KIM gibt es in vielen Städten.
KIM gibt es auch in Oberhausen.

KIM hat 2 Ziele:
- Menschen bekommen Hilfe an einer Stelle. Auch wenn viele Ämter zuständig sind.
- Die Ämter arbeiten besser zusammen.

Manchmal gibt es Probleme bei den Ämtern.
KIM sammelt diese Probleme.
KIM sucht mit den Ämtern nach Lösungen.

In Oberhausen macht das Kommunale Integrations·zentrum KIM.
Das Integrations·zentrum gehört zur Stadt.""",
    ),
    "bausteine": (
        "Was macht KIM?",
        "KIM hat 3 Teile: Planung, Beratung und Hilfe bei der Ausländer·behörde.",
        """KIM hat 3 Teile.

## Teil 1: Planung
Die KIM-Koordination plant die Arbeit.
Sie sorgt dafür: Alle Stellen arbeiten gut zusammen.
Sie spricht über Probleme mit den Leitern von den Ämtern.

## Teil 2: Beratung
Die Case Managerinnen und Case Manager beraten Sie.
Sie fragen: Was brauchen Sie?
Sie machen mit Ihnen einen Plan.
Sie sagen Ihnen: Welches Amt ist zuständig?
Zum Beispiel: das Jobcenter, die Ausländer·behörde oder die Schule.
Manchmal gehen sie mit Ihnen zum Amt.

## Teil 3: Hilfe bei der Ausländer·behörde
Bei der Ausländer·behörde arbeiten extra Mitarbeiter für KIM.
Sie helfen Menschen, die länger in Deutschland bleiben wollen.
Sie helfen auch bei der Einbürgerung.
Einbürgerung heißt: Sie werden Deutsche oder Deutscher.""",
    ),
    "traeger": (
        "Wer macht KIM?",
        "KIM machen die Stadt Oberhausen und 5 Wohlfahrts·verbände zusammen.",
        """Die Stadt Oberhausen ist verantwortlich für KIM.
Genauer: das Kommunale Integrations·zentrum.

Die Beratung machen Mitarbeiter von der Stadt.
Und Mitarbeiter von diesen Verbänden:
- Caritas
- Deutsches Rotes Kreuz (DRK)
- Diakonie
- ZAQ
- pro wohnen international

Viele andere Stellen arbeiten mit.
Zum Beispiel das Jobcenter, die Volkshochschule und die Ausländer·behörde.
Die Zusammenarbeit steht in einem Vertrag.
Der Vertrag heißt [Kooperations·vereinbarung](page:kooperation).""",
    ),
    "zielgruppe": (
        "Für wen ist KIM?",
        "KIM ist für Menschen mit Einwanderungs·geschichte. Sie brauchen Hilfe bei mehreren Dingen.",
        """KIM ist für Menschen mit Einwanderungs·geschichte.
Sie wohnen in Oberhausen.
Sie brauchen Hilfe bei mehreren Dingen.
Und noch keine andere Stelle hilft ihnen richtig.

Wir helfen besonders in 3 Fällen:

## Sie wohnen schon lange hier
Aber es gibt noch Probleme.
Zum Beispiel: Sie haben keinen Sprach·kurs.
Oder keine Arbeit.
Oder Ihr Aufenthalt ist nicht sicher.
Wir helfen Ihnen bei den nächsten Schritten.

## Ihre Familie hat viele Probleme
Zum Beispiel mit der Schule, der Wohnung oder dem Geld.
Wir helfen Ihnen.
Wir sprechen mit den Ämtern.

## Jemand braucht Pflege
Zum Beispiel ein alter Mensch in Ihrer Familie.
Wir erklären Ihnen die Hilfe bei Pflege.
Wir helfen bei den Anträgen.

Die Beratung ist freiwillig.
Die Beratung kostet nichts.
Wir erzählen nichts weiter.""",
    ),
    "zustaendigkeiten": (
        "Wer ist für mich zuständig?",
        "Oberhausen hat 6 Bereiche. Für jeden Bereich gibt es feste Beraterinnen und Berater.",
        """Oberhausen hat für KIM 6 Bereiche.
Für jeden Bereich gibt es feste Beraterinnen und Berater.
Sie sprechen viele Sprachen.
Zum Beispiel Arabisch, Türkisch, Ukrainisch und Farsi.
Wenn nötig, holen wir einen Dolmetscher.

[Hier finden Sie Ihre Beraterin oder Ihren Berater](directory)

Sie wissen nicht weiter?
Dann melden Sie sich bei uns.
Wir helfen Ihnen weiter: [Kontakt](contact)""",
    ),
    "kooperation": (
        "Der Vertrag für die Zusammenarbeit",
        "2023 haben alle Partner von KIM einen Vertrag für die Zusammenarbeit unterschrieben.",
        """Am 3. Mai 2023 haben alle Partner von KIM einen Vertrag unterschrieben.
Der Vertrag heißt: Kooperations·vereinbarung.

Im Vertrag steht:
- Das sind unsere gemeinsamen Ziele.
- Wir treffen uns und sprechen über schwierige Fälle.
- So arbeiten wir zusammen.

Es haben viele Stellen unterschrieben.
Zum Beispiel das Jobcenter, die Volkshochschule, viele Ämter der Stadt und die Wohlfahrts·verbände.

Den Vertrag können Sie herunterladen: [Downloads](downloads)""",
    ),
    "flyer": (
        "KIM – Beratung für Menschen mit Einwanderungs·geschichte",
        "Der KIM-Flyer in Einfacher Sprache.",
        """Sie wohnen in Oberhausen?
Sie brauchen Hilfe?
Zum Beispiel beim Aufenthalt, bei der Arbeit oder bei der Wohnung?
Dann hilft Ihnen KIM.

## Das machen wir
- Wir hören Ihnen zu.
- Wir machen mit Ihnen einen Plan.
- Wir helfen Ihnen lange.
- Wir sagen Ihnen, welches Amt zuständig ist.

## Das ist wichtig
- Die Beratung ist freiwillig.
- Die Beratung kostet nichts.
- Wir erzählen nichts weiter.
- Wir sprechen viele Sprachen.

Ihre Beraterin oder Ihren Berater finden Sie im Internet.""",
    ),
}

FAQS = {
    "kosten": (
        "Kostet die Beratung Geld?",
        "Nein.\nDie Beratung kostet nichts.\nDie Beratung ist freiwillig.\nSie entscheiden selbst.",
    ),
    "wer-kann-kommen": (
        "Wer kann zu KIM kommen?",
        "Menschen mit Einwanderungs·geschichte aus Oberhausen.\nSie brauchen Hilfe bei mehreren Dingen.\nManchmal passt eine andere Stelle besser.\nDann sagen wir Ihnen, wohin Sie gehen können.",
    ),
    "sprachen": (
        "Welche Sprachen sprechen die Berater?",
        "Unsere Berater sprechen viele Sprachen.\nZum Beispiel Arabisch, Türkisch, Kurdisch, Ukrainisch, Russisch und Farsi.\nSpricht niemand Ihre Sprache?\nDann holen wir einen Dolmetscher.",
    ),
    "termin": (
        "Wie bekomme ich einen Termin?",
        "Schreiben Sie uns: [Kontakt](contact)\nOder rufen Sie an: 0208 825-0\n\nBringen Sie zum Termin mit:\n- Ihren Ausweis oder Ihr Aufenthalts·papier\n- wichtige Briefe von Ämtern",
    ),
    "daten": (
        "Was passiert mit meinen Daten?",
        "Wir erzählen nichts weiter.\nWir schreiben nur auf, was wir für die Beratung brauchen.\nManchmal wollen wir mit einem Amt sprechen.\nDann fragen wir Sie vorher.\nSie müssen zustimmen.\nSie können Ihre Zustimmung jederzeit zurücknehmen.",
    ),
    "chancen-beantragen": (
        "Kann ich noch das Chancen-Aufenthalts·recht bekommen?",
        "Nein.\nDas Chancen-Aufenthalts·recht gibt es nicht mehr neu.\nSeit dem 31. Dezember 2025 gibt es keine neue Erlaubnis mehr.\n\nAber es gibt andere Wege.\nZum Beispiel für junge Menschen.\nOder für Menschen, die schon lange hier arbeiten.\nWir beraten Sie gerne.",
    ),
    "chancen-inhaber": (
        "Ich habe das Chancen-Aufenthalts·recht. Was jetzt?",
        "Ihre Erlaubnis gilt bis zum Ende.\nDanach brauchen Sie eine neue Erlaubnis.\nDie neue Erlaubnis heißt § 25a oder § 25b.\n\nWichtig:\n- Stellen Sie den Antrag früh.\n- Stellen Sie den Antrag **vor** dem Ende von Ihrer Erlaubnis.\n\nSonst bekommen Sie vielleicht wieder eine Duldung.\nKommen Sie früh zu uns.\nWir helfen Ihnen.",
    ),
    "paragraf-25b": (
        "Was brauche ich für § 25b?",
        "§ 25b ist für Menschen, die schon lange hier leben.\nMeistens brauchen Sie:\n- 6 Jahre in Deutschland. Mit Kind: 4 Jahre.\n- Arbeit. Sie verdienen das meiste Geld selbst.\n- Deutsch auf Stufe A2. Sie können einfache Gespräche führen.\n- Den Test „Leben in Deutschland“.\n- Ihre Kinder gehen zur Schule.\n- Ihr Pass oder Ihre Identität ist geklärt.\n\nSie dürfen nicht gelogen haben.\nSie dürfen keine schweren Straftaten haben.",
    ),
    "paragraf-25a": (
        "Was brauche ich für § 25a?",
        "§ 25a ist für junge Menschen.\nMeistens brauchen Sie:\n- Sie sind jünger als 27 Jahre.\n- Sie leben seit 3 Jahren in Deutschland.\n- Sie sind 3 Jahre hier zur Schule gegangen. Oder Sie haben hier einen Abschluss.\n- Ihre Identität ist geklärt.\n\nSie gehen zur Schule oder machen eine Ausbildung?\nDann dürfen Sie Geld vom Amt bekommen.",
    ),
    "wer-entscheidet": (
        "Wer entscheidet über meinen Aufenthalt?",
        "Die Ausländer·behörde entscheidet.\nKIM entscheidet nicht.\nWir machen keine Rechts·beratung.\nAber wir helfen Ihnen.\nZum Beispiel bei den Papieren.\nOder wir suchen mit Ihnen einen Sprach·kurs.\nBei schwierigen Fragen schicken wir Sie zu einer Rechts·beratung.",
    ),
}

NEWS = {
    "kooperationsvereinbarung-unterzeichnet": (
        "KIM-Partner unterschreiben einen Vertrag",
        "Am 3. Mai 2023 haben alle Partner von KIM einen Vertrag unterschrieben.\nDer Vertrag regelt die Zusammenarbeit.\nSo bekommen Menschen schneller die richtige Hilfe.",
    ),
    "chancen-aufenthaltsrecht-endet": (
        "Das Chancen-Aufenthalts·recht endet",
        "Ab dem 31. Dezember 2025 gibt es keine neue Erlaubnis nach § 104c mehr.\nSie haben schon eine Erlaubnis nach § 104c?\nDann brauchen Sie bald eine neue Erlaubnis.\nKommen Sie früh zu uns in die Beratung.",
    ),
}

DOWNLOADS = {
    "kooperationsvereinbarung": (
        "Vertrag für die Zusammenarbeit (2023)",
        "Der Vertrag von allen KIM-Partnern. Der Vertrag ist in schwerer Sprache.",
    ),
}
