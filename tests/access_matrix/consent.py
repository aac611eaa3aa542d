"""Access rules of the consent URLs: case managers (own clients) and team leads (own organisation) only."""

from kim.accounts.models import Role
from tests.access_matrix import Entry

WORKERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


def build(world: dict) -> None:
    """A client of the case manager's organisation with a case of that case manager, and a consent with a
    signed scan; world keys ``consent_client``, ``consent_case``, ``consent``."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from kim.cases.models import Case
    from kim.clients import consent_forms
    from kim.clients.models import Client, Consent

    cm = world["members"]["case_manager"]
    client = Client.objects.create(
        organisation=cm.organisation,
        given_names="Rana",
        family_name="Einwilligung",
        birth_year=1991,
        created_by=cm.user,
    )
    case = Case.objects.create(
        number="T-C-0001",
        client=client,
        organisation=cm.organisation,
        case_manager=cm.user,
        opened_on=timezone.localdate(),
    )
    consent = Consent.objects.create(
        client=client,
        purpose="share",
        recipient=world["other_org"],
        data_categories=["master_data"],
        valid_from=timezone.localdate(),
        form_version=consent_forms.CURRENT_VERSION,
        recorded_by=cm.user,
    )
    consent.signed_scan.save("matrix.pdf", ContentFile(b"%PDF-1.4\ntrailer<<>>\n%%EOF\n"))
    world.update(consent_client=client, consent_case=case, consent=consent)


def _client(world):
    return {"client_pk": world["consent_client"].pk}


def _consent(world):
    return {"pk": world["consent"].pk}


ENTRIES = [
    Entry("consent:list", WORKERS, kwargs=_client),
    Entry("consent:create", WORKERS, kwargs=_client),
    Entry(
        "consent:create",
        WORKERS,
        kwargs=_client,
        method="post",
        ok=302,
        data=lambda w: {
            "purpose": "contact_phone",
            "valid_from": "2026-01-01",
            "form_language": "de",
        },
    ),
    Entry("consent:detail", WORKERS, kwargs=_consent),
    Entry("consent:withdraw", WORKERS, kwargs=_consent),
    Entry(
        "consent:withdraw",
        WORKERS,
        kwargs=_consent,
        method="post",
        ok=302,
        data=lambda w: {"withdrawn_on": w["consent"].valid_from.isoformat(), "withdrawal_note": ""},
    ),
    Entry("consent:scan", WORKERS, kwargs=_consent),
    # Without a file the form is shown again with its message: 200, nothing stored.
    Entry("consent:scan", WORKERS, kwargs=_consent, method="post"),
    Entry("consent:scan_download", WORKERS, kwargs=_consent),
    Entry("consent:form_pdf", WORKERS, kwargs=_consent),
]
