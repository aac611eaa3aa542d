"""Every write to portal content: drafts, publishing, withdrawing, ordering, settings, uploads. Audited.

The translation status rules (see kim.portal.models) are enforced here:

* saving a draft changes no counter – no translation becomes outdated;
* publishing the German text raises its ``content_revision`` only when title, text or description changed
  and the editor did not mark the change as a minor edit – only then do translations become outdated;
* publishing a translation records the German revision the translator saw (``based_on``); made against the
  current German revision it is current, even when its text did not change (re-checked and confirmed);
* a minor edit of a translation keeps its ``source_revision`` (a typo fix does not claim a re-check);
* ordering, moving and other settings change no counter.

Every change that public pages show bumps the content generation (kim.portal.cache) in the same transaction.
"""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kim.accounts.models import Role
from kim.core.audit import audit_log
from kim.core.concurrency import StaleRecordError
from kim.core.scoping import Actor
from kim.portal.cache import bump_generation
from kim.portal.kinds import ContentKind, kind_of
from kim.portal.languages import SOURCE_LANGUAGE, get_public_language, public_language_codes
from kim.portal.models import Download, FAQCategory, NewsItem, Page, Revision

EDITOR_ROLES = (Role.COORDINATOR, Role.ADMIN_ASSISTANT)
MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024
META_DESCRIPTION_MAX = 300

DRAFT, PUBLISH, MINOR = "draft", "publish", "minor"


def require_editor(actor: Actor) -> None:
    if actor.membership is None or actor.role not in EDITOR_ROLES:
        raise PermissionDenied


def _audit(actor: Actor, item, verb: str, **details) -> None:
    audit_log(actor=actor, action=f"{kind_of(item).audit_name}.{verb}", obj=item, details=details)


# Translations: draft, publish, minor edit, withdraw ------------------------------------------------------------


def translation_row(item, language: str, *, lock: bool = False):
    """The translation row of ``item`` in ``language``; created empty if there is none yet."""
    model = kind_of(item).translation_model
    queryset = model.objects.select_for_update() if lock else model.objects
    row = queryset.filter(item=item, language=language).first()
    if row is None:
        try:
            with transaction.atomic():
                row = model.objects.create(item=item, language=language)
        except IntegrityError:  # created by a concurrent request
            row = queryset.get(item=item, language=language)
    return row


def _validate_text(kind: ContentKind, *, title: str, body: str, meta_description: str, action: str) -> None:
    errors = {}
    if not title:
        errors["title"] = _("Enter a title.")
    if action != DRAFT and kind.body_required and not body:
        errors["body"] = _("Enter the text before publishing.")
    if len(meta_description) > META_DESCRIPTION_MAX:
        errors["meta_description"] = _("The description may have at most %(n)s characters.") % {
            "n": META_DESCRIPTION_MAX
        }
    if errors:
        raise ValidationError(errors)


def _record(row, kind_value: str, actor: Actor) -> None:
    draft = kind_value == Revision.Kind.DRAFT
    row.revisions.create(
        kind=kind_value,
        title=row.draft_title if draft else row.title,
        body=row.draft_body if draft else row.body,
        meta_description=row.draft_meta_description if draft else row.meta_description,
        content_revision=row.content_revision,
        source_revision=row.draft_source_revision if draft else row.source_revision,
        created_by=actor.user,
    )


@transaction.atomic
def save_translation(
    *,
    actor: Actor,
    item,
    language: str,
    title: str,
    body: str,
    meta_description: str = "",
    action: str = DRAFT,
    based_on: int | None = None,
    expected_version: int | None = None,
):
    """Save a draft of, publish, or publish a minor edit of one language of ``item``.

    ``based_on`` (translations only): the German ``content_revision`` the editor saw in the form.
    ``expected_version``: the row version the form was opened with; a different one raises
    :class:`StaleRecordError` and nothing is saved.
    """
    require_editor(actor)
    kind = kind_of(item)
    if get_public_language(language) is None:
        raise ValidationError(_("This language is not offered on the portal."))
    if action not in (DRAFT, PUBLISH, MINOR):
        raise ValidationError(_("Unknown action."))
    title, body, meta_description = (
        (title or "").strip(),
        (body or "").strip(),
        (meta_description or "").strip(),
    )
    _validate_text(kind, title=title, body=body, meta_description=meta_description, action=action)

    row = translation_row(item, language, lock=True)
    if expected_version is not None and row.version != expected_version:
        raise StaleRecordError(row)
    source = row if language == SOURCE_LANGUAGE else translation_row(item, SOURCE_LANGUAGE, lock=True)
    now = timezone.now()

    if language != SOURCE_LANGUAGE:
        if source.content_revision < 1:
            raise ValidationError(_("Publish the German text first; translations are made from it."))
        based_on = source.content_revision if based_on is None else int(based_on)
        if not 1 <= based_on <= source.content_revision:
            raise ValidationError(_("The German version this translation refers to does not exist."))

    if action == DRAFT:
        row.draft_title, row.draft_body, row.draft_meta_description = title, body, meta_description
        row.draft_source_revision = based_on or 0
        row.has_draft, row.draft_saved_at, row.draft_saved_by = True, now, actor.user
        row.version += 1
        row.save()
        _record(row, Revision.Kind.DRAFT, actor)
        _audit(actor, item, "save_draft", language=language)
        return row

    if action == MINOR and not row.is_public:
        raise ValidationError(_("A minor edit is only possible for a published text."))
    changed = (row.title, row.body, row.meta_description) != (title, body, meta_description)
    if language == SOURCE_LANGUAGE:
        if row.content_revision == 0 or (changed and action == PUBLISH):
            row.content_revision += 1
    elif action == PUBLISH:
        row.source_revision = based_on
    row.title, row.body, row.meta_description = title, body, meta_description
    row.published_at, row.published_by = now, actor.user
    row.draft_title = row.draft_body = row.draft_meta_description = ""
    row.draft_source_revision, row.has_draft, row.draft_saved_at, row.draft_saved_by = 0, False, None, None
    row.version += 1
    row.save()
    _record(row, Revision.Kind.MINOR if action == MINOR else Revision.Kind.PUBLISH, actor)
    if language == SOURCE_LANGUAGE and not item.is_published:
        item.is_published = True
        item.save(update_fields=["is_published", "updated_at"])
    bump_generation()
    _audit(
        actor,
        item,
        "publish",
        language=language,
        minor=action == MINOR,
        changed=changed,
        content_revision=source.content_revision,
        source_revision=row.source_revision,
    )
    return row


@transaction.atomic
def withdraw_translation(*, actor: Actor, item, language: str):
    """Take one translation off the portal (visitors then see German with a note). Its text is kept as
    the draft, so nothing is lost. German cannot be withdrawn – unpublish the item instead."""
    require_editor(actor)
    if language == SOURCE_LANGUAGE:
        raise ValidationError(
            _("The German text cannot be withdrawn on its own; take the whole item offline.")
        )
    row = translation_row(item, language, lock=True)
    if not row.is_public:
        raise ValidationError(_("This translation is not published."))
    if not row.has_draft:
        row.draft_title, row.draft_body, row.draft_meta_description = (
            row.title,
            row.body,
            row.meta_description,
        )
        row.draft_source_revision, row.has_draft = row.source_revision, True
    row.title = row.body = row.meta_description = ""
    row.published_at, row.published_by, row.source_revision = None, None, 0
    row.version += 1
    row.save()
    _record(row, Revision.Kind.WITHDRAW, actor)
    bump_generation()
    _audit(actor, item, "withdraw", language=language)
    return row


@transaction.atomic
def set_item_public(*, actor: Actor, item, public: bool):
    """Take an item offline in every language, or put it online again (needs a published German text)."""
    require_editor(actor)
    item = type(item).objects.select_for_update().get(pk=item.pk)
    if public and not translation_row(item, SOURCE_LANGUAGE).is_public:
        raise ValidationError(_("Publish the German text first."))
    if item.is_published != public:
        item.is_published = public
        item.version += 1
        item.save(update_fields=["is_published", "version", "updated_at"])
        bump_generation()
        _audit(actor, item, "online" if public else "offline")
    return item


# Items: create, settings, order, delete ---------------------------------------------------------------------


def _unique_slug(model, wanted: str, *, exclude_pk=None) -> str:
    base = slugify(wanted)[:50] or "eintrag"
    slug, number = base, 2
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _next_position(queryset) -> int:
    last = queryset.order_by("-position").values_list("position", flat=True).first()
    return (last or 0) + 10


@transaction.atomic
def create_item(*, actor: Actor, kind: ContentKind, title: str, settings: dict | None = None):
    """A new item, offline, with its German title as a draft. ``settings`` as in :func:`update_item_settings`."""
    require_editor(actor)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Enter a title.")})
    settings = dict(settings or {})
    model = kind.model
    item = model()
    _apply_settings(item, settings, creating=True, title=title)
    item.save()
    row = translation_row(item, SOURCE_LANGUAGE)
    row.draft_title, row.has_draft, row.draft_saved_at, row.draft_saved_by = (
        title,
        True,
        timezone.now(),
        actor.user,
    )
    row.save()
    _record(row, Revision.Kind.DRAFT, actor)
    _audit(actor, item, "create", slug=item.slug)
    return item


def _apply_settings(item, settings: dict, *, creating: bool, title: str = "") -> None:
    errors = {}
    model = type(item)
    if "slug" in settings or creating:
        wanted = (settings.get("slug") or "").strip()
        if wanted and slugify(wanted) != wanted.lower():
            errors["slug"] = _("Use only lower-case letters, digits and hyphens.")
        elif wanted and model.objects.filter(slug=wanted.lower()).exclude(pk=item.pk).exists():
            errors["slug"] = _("This address is already used by another entry.")
        else:
            item.slug = (
                wanted.lower() if wanted else _unique_slug(model, title or str(item), exclude_pk=item.pk)
            )
    if isinstance(item, Page):
        parent = settings.get("parent", item.parent if not creating else None)
        if parent is not None and (parent.pk == item.pk or _is_descendant(parent, item)):
            errors["parent"] = _("A page cannot be placed below itself.")
        else:
            item.parent = parent
        item.in_navigation = settings.get("in_navigation", item.in_navigation if not creating else True)
    if isinstance(item, NewsItem):
        item.kind = settings.get("kind") or item.kind
        if settings.get("date"):
            item.date = settings["date"]
        elif creating:
            item.date = timezone.localdate()
    if hasattr(item, "category_id") and "category" in settings:
        if settings["category"] is None:
            errors["category"] = _("Choose a category.")
        else:
            item.category = settings["category"]
    if isinstance(item, Download) and settings.get("file_language"):
        if get_public_language(settings["file_language"]) is None:
            errors["file_language"] = _("This language is not offered on the portal.")
        else:
            item.file_language = settings["file_language"]
    if hasattr(item, "position"):
        if settings.get("position") is not None:
            item.position = settings["position"]
        elif creating:
            item.position = _next_position(_siblings(item))
    if errors:
        raise ValidationError(errors)


def _is_descendant(page: Page, ancestor: Page) -> bool:
    seen = set()
    while page is not None and page.pk not in seen:
        if page.pk == ancestor.pk:
            return True
        seen.add(page.pk)
        page = page.parent
    return False


def _siblings(item):
    model = type(item)
    if isinstance(item, Page):
        return model.objects.filter(parent=item.parent)
    if hasattr(item, "category_id") and item.category_id:
        return model.objects.filter(category_id=item.category_id)
    return model.objects.all()


@transaction.atomic
def update_item_settings(*, actor: Actor, item, settings: dict, expected_version: int):
    """Slug, position, parent page, category, date, kind. Changes no translation status (moving a page or a
    question never outdates its translations)."""
    require_editor(actor)
    current = type(item).objects.select_for_update().get(pk=item.pk)
    if current.version != expected_version:
        raise StaleRecordError(current)
    _apply_settings(item, settings, creating=False)
    item.version = current.version + 1
    item.save()
    if item.is_published:
        bump_generation()
    _audit(actor, item, "settings", fields=sorted(settings))
    return item


@transaction.atomic
def move_item(*, actor: Actor, item, direction: str):
    """Swap ``item`` with its neighbour among its siblings ("up" or "down"). No status changes."""
    require_editor(actor)
    siblings = list(_siblings(item).select_for_update().order_by("position", "id"))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(siblings):
        return item
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position * 10:
            type(item).objects.filter(pk=sibling.pk).update(position=position * 10)
    bump_generation()
    _audit(actor, item, "move", direction=direction)
    item.refresh_from_db()
    return item


# FAQ categories ---------------------------------------------------------------------------------------------


@transaction.atomic
def save_faq_category(
    *,
    actor: Actor,
    names: dict,
    category: FAQCategory | None = None,
    slug: str = "",
    position: int | None = None,
) -> FAQCategory:
    """Create or rename a category; ``names`` maps language codes to names (German required)."""
    require_editor(actor)
    codes = set(public_language_codes())
    names = {code: (name or "").strip()[:120] for code, name in (names or {}).items() if code in codes}
    names = {code: name for code, name in names.items() if name}
    if not names.get(SOURCE_LANGUAGE):
        raise ValidationError({f"name_{SOURCE_LANGUAGE}": _("Enter the German name.")})
    creating = category is None
    category = category or FAQCategory()
    category.names = names
    if creating:
        category.slug = slugify(slug) if slug else _unique_slug(FAQCategory, names[SOURCE_LANGUAGE])
        if FAQCategory.objects.filter(slug=category.slug).exists():
            raise ValidationError({"slug": _("This address is already used by another entry.")})
        category.position = position if position is not None else _next_position(FAQCategory.objects.all())
    elif position is not None:
        category.position = position
    category.save()
    bump_generation()
    audit_log(actor=actor, action="portal.faqcategory." + ("create" if creating else "update"), obj=category)
    return category


# Downloads --------------------------------------------------------------------------------------------------


@transaction.atomic
def upload_download_file(*, actor: Actor, download: Download, uploaded_file) -> Download:
    """Store the document of a download. Only PDF (decided from the content, not the name), at most 10 MB;
    anything else is refused with a message and nothing changes."""
    from kim.cases.documents import PDF, _clean_title, sniff_upload

    require_editor(actor)
    if uploaded_file is None:
        raise ValidationError({"file": _("Choose a file to upload.")})
    only_pdf = ValidationError(_("Only PDF files can be offered for download."), code="file_type")
    size = getattr(uploaded_file, "size", 0) or 0
    if 0 < size <= MAX_DOWNLOAD_BYTES:
        uploaded_file.seek(0)
        head = uploaded_file.read(5)
        uploaded_file.seek(0)
        if head != b"%PDF-":
            raise ValidationError({"file": [only_pdf]})
    try:
        content_type = sniff_upload(uploaded_file, max_bytes=MAX_DOWNLOAD_BYTES)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list})
    if content_type != PDF:  # pragma: no cover - the signature was checked above
        raise ValidationError({"file": [only_pdf]})
    old_file = download.file.name if download.file else ""
    download.file.save(secrets.token_hex(16) + ".pdf", uploaded_file, save=False)
    download.size = uploaded_file.size
    download.original_name = _clean_title(getattr(uploaded_file, "name", ""))
    download.version += 1
    try:
        download.save()
    except Exception:
        download.file.delete(save=False)
        raise
    if old_file:
        transaction.on_commit(lambda: download.file.storage.delete(old_file))
    bump_generation()
    _audit(actor, download, "upload", size=download.size)
    return download
