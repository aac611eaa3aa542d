"""Consent pages: scope (owner, colleague, other organisation), recording with bad input, withdrawal, scans."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from kim.accounts.models import OrganisationKind, Role
from kim.cases.models import Case, CaseShare
from kim.clients.models import Consent
from kim.core.models import AuditEvent
from tests.consent.factories import client_with_case, make_consent
from tests.factories import OrganisationFactory


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def owner(make_member):
    return make_member(Role.CASE_MANAGER)


@pytest.fixture
def jobcenter(db):
    return OrganisationFactory(name="Jobcenter Oberhausen", kind=OrganisationKind.JOB_CENTRE)


@pytest.fixture
def person(owner):
    return client_with_case(owner)


@pytest.fixture
def consent(person, owner, jobcenter):
    return make_consent(person, owner.user, recipient=jobcenter)


def _pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _urls(consent):
    client_pk = consent.client_id
    return [
        reverse("consent:list", kwargs={"client_pk": client_pk}),
        reverse("consent:create", kwargs={"client_pk": client_pk}),
        reverse("consent:detail", kwargs={"pk": consent.pk}),
        reverse("consent:withdraw", kwargs={"pk": consent.pk}),
        reverse("consent:scan", kwargs={"pk": consent.pk}),
        reverse("consent:form_pdf", kwargs={"pk": consent.pk}),
    ]


# Scope ------------------------------------------------------------------------------------------------------


def test_owner_sees_every_page(client_for, owner, consent):
    web = client_for(owner)
    for url in _urls(consent):
        assert web.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("role", "organisation", "status"),
    [
        (Role.CASE_MANAGER, "welfare", 404),  # colleague: same organisation, not the client's case manager
        (Role.CASE_MANAGER, "other_welfare", 404),
        (Role.TEAM_LEAD, "welfare", 200),  # team lead of the owning organisation
        (Role.TEAM_LEAD, "other_welfare", 404),
        (Role.AUTHORITY_STAFF, "authority", 403),
        (Role.COORDINATOR, "city", 403),
    ],
)
def test_others(client_for, make_member, consent, request, role, organisation, status):
    member = make_member(role, organisation=request.getfixturevalue(organisation))
    web = client_for(member)
    for url in _urls(consent):
        assert web.get(url).status_code == status, url


def test_list_shows_status_and_is_audited(client_for, owner, person, jobcenter):
    today = timezone.localdate()
    make_consent(person, owner.user, recipient=jobcenter)
    make_consent(
        person,
        owner.user,
        recipient=jobcenter,
        valid_from=today - dt.timedelta(days=90),
        valid_until=today - dt.timedelta(days=1),
    )
    make_consent(person, owner.user, recipient=jobcenter, withdrawn_on=today)
    response = client_for(owner).get(reverse("consent:list", kwargs={"client_pk": person.pk}))
    html = response.content.decode()
    assert (
        "consent-status--valid" in html
        and "consent-status--expired" in html
        and "consent-status--withdrawn" in html
    )
    assert AuditEvent.objects.filter(action="clients.consent.list", object_id=str(person.pk)).exists()


# Recording --------------------------------------------------------------------------------------------------


def test_record_consent(client_for, owner, person, jobcenter):
    url = reverse("consent:create", kwargs={"client_pk": person.pk})
    response = client_for(owner).post(
        url,
        {
            "purpose": "share",
            "recipient": jobcenter.pk,
            "data_categories": ["master_data", "health"],
            "valid_from": "2026-03-01",
            "valid_until": "2027-02-28",
            "form_language": "tr",
        },
    )
    consent = Consent.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "consent:detail", kwargs={"pk": consent.pk}
    )
    assert consent.recipient == jobcenter and consent.data_categories == ["master_data", "health"]
    assert consent.form_language == "tr" and consent.valid_until == dt.date(2027, 2, 28)


def test_recipient_left_over_from_sharing_is_ignored_for_other_purposes(client_for, owner, person, jobcenter):
    url = reverse("consent:create", kwargs={"client_pk": person.pk})
    client_for(owner).post(
        url,
        {
            "purpose": "contact_phone",
            "recipient": jobcenter.pk,
            "valid_from": "2026-03-01",
            "form_language": "de",
        },
    )
    assert Consent.objects.get().recipient is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"purpose": "share", "data_categories": ["health"]},
            "Sharing needs a named recipient organisation.",
        ),
        (
            {"purpose": "share", "recipient": "jobcenter", "data_categories": []},
            "Name the data this consent covers.",
        ),
        (
            {"purpose": "case_management", "valid_until": "2026-02-01"},
            "The end of validity is before its start.",
        ),
        ({"purpose": "case_management", "valid_from": "31.02.2026"}, "Enter a valid date."),
        ({"purpose": "", "data_categories": ["health"]}, "This field is required."),
    ],
)
def test_bad_input_keeps_what_was_typed_and_stores_nothing(
    client_for, owner, person, jobcenter, data, message
):
    values = {"valid_from": "2026-03-01", "form_language": "uk", "data_categories": ["master_data"]}
    values.update(data)
    if values.get("recipient") == "jobcenter":
        values["recipient"] = jobcenter.pk
    response = client_for(owner).post(reverse("consent:create", kwargs={"client_pk": person.pk}), values)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert '<option value="uk" selected>' in html  # what was chosen stays chosen
    assert response.context["form"].data["valid_from"] == values["valid_from"]
    assert not Consent.objects.exists()


# Withdrawal -------------------------------------------------------------------------------------------------


def test_withdraw_ends_shares(client_for, owner, consent, person, authority):
    case = Case.objects.get(client=person)
    share = CaseShare.objects.create(
        case=case, organisation=authority, consent=consent, created_by=owner.user
    )
    web = client_for(owner)
    page = web.get(reverse("consent:withdraw", kwargs={"pk": consent.pk}))
    assert "One case is shared on the basis of this consent" in page.content.decode()
    response = web.post(
        reverse("consent:withdraw", kwargs={"pk": consent.pk}),
        {"withdrawn_on": timezone.localdate().isoformat(), "withdrawal_note": "by phone"},
    )
    assert response.status_code == 302
    share.refresh_from_db()
    consent.refresh_from_db()
    assert share.revoked_at is not None and consent.withdrawn_on == timezone.localdate()


def test_withdraw_in_the_future_is_refused_with_input_kept(client_for, owner, consent):
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = client_for(owner).post(
        reverse("consent:withdraw", kwargs={"pk": consent.pk}),
        {"withdrawn_on": future, "withdrawal_note": "letter"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "A withdrawal cannot lie in the future" in html
    assert f'value="{future}"' in html and "letter" in html
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


# Scan and PDF -----------------------------------------------------------------------------------------------


def test_scan_upload_and_download(client_for, owner, consent):
    from django.core.files.uploadedfile import SimpleUploadedFile

    web = client_for(owner)
    upload = SimpleUploadedFile("Scan Einwilligung.png", _png_bytes(), content_type="image/png")
    response = web.post(reverse("consent:scan", kwargs={"pk": consent.pk}), {"scan": upload})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.signed_scan.name.endswith(".png")
    download = web.get(reverse("consent:scan_download", kwargs={"pk": consent.pk}))
    assert download.status_code == 200 and download["Content-Type"] == "image/png"
    assert b"".join(download.streaming_content) == _png_bytes()
    assert "attachment" in download["Content-Disposition"]
    assert AuditEvent.objects.filter(action="clients.consent.scan_download").count() == 1


def test_scan_download_without_scan_is_404(client_for, owner, consent):
    assert (
        client_for(owner).get(reverse("consent:scan_download", kwargs={"pk": consent.pk})).status_code == 404
    )


def test_scan_of_another_organisation_is_404(client_for, make_member, other_welfare, consent):
    from django.core.files.base import ContentFile

    consent.signed_scan.save("x.pdf", ContentFile(_pdf_bytes()))
    stranger = make_member(Role.TEAM_LEAD, organisation=other_welfare)
    assert (
        client_for(stranger).get(reverse("consent:scan_download", kwargs={"pk": consent.pk})).status_code
        == 404
    )
    assert not AuditEvent.objects.filter(action="clients.consent.scan_download").exists()


def test_bad_upload_shows_the_message(client_for, owner, consent):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("scan.pdf", b"just some text, not a PDF", content_type="application/pdf")
    response = client_for(owner).post(reverse("consent:scan", kwargs={"pk": consent.pk}), {"scan": upload})
    assert response.status_code == 200
    assert "Only PDF, JPEG or PNG files can be uploaded" in response.content.decode()
    consent.refresh_from_db()
    assert not consent.signed_scan


def test_form_pdf_download(client_for, owner, consent):
    response = client_for(owner).get(reverse("consent:form_pdf", kwargs={"pk": consent.pk}))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert f"einwilligung-{consent.pk}-de.pdf" in response["Content-Disposition"]
