"""The translation status is right in exactly the cases Integreat CMS gets wrong (PEERS.md §2):
drafts do not outdate (integreat-cms#4284), only a published, changed German text does; a minor edit does not;
publishing a translation made against the current German version makes it current (#4385); moving and
reordering do not outdate (#4563)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kim.accounts.models import Role
from kim.core.concurrency import StaleRecordError
from kim.core.models import AuditEvent
from kim.portal import selectors, services
from kim.portal.kinds import PAGE
from kim.portal.models import PageTranslation, TranslationStatus

CURRENT, OUTDATED, MISSING = TranslationStatus.CURRENT, TranslationStatus.OUTDATED, TranslationStatus.MISSING


def status(page, language):
    page = type(page).objects.prefetch_related("translations").get(pk=page.pk)
    return selectors.item_status(page, language)


@pytest.fixture
def page(make_page):
    return make_page(
        "kim",
        de=("Was ist KIM?", "Erste Fassung."),
        en=("What is KIM?", "First version."),
        ar=("ما هو KIM؟", "النسخة الأولى."),
    )


def test_new_translations_are_current_and_others_missing(page):
    assert status(page, "en") == CURRENT
    assert status(page, "ar") == CURRENT
    assert status(page, "tr") == MISSING
    assert status(page, "einfach") == MISSING


def test_saving_a_german_draft_does_not_outdate(page, publish):
    publish(page, "de", "Was ist KIM?", "Ganz neuer Text, noch nicht fertig.", action=services.DRAFT)
    assert status(page, "en") == CURRENT
    assert status(page, "ar") == CURRENT
    source = PageTranslation.objects.get(item=page, language="de")
    assert source.body == "Erste Fassung."  # visitors still see the published text
    assert source.has_draft and source.draft_body == "Ganz neuer Text, noch nicht fertig."
    assert source.content_revision == 1


def test_only_publishing_changed_german_text_outdates(page, publish):
    publish(page, "de", "Was ist KIM?", "Erste Fassung.")  # published again, unchanged
    assert status(page, "en") == CURRENT
    publish(page, "de", "Was ist KIM?", "Zweite Fassung mit neuem Inhalt.")
    assert status(page, "en") == OUTDATED
    assert status(page, "ar") == OUTDATED
    assert status(page, "tr") == MISSING
    assert PageTranslation.objects.get(item=page, language="de").content_revision == 2


def test_a_change_of_the_meta_description_alone_outdates(page, publish):
    publish(page, "de", "Was ist KIM?", "Erste Fassung.", meta="Neue Beschreibung")
    assert status(page, "en") == OUTDATED


def test_minor_edit_of_german_does_not_outdate(page, publish):
    publish(page, "de", "Was ist KIM?", "Erste Fasung, Tippfehler korrigiert.", action=services.MINOR)
    assert status(page, "en") == CURRENT
    source = PageTranslation.objects.get(item=page, language="de")
    assert source.body == "Erste Fasung, Tippfehler korrigiert."  # the minor edit is public
    assert source.content_revision == 1


def test_publishing_a_translation_made_against_the_current_version_makes_it_current(page, publish):
    publish(page, "de", "Was ist KIM?", "Zweite Fassung.")
    assert status(page, "en") == OUTDATED
    # The translator checks the English text against German version 2 and publishes it – even unchanged.
    publish(page, "en", "What is KIM?", "First version.", based_on=2)
    assert status(page, "en") == CURRENT
    assert status(page, "ar") == OUTDATED


def test_translation_made_against_an_older_version_stays_outdated(page, publish):
    # The translator opened the form at version 1; German was published again while they typed.
    publish(page, "de", "Was ist KIM?", "Zweite Fassung.")
    row = publish(page, "en", "What is KIM?", "First version, improved.", based_on=1)
    assert row.source_revision == 1
    assert status(page, "en") == OUTDATED


def test_a_translation_draft_changes_no_status(page, publish):
    publish(page, "en", "What is KIM?", "Draft only.", action=services.DRAFT, based_on=1)
    assert status(page, "en") == CURRENT
    publish(page, "tr", "KIM nedir?", "Taslak.", action=services.DRAFT, based_on=1)
    assert status(page, "tr") == MISSING  # a draft is not a translation visitors see


def test_minor_edit_of_a_translation_keeps_its_status(page, publish):
    publish(page, "de", "Was ist KIM?", "Zweite Fassung.")
    publish(page, "en", "What is KIM?", "First versoin fixed.", action=services.MINOR, based_on=2)
    assert status(page, "en") == OUTDATED  # a typo fix does not claim a check against German version 2


def test_moving_and_reordering_do_not_outdate(page, make_page, editor):
    other = make_page("andere", de=("Andere", "Text."), en=("Other", "Text."))
    parent = make_page("oben", de=("Oben", "Text."))
    services.move_item(actor=editor, item=page, direction="down")
    services.move_item(actor=editor, item=page, direction="up")
    page.refresh_from_db()
    services.update_item_settings(
        actor=editor,
        item=page,
        settings={"parent": parent, "position": 5, "slug": "was-ist-kim"},
        expected_version=page.version,
    )
    page.refresh_from_db()
    assert page.parent == parent and page.slug == "was-ist-kim"
    assert status(page, "en") == CURRENT
    assert status(page, "ar") == CURRENT
    assert status(other, "en") == CURRENT


def test_withdrawing_a_translation_makes_it_missing_and_keeps_the_text(page, editor):
    services.withdraw_translation(actor=editor, item=page, language="ar")
    assert status(page, "ar") == MISSING
    row = PageTranslation.objects.get(item=page, language="ar")
    assert row.draft_body == "النسخة الأولى." and row.has_draft


def test_translation_needs_a_published_german_text(editor, publish):
    page = services.create_item(actor=editor, kind=PAGE, title="Neu", settings={"slug": "neu"})
    with pytest.raises(ValidationError):
        publish(page, "en", "New", "Text.")
    assert not PageTranslation.objects.filter(item=page, language="en", title="New").exists()


def test_translation_cannot_claim_a_future_german_version(page, publish):
    with pytest.raises(ValidationError):
        publish(page, "en", "What is KIM?", "Text.", based_on=7)


def test_minor_edit_needs_a_published_text(page, publish):
    with pytest.raises(ValidationError):
        publish(page, "tr", "KIM nedir?", "Metin.", action=services.MINOR, based_on=1)


def test_second_save_with_an_old_version_is_refused(page, editor):
    row = PageTranslation.objects.get(item=page, language="en")
    services.save_translation(
        actor=editor,
        item=page,
        language="en",
        title="What is KIM?",
        body="Saved by A.",
        action=services.DRAFT,
        based_on=1,
        expected_version=row.version,
    )
    with pytest.raises(StaleRecordError):
        services.save_translation(
            actor=editor,
            item=page,
            language="en",
            title="What is KIM?",
            body="Saved by B.",
            action=services.PUBLISH,
            based_on=1,
            expected_version=row.version,
        )
    row.refresh_from_db()
    assert row.draft_body == "Saved by A." and row.body == "First version."


def test_only_coordination_may_edit(page, make_member, actor_for):
    for role in (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF, Role.SYSTEM_ADMIN):
        actor = actor_for(make_member(role))
        with pytest.raises(PermissionDenied):
            services.save_translation(actor=actor, item=page, language="en", title="X", body="Y")
        with pytest.raises(PermissionDenied):
            selectors.translation_overview(actor=actor)
    assert PageTranslation.objects.get(item=page, language="en").title == "What is KIM?"


def test_admin_assistant_may_edit(page, make_member, actor_for):
    actor = actor_for(make_member(Role.ADMIN_ASSISTANT))
    services.save_translation(
        actor=actor,
        item=page,
        language="tr",
        title="KIM nedir?",
        body="Metin.",
        action=services.PUBLISH,
        based_on=1,
    )
    assert status(page, "tr") == CURRENT


def test_publish_is_audited(page, publish):
    publish(page, "de", "Was ist KIM?", "Dritte Fassung.")
    event = AuditEvent.objects.filter(action="portal.page.publish").order_by("-id").first()
    assert event.details["language"] == "de" and event.details["content_revision"] == 2
    assert event.details["changed"] is True


def test_overview_matrix_counts(page, make_page, editor, publish):
    make_page("zwei", de=("Zwei", "Text."), en=("Two", "Text."))
    publish(page, "de", "Was ist KIM?", "Geändert.")
    overview = selectors.translation_overview(actor=editor, kind_key="seiten")
    counts = {entry["language"].code: entry for entry in overview["language_counts"]}
    assert counts["en"]["outdated"] == 1 and counts["en"]["current"] == 1
    assert counts["ar"]["outdated"] == 1 and counts["ar"]["missing"] == 1
    assert counts["tr"]["missing"] == 2
    outdated = selectors.translation_overview(actor=editor, status="outdated", language="en")
    assert [row.item.pk for row in outdated["rows"]] == [page.pk]
    cell = outdated["rows"][0].cells[0]
    assert cell["language"].code == "en" and cell["status"] == OUTDATED
