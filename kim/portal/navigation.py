"""The public navigation: one list, the same in every language (labels from the chrome catalogue).

Entries whose URL name does not resolve yet (a module still being built) are left out, so the menu never
shows a broken link.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (label, URL name taking ``lang``, prefix of the URL names for which the entry is the current one)
PUBLIC_NAVIGATION = [
    (_("Home"), "portal:home", "portal:home"),
    (_("About KIM"), "portal:page_list", "portal:page"),
    (_("Contact persons"), "portal_directory:index", "portal_directory:"),
    (_("Questions and answers"), "portal:faq", "portal:faq"),
    (_("News"), "portal:news", "portal:news"),
    (_("Downloads"), "portal:downloads", "portal:download"),
    (_("Contact"), "portal_contact:index", "portal_contact:"),
]


def navigation_for(language_code: str, view_name: str) -> list[dict]:
    items = []
    for label, name, current_prefix in PUBLIC_NAVIGATION:
        try:
            url = reverse(name, kwargs={"lang": language_code})
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "current": (view_name or "").startswith(current_prefix)})
    return items
