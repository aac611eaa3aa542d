from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def demo_logins():
    """One demo login per role, for the login page in demo mode only."""
    if not settings.KIM_DEMO:
        return []
    from kim.accounts import demo
    from kim.accounts.models import Role

    seen, logins = set(), []
    for email, _first, _last, organisation, role, *_rest in demo.STAFF:
        if role not in seen:
            seen.add(role)
            logins.append({"email": email, "role": Role(role).label, "organisation": organisation})
    return logins
