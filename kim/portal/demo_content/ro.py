"""Română (flyer and category names)."""

CATEGORIES = {"beratung": "Consiliere la KIM", "aufenthalt": "Ședere și „dreptul de ședere prin șansă”"}

PAGES = {
    "flyer": (
        "KIM – consiliere și însoțire pentru persoane cu istoric de imigrare",
        "Pliantul KIM: ce face KIM pentru dumneavoastră și cum ne puteți contacta.",
        """Locuiți în Oberhausen și aveți nevoie de sprijin – în privința șederii, a muncii, a limbii, a locuinței, a școlii, a sănătății sau a îngrijirii? Managementul comunal al integrării (KIM) vă ajută.

## Ce facem pentru dumneavoastră
- Vă ascultăm și stabilim împreună de ce aveți nevoie.
- Facem împreună un plan și rămânem alături de dumneavoastră, chiar și pe o perioadă mai lungă.
- Vă îndrumăm către autoritățile și centrele de consiliere competente și vă însoțim, dacă este nevoie.

## Bine de știut
- Consilierea este voluntară și gratuită.
- Totul rămâne confidențial. Nu transmitem nimic fără acordul dumneavoastră.
- Oferim consiliere în multe limbi sau organizăm un interpret.

Persoana de contact pentru cartierul dumneavoastră o găsiți pe site-ul nostru.""",
    ),
}
