"""The consent text of the public request form: who processes, what for, how long, withdrawal, rights.

It is shown in the visitor's language (English msgids, translated in every public language's catalogue).
Einfache Sprache has no catalogue of its own (it uses the German one), so its wording is written here.
A change of substance to the text needs a new :data:`kim.portal.contact.CONSENT_VERSION`, which is kept with
the audit entry of every request.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from kim.accounts.models import Organisation
from kim.portal.contact import RETENTION_MONTHS

_EINFACH = [
    (
        "Wer bekommt Ihre Daten?",
        "Ihre Daten bekommt: {controller}, {address}. "
        "Sie erreichen uns unter {contact}. "
        "Dort erreichen Sie auch die Person für Datenschutz.",
    ),
    (
        "Wofür brauchen wir Ihre Daten?",
        "Wir brauchen Ihre Daten nur für eine Sache: Wir wollen Ihnen antworten und einen Termin mit Ihnen machen. "
        "Dafür geben wir Ihre Anfrage an Ihre Beraterin oder Ihren Berater weiter. "
        "Diese Person arbeitet bei einer Stelle von KIM ({partners}). "
        "Sonst bekommt niemand Ihre Daten. Auch die Ausländerbehörde bekommt sie nicht – "
        "außer Sie sagen später ausdrücklich Ja dazu.",
    ),
    (
        "Wie lange speichern wir Ihre Daten?",
        "Vielleicht beginnt danach eine Beratung. Dann kommen Ihre Daten in Ihre Beratungs-Akte. "
        "Beim ersten Termin erklären wir Ihnen die Regeln dafür. "
        "Wenn keine Beratung beginnt: Dann löschen wir Ihre Anfrage spätestens {months} Monate nach unserer Antwort.",
    ),
    (
        "Sie dürfen Nein sagen",
        "Sie müssen nicht zustimmen. Ohne Zustimmung können wir Ihnen über dieses Formular aber nicht antworten. "
        "Sie können Ihre Zustimmung jederzeit zurücknehmen. Dafür müssen Sie keinen Grund sagen. "
        "Rufen Sie uns an, schreiben Sie eine E-Mail oder einen Brief. "
        "Dann löschen wir Ihre Anfrage. Was wir vorher gemacht haben, bleibt erlaubt.",
    ),
    (
        "Ihre Rechte",
        "Sie dürfen fragen: Welche Daten haben Sie von mir? "
        "Sie dürfen sagen: Bitte ändern Sie falsche Daten. Bitte löschen Sie meine Daten. "
        "Sie dürfen sich beschweren. Zum Beispiel bei der Landes-Beauftragten für Datenschutz in Nordrhein-Westfalen.",
    ),
]


def _partners() -> str:
    names = (
        Organisation.objects.filter(provides_case_management=True, is_active=True)
        .order_by("name")
        .values_list("name", flat=True)
    )
    return "; ".join(names)


def consent_sections(language, central) -> list[dict]:
    """[{"heading": …, "text": …}] of the consent text in ``language`` (a PublicLanguage)."""
    controller = str(central.organisation.name) if central else ""
    address = f"{central.street}, {central.postcode} {central.city}" if central else ""
    reach = [value for value in (central.phone, central.email) if value] if central else []
    values = {
        "controller": controller,
        "address": address,
        "contact": " / ".join(reach),
        "partners": _partners(),
        "months": RETENTION_MONTHS,
    }
    if language.code == "einfach":
        return [{"heading": heading, "text": text.format(**values)} for heading, text in _EINFACH]
    sections = [
        (
            _("Who processes your details"),
            _(
                "Responsible for processing your details is %(controller)s, %(address)s. You can reach us at "
                "%(contact)s; the data protection officer can be reached at the same address."
            ),
        ),
        (
            _("What for"),
            _(
                "We use your details only to answer your request and to arrange an appointment with you. For this, "
                "the KIM coordination passes your request on to the case manager responsible for you at one of the "
                "organisations of the KIM case management (%(partners)s). Nobody else receives your details, not even the "
                "foreigners' authority – unless you expressly agree to that later. The legal basis is your "
                "consent (Article 6(1)(a) GDPR)."
            ),
        ),
        (
            _("How long we keep your details"),
            _(
                "If counselling follows, your request becomes part of your counselling file; we explain the rules "
                "for it at the first meeting. If no counselling follows, we delete your request at the latest "
                "%(months)d months after we answered it."
            ),
        ),
        (
            _("Your consent is voluntary – withdrawal"),
            _(
                "You do not have to agree, but without your consent we cannot answer a request sent with this form. "
                "You can withdraw your consent at any time without giving reasons – by phone, e-mail or letter to "
                "the address above. We then delete your request. Withdrawal does not make the processing before "
                "it unlawful."
            ),
        ),
        (
            _("Your rights"),
            _(
                "You have the right to know which details we hold about you, and to have them corrected, deleted "
                "or their processing restricted. You can complain to a data protection supervisory authority, for "
                "example the State Commissioner for Data Protection and Freedom of Information of North "
                "Rhine-Westphalia (LDI NRW)."
            ),
        ),
    ]
    return [{"heading": heading, "text": text % values} for heading, text in sections]
