"""Demo content of the public portal, one module per language (texts written for this site, in our own words,
after the Oberhausen KIM page). Each module has PAGES {slug: (title, meta description, body)}, FAQS {slug:
(question, answer)}, NEWS {slug: (title, body)}, DOWNLOADS {slug: (title, description)} and CATEGORIES
{slug: name}; any of them may leave entries out (the portal then shows German with a note)."""
