"""The portal back office under /verwaltung/portal/: translation status overview, editing the German source
and each translation side by side, preview, publish, withdraw, online/offline, order, uploads, FAQ
categories. For coordinators and administrative assistants only; every write goes through
kim.portal.services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.core.access import role_required
from kim.core.concurrency import StaleRecordError
from kim.portal import selectors, services
from kim.portal.diff import has_changes, word_diff
from kim.portal.editor_forms import (
    CategoryForm,
    CreateForm,
    OverviewFilterForm,
    SettingsForm,
    TranslationForm,
    UploadForm,
    submitted_action,
)
from kim.portal.kinds import DOWNLOAD, FAQ_KIND, KINDS, NEWS, PAGE, kind_for_key
from kim.portal.languages import SOURCE_LANGUAGE, get_public_language, public_languages
from kim.portal.models import FAQCategory
from kim.portal.public import render_public

editor_required = role_required(Role.COORDINATOR, Role.ADMIN_ASSISTANT)


def _item_url(kind, item) -> str:
    return reverse("portal_editor:item", kwargs={"kind": kind.key, "pk": item.pk})


def _language_or_404(code: str):
    language = get_public_language(code)
    if language is None:
        raise Http404
    return language


@editor_required
def overview(request):
    filters = OverviewFilterForm(request.GET or None)
    kind_key = status = language = ""
    if filters.is_valid():
        kind_key, status, language = (filters.cleaned_data[name] for name in ("art", "status", "sprache"))
    data = selectors.translation_overview(
        actor=request.actor, kind_key=kind_key, status=status, language=language
    )
    context = {**data, "filters": filters, "kinds": KINDS.values()}
    return render(request, "portal/editor/overview.html", context)


@editor_required
def create(request, kind):
    kind = kind_for_key(kind)
    form = CreateForm(request.POST or None, kind=kind)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.create_item(
                actor=request.actor, kind=kind, title=form.cleaned_data["title"], settings=form.settings()
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Created. Write the German text now and publish it."))
            return redirect("portal_editor:edit", kind=kind.key, pk=item.pk, lang=SOURCE_LANGUAGE)
    return render(request, "portal/editor/create.html", {"form": form, "kind": kind})


def _settings_initial(kind, item) -> dict:
    initial = {"version": item.version, "slug": item.slug}
    if hasattr(item, "position"):
        initial["position"] = item.position
    if kind is PAGE:
        initial.update(parent=item.parent_id, in_navigation=item.in_navigation)
    if kind is FAQ_KIND:
        initial["category"] = item.category_id
    if kind is NEWS:
        initial.update(kind=item.kind, date=item.date)
    if kind is DOWNLOAD:
        initial["file_language"] = item.file_language
    return initial


@editor_required
def item_detail(request, kind, pk):
    """One item: its languages with status, its settings (slug, order, category …), online/offline."""
    kind = kind_for_key(kind)
    item = selectors.editor_item(actor=request.actor, kind=kind, pk=pk)
    form = SettingsForm(request.POST or None, kind=kind, item=item, initial=_settings_initial(kind, item))
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            services.update_item_settings(
                actor=request.actor,
                item=item,
                settings=form.settings(),
                expected_version=form.cleaned_data["version"],
            )
        except StaleRecordError as error:
            stale = error.current
            messages.error(
                request, _("Someone else changed these settings in the meantime. Nothing was saved.")
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Settings saved. The translation status did not change."))
            return redirect(_item_url(kind, item))
    source = item.translation(SOURCE_LANGUAGE)
    languages = [
        {
            "language": language,
            "row": item.translation(language.code),
            "status": None if language.is_source else selectors.item_status(item, language.code),
        }
        for language in public_languages()
    ]
    context = {
        "kind": kind,
        "item": item,
        "source": source,
        "languages": languages,
        "form": form,
        "stale": stale,
        "upload_form": UploadForm() if kind is DOWNLOAD else None,
        "history": selectors.revision_history(source),
    }
    return render(request, "portal/editor/item.html", context)


@editor_required
def edit(request, kind, pk, lang):
    """Edit one language. Translations show the current German text beside the form, and – when German
    changed since the translation – the German text it was made from and what changed."""
    kind = kind_for_key(kind)
    language = _language_or_404(lang)
    item = selectors.editor_item(actor=request.actor, kind=kind, pk=pk)
    row = item.translation(language.code)
    source = item.translation(SOURCE_LANGUAGE)
    current_revision = source.content_revision if source else 0
    if not language.is_source and current_revision < 1:
        messages.error(request, _("Publish the German text first; translations are made from it."))
        return redirect(_item_url(kind, item))

    initial = {"version": row.version if row else 1, "based_on": current_revision}
    if row is not None:
        use_draft = row.has_draft
        initial.update(
            title=row.draft_title if use_draft else row.title,
            body=row.draft_body if use_draft else row.body,
            meta_description=row.draft_meta_description if use_draft else row.meta_description,
        )
    form = TranslationForm(request.POST or None, kind=kind, language=language, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = submitted_action(request.POST)
        try:
            saved = services.save_translation(
                actor=request.actor,
                item=item,
                language=language.code,
                title=data["title"],
                body=data["body"],
                meta_description=data["meta_description"],
                action=action,
                based_on=None if language.is_source else data["based_on"],
                expected_version=data["version"] if row is not None else None,
            )
        except StaleRecordError as error:
            stale = error.current
            messages.error(
                request,
                _("Someone else saved this text in the meantime. Nothing was saved: compare and save again."),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _publish_message(action, language, saved, source))
            if action == services.DRAFT:
                return redirect("portal_editor:edit", kind=kind.key, pk=item.pk, lang=language.code)
            return redirect(_item_url(kind, item))
    if stale is not None:  # the same input again, with the current version: a second save goes through
        data = form.data.copy()
        data["version"] = stale.version
        form = TranslationForm(data, kind=kind, language=language)
    context = {
        "kind": kind,
        "item": item,
        "language": language,
        "row": row,
        "source": source,
        "form": form,
        "stale": stale,
        "status": None if language.is_source else selectors.item_status(item, language.code),
        "history": selectors.revision_history(row),
    }
    if not language.is_source and source is not None:
        context.update(_source_comparison(item, row, source))
    return render(request, "portal/editor/edit.html", context)


def _publish_message(action, language, saved, source) -> str:
    if action == services.DRAFT:
        return _("Draft saved. Visitors still see the published version.")
    if language.is_source:
        if action == services.MINOR:
            return _("Published as a minor edit. Translations keep their status.")
        return _("Published. Translations made from an older German text are now marked outdated.")
    if saved.source_revision < source.content_revision:
        return _("Published. The German text changed while you were translating, so it is marked outdated.")
    return _("Published. The translation is current.")


def _source_comparison(item, row, source) -> dict:
    context = {"source_revision": source.content_revision}
    based_on = row.source_revision if row is not None and row.is_public else 0
    if row is not None and row.has_draft and row.draft_source_revision:
        based_on = row.draft_source_revision
    if based_on and based_on < source.content_revision:
        old = selectors.german_revision_text(item, based_on)
        if old is not None:
            context.update(
                based_on=based_on,
                old_source=old,
                title_diff=word_diff(old.title, source.title),
                body_diff=word_diff(old.body, source.body),
                title_changed=has_changes(old.title, source.title),
            )
    return context


@editor_required
def preview(request, kind, pk, lang):
    """The draft (or the published text) exactly as visitors will see it, with a preview banner."""
    kind = kind_for_key(kind)
    language = _language_or_404(lang)
    item = selectors.editor_item(actor=request.actor, kind=kind, pk=pk)
    entry = selectors.localize(item, language.code, draft=True)
    if entry is None:
        raise Http404
    request.public_language = language
    staff_language = translation.get_language()
    banner = {
        "text": _("Preview – this is how the page will look once published."),
        "back": _("Back to editing"),
        "edit_url": reverse(
            "portal_editor:edit", kwargs={"kind": kind.key, "pk": item.pk, "lang": language.code}
        ),
        "lang": staff_language,
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
    }
    context = {"entry": entry, "preview": banner}
    with translation.override(language.gettext_locale):
        if kind is PAGE:
            template, extra = "portal/page.html", {"children": [], "parents": []}
        elif kind is NEWS:
            template, extra = "portal/news_detail.html", {}
        elif kind is FAQ_KIND:
            group = selectors.FAQGroup(item.category, item.category.name(language.code), [entry])
            template, extra = (
                "portal/faq.html",
                {"groups": [group], "categories": [], "query": "", "result_count": 1},
            )
        else:
            template, extra = "portal/downloads.html", {"flyer": None, "flyers": [], "documents": [entry]}
        response = render_public(request, template, {**context, **extra})
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@editor_required
def withdraw(request, kind, pk, lang):
    kind = kind_for_key(kind)
    language = _language_or_404(lang)
    item = selectors.editor_item(actor=request.actor, kind=kind, pk=pk)
    try:
        services.withdraw_translation(actor=request.actor, item=item, language=language.code)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "The translation was taken offline; visitors see German with a note. Its text is kept as a draft."
            ),
        )
    return redirect(_item_url(kind, item))


@require_POST
@editor_required
def visibility(request, kind, pk):
    kind = kind_for_key(kind)
    item = selectors.editor_item(actor=request.actor, kind=kind, pk=pk)
    public = request.POST.get("public") == "1"
    try:
        services.set_item_public(actor=request.actor, item=item, public=public)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Online in every published language.") if public else _("Taken offline in every language."),
        )
    return redirect(_item_url(kind, item))


@require_POST
@editor_required
def move(request, kind, pk):
    kind = kind_for_key(kind)
    if not kind.orderable:
        raise Http404
    item = selectors.editor_item(actor=request.actor, kind=kind, pk=pk)
    services.move_item(actor=request.actor, item=item, direction=request.POST.get("direction", ""))
    messages.success(request, _("Order changed. The translation status did not change."))
    if request.POST.get("next") == "overview":
        return redirect("portal_editor:overview")
    return redirect(_item_url(kind, item))


@require_POST
@editor_required
def upload(request, kind, pk):
    kind = kind_for_key(kind)
    if kind is not DOWNLOAD:
        raise Http404
    item = selectors.editor_item(actor=request.actor, kind=kind, pk=pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.upload_download_file(
                actor=request.actor, download=item, uploaded_file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The file was uploaded."))
            return redirect(_item_url(kind, item))
    for error in form.errors.get("file", []):
        messages.error(request, error)
    return redirect(_item_url(kind, item))


@editor_required
def categories(request):
    form = CategoryForm(request.POST or None, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_faq_category(
                actor=request.actor,
                names=form.names(),
                slug=form.cleaned_data["slug"],
                position=form.cleaned_data["position"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Category created."))
            return redirect("portal_editor:categories")
    context = {
        "form": form,
        "categories": FAQCategory.objects.order_by("position", "id"),
        "languages": public_languages(),
    }
    return render(request, "portal/editor/categories.html", context)


@editor_required
def category_edit(request, pk):
    category = selectors.editor_category(actor=request.actor, pk=pk)
    initial = {f"name_{code}": name for code, name in category.names.items()}
    initial["position"] = category.position
    form = CategoryForm(request.POST or None, creating=False, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_faq_category(
                actor=request.actor,
                names=form.names(),
                category=category,
                position=form.cleaned_data["position"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Category saved."))
            return redirect("portal_editor:categories")
    return render(request, "portal/editor/category_form.html", {"form": form, "category": category})
