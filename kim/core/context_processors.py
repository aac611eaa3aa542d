"""Template context shared by every page: site name, navigation for the role, language direction."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext_lazy as _

from kim.accounts.models import Role
from kim.core.languages import autonym

# (label, url name, roles that see it; empty = everyone with a membership)
NAVIGATION = [
    (_("Start"), "core:home", ()),
    (_("Calendar"), "scheduling:calendar", (Role.CASE_MANAGER, Role.TEAM_LEAD)),
    (_("Deadlines"), "scheduling:deadline_list", (Role.CASE_MANAGER, Role.TEAM_LEAD)),
    (_("Requests"), "cases:request_list", (Role.COORDINATOR, Role.ADMIN_ASSISTANT, Role.CASE_MANAGER, Role.TEAM_LEAD)),
    (_("Cases"), "cases:case_list", (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)),
    (_("Clients"), "clients:client_list", (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)),
    (_("Residence pipeline"), "pipeline:board", (Role.AUTHORITY_STAFF,)),
    (_("Residence screening"), "screening:screening", (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)),
    (_("Residence statistics"), "pipeline:statistics", (Role.COORDINATOR, Role.ADMIN_ASSISTANT)),
    (_("Cases (pseudonymised)"), "cases:coordination_cases", (Role.COORDINATOR, Role.ADMIN_ASSISTANT)),
    (_("Caseload"), "cases:caseload", (Role.COORDINATOR, Role.ADMIN_ASSISTANT, Role.TEAM_LEAD)),
    (_("Barriers"), "network:barrier_list", (Role.COORDINATOR, Role.ADMIN_ASSISTANT, Role.CASE_MANAGER, Role.TEAM_LEAD)),
    (_("Our team"), "accounts:team", (Role.TEAM_LEAD,)),
    (_("Network"), "accounts:network", (Role.COORDINATOR, Role.ADMIN_ASSISTANT)),
    (_("Public portal"), "portal_editor:overview", (Role.COORDINATOR, Role.ADMIN_ASSISTANT)),
    (_("Organisations"), "accounts:organisation_list", (Role.SYSTEM_ADMIN,)),
    (_("Districts"), "accounts:district_list", (Role.SYSTEM_ADMIN, Role.COORDINATOR)),
    (_("Opening hours"), "portal_hours:overview", (Role.COORDINATOR, Role.ADMIN_ASSISTANT)),
    (_("Users"), "accounts:user_list", (Role.SYSTEM_ADMIN,)),
    (_("Audit log"), "core:audit_list", (Role.SYSTEM_ADMIN,)),
    (_("My profile"), "accounts:profile", ()),
    (_("Security"), "accounts:security", ()),
]


def platform(request):
    actor = getattr(request, "actor", None)
    nav = []
    if actor is not None and actor.membership is not None:
        path = request.path
        for label, name, roles in NAVIGATION:
            if roles and actor.role not in roles:
                continue
            url = reverse(name)
            current = path == url if url == "/" else path.startswith(url)
            if name == "cases:case_list" and path.startswith("/faelle/"):
                current = True
            nav.append({"label": label, "url": url, "current": current})
    return {
        "site_name": settings.KIM_SITE_NAME,
        "demo_mode": settings.KIM_DEMO,
        "navigation": nav,
        "actor": actor,
        "text_direction": "rtl" if get_language_bidi() else "ltr",
        "ui_languages": [(code, autonym(code)) for code, _name in settings.LANGUAGES],
        "current_language": get_language(),
    }
