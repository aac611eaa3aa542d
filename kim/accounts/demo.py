"""The Oberhausen demo data: organisations, Sozialräume, staff. Only fictional persons.

Organisation names and the central contact are those of the real KIM site; every person is invented, and
every e-mail address uses the reserved ``.example`` domain.
"""

from __future__ import annotations

from datetime import time

from kim.accounts.models import OrganisationKind, Role

KI = "Stadt Oberhausen – Kommunales Integrationszentrum"
DRK = "DRK Kreisverband Oberhausen (Rhld.) e.V."
PRO_WOHNEN = "Pro wohnen international e.V."
ZAQ = "Zentrum für Ausbildung und berufliche Qualifikationen Oberhausen e.V."
CARITAS = "Caritasverband Oberhausen e.V."
ABH = "Stadt Oberhausen – Ausländerbehörde"
EBH = "Stadt Oberhausen – Einbürgerungsbehörde"

ORGANISATIONS = [
    # name, short name, kind, provides case management, street, postcode
    (KI, "KI Oberhausen", OrganisationKind.INTEGRATION_CENTRE, True, "Mülheimer Straße 200", "46045"),
    (DRK, "DRK Oberhausen", OrganisationKind.WELFARE_ORGANISATION, True, "", ""),
    (PRO_WOHNEN, "pro wohnen international", OrganisationKind.WELFARE_ORGANISATION, True, "", ""),
    (ZAQ, "ZAQ Oberhausen", OrganisationKind.WELFARE_ORGANISATION, True, "", ""),
    (CARITAS, "Caritas Oberhausen", OrganisationKind.WELFARE_ORGANISATION, True, "", ""),
    (ABH, "Ausländerbehörde", OrganisationKind.FOREIGNERS_AUTHORITY, False, "", ""),
    (EBH, "Einbürgerungsbehörde", OrganisationKind.NATURALISATION_AUTHORITY, False, "", ""),
    ("Jobcenter Oberhausen", "Jobcenter", OrganisationKind.JOB_CENTRE, False, "", ""),
    ("Agentur für Arbeit Oberhausen", "Agentur für Arbeit", OrganisationKind.OTHER_OFFICE, False, "", ""),
    ("Stadt Oberhausen – Sozialamt", "Sozialamt", OrganisationKind.OTHER_OFFICE, False, "", ""),
    ("Stadt Oberhausen – Jugendamt", "Jugendamt", OrganisationKind.OTHER_OFFICE, False, "", ""),
    ("Stadt Oberhausen – Gesundheitsamt", "Gesundheitsamt", OrganisationKind.OTHER_OFFICE, False, "", ""),
]

# Six Sozialräume, each with whole postcodes and single streets of postcodes that are split.
DISTRICTS = [
    (1, "Alt-Oberhausen Mitte", "Innenstadt rund um Marktstraße und Hauptbahnhof.",
     ["46045", "46045 Mülheimer Straße", "46045 Marktstraße", "46045 Elsässer Straße", "46045 Helmholtzstraße"]),
    (2, "Alt-Oberhausen Süd/Styrum", "Lirich, Alstaden und Styrum.",
     ["46049", "46047 Lipperheidstraße", "46049 Alstadener Straße", "46049 Styrumer Straße"]),
    (3, "Alt-Oberhausen Ost", "Schlad, Dümpten, Marienkirche.",
     ["46047", "46047 Mülheimer Straße", "46047 Dümptener Straße"]),
    (4, "Osterfeld", "Osterfeld, Vondern, Klosterhardt, Rothebusch.",
     ["46117", "46119", "46117 Gildenstraße", "46117 Bottroper Straße", "46119 Teutoburger Straße"]),
    (5, "Sterkrade-Mitte", "Sterkrade-Mitte, Buschhausen, Tackenberg.",
     ["46145", "46145 Steinbrinkstraße", "46145 Bahnhofstraße"]),
    (6, "Sterkrade-Nord", "Holten, Schmachtendorf, Königshardt, Schwarze Heide.",
     ["46147", "46149", "46147 Holtener Straße", "46149 Königshardter Straße"]),
]

# email, first, last, organisation, role, job title, languages, districts, weekly hours, max caseload, phone
STAFF = [
    ("admin@kim-demo.example", "Jonas", "Hartmann", KI, Role.SYSTEM_ADMIN, "Systemadministration",
     ["en"], [], "39.0", None, "0208 825-0"),
    ("koordination@kim-demo.example", "Miriam", "Albers", KI, Role.COORDINATOR, "KIM-Koordination",
     ["en", "fr"], [], "39.0", None, "0208 825-0"),
    ("assistenz@kim-demo.example", "Katrin", "Vogel", KI, Role.ADMIN_ASSISTANT, "Verwaltungsassistenz",
     ["en"], [], "30.0", None, "0208 825-0"),
    ("teamleitung.drk@kim-demo.example", "Thomas", "Schmitz", DRK, Role.TEAM_LEAD, "Fachbereichsleitung Migration",
     ["en"], [], "39.0", None, "0208 000000"),
    ("abh@kim-demo.example", "Claudia", "Neumann", ABH, Role.AUTHORITY_STAFF, "Sachbearbeitung Bleiberecht",
     ["en"], [], "39.0", None, ""),
    ("ebh@kim-demo.example", "Felix", "Brandt", EBH, Role.AUTHORITY_STAFF, "Sachbearbeitung Einbürgerung",
     ["en"], [], "39.0", None, ""),
    # Ten case managers across the organisations and the six Sozialräume.
    ("layla.haddad@kim-demo.example", "Layla", "Haddad", KI, Role.CASE_MANAGER, "Case Managerin",
     ["ar", "en"], [1, 2], "39.0", 45, "0208 000001"),
    ("sarah.becker@kim-demo.example", "Sarah", "Becker", KI, Role.CASE_MANAGER, "Case Managerin",
     ["en", "fr"], [4, 6], "30.0", 35, "0208 000002"),
    ("murat.yildiz@kim-demo.example", "Murat", "Yıldız", DRK, Role.CASE_MANAGER, "Case Manager",
     ["tr", "ku"], [2, 3], "39.0", 45, "0208 000003"),
    ("andrei.popescu@kim-demo.example", "Andrei", "Popescu", DRK, Role.CASE_MANAGER, "Case Manager",
     ["ro", "fr", "en"], [6], "39.0", 45, "0208 000004"),
    ("elena.petrova@kim-demo.example", "Elena", "Petrova", PRO_WOHNEN, Role.CASE_MANAGER, "Case Managerin",
     ["bg", "ru"], [3], "25.0", 30, "0208 000005"),
    ("yusuf.demir@kim-demo.example", "Yusuf", "Demir", PRO_WOHNEN, Role.CASE_MANAGER, "Case Manager",
     ["tr", "ar"], [1, 3], "39.0", 45, "0208 000006"),
    ("dmytro.wolkow@kim-demo.example", "Dmytro", "Wolkow", ZAQ, Role.CASE_MANAGER, "Case Manager",
     ["uk", "ru"], [5], "39.0", 45, "0208 000007"),
    ("rojda.kaya@kim-demo.example", "Rojda", "Kaya", ZAQ, Role.CASE_MANAGER, "Case Managerin",
     ["ku", "tr", "ar"], [2, 6], "39.0", 45, "0208 000008"),
    ("olena.kovalenko@kim-demo.example", "Olena", "Kovalenko", CARITAS, Role.CASE_MANAGER, "Case Managerin",
     ["uk", "ru", "en"], [4], "39.0", 45, "0208 000009"),
    ("parisa.ahmadi@kim-demo.example", "Parisa", "Ahmadi", CARITAS, Role.CASE_MANAGER, "Case Managerin",
     ["fa", "prs", "en"], [1, 5], "30.0", 35, "0208 000010"),
]

CENTRAL_CONTACT = {
    "organisation": KI,
    "name": "KIM Case Management – zentrale Anlaufstelle",
    "building": "Renate-Weckwerth-Haus",
    "street": "Mülheimer Straße 200",
    "postcode": "46045",
    "city": "Oberhausen",
    "phone": "0208 825-0",
    "email": "kim@oberhausen.example",
}
# Mon–Thu 09:00–15:00, Fri 09:00–12:00
OPENING_HOURS = [(day, time(9), time(15)) for day in range(4)] + [(4, time(9), time(12))]
