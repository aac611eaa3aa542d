"""Forms of the portal back office (coordination: coordinator and administrative assistant)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.core.forms import DateInput
from kim.portal.kinds import DOWNLOAD, FAQ_KIND, NEWS, PAGE, ContentKind
from kim.portal.languages import public_languages, translation_languages
from kim.portal.models import FAQCategory, NewsItem, Page
from kim.portal.services import DRAFT, META_DESCRIPTION_MAX, MINOR, PUBLISH

MARKUP_HELP = _(
    "Blank line = new paragraph. “## ” at the start of a line = heading, “- ” = list item, **bold**, "
    "[link text](https://…), [text](page:slug) links a portal page, [text](faq), (news), (downloads), "
    "(directory), (contact) link a section."
)


class TranslationForm(forms.Form):
    """Title, text and description of one language. The button pressed (``action`` = draft, publish or
    minor) decides what happens; see :func:`submitted_action`."""

    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "dir": "auto"}),
        help_text=MARKUP_HELP,
    )
    meta_description = forms.CharField(
        label=_("Description for search engines"),
        required=False,
        max_length=META_DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        help_text=_("One or two sentences, at most about 160 characters; shown in search results."),
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, kind: ContentKind, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = kind.title_label
        self.fields["body"].label = kind.body_label
        for name in ("title", "body", "meta_description"):
            widget = self.fields[name].widget
            widget.attrs.update({"lang": language.html_lang, "dir": language.direction})
        if kind is FAQ_KIND:
            self.fields["meta_description"].widget = forms.HiddenInput()


def submitted_action(post) -> str:
    """The action of the submit button pressed; a form sent with the Enter key saves a draft."""
    action = post.get("action")
    return action if action in (DRAFT, PUBLISH, MINOR) else DRAFT


def _settings_fields(kind: ContentKind, *, creating: bool) -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    if kind is FAQ_KIND:
        fields["category"] = forms.ModelChoiceField(
            label=_("Category"), queryset=FAQCategory.objects.order_by("position"), empty_label=None
        )
    if kind is NEWS:
        fields["kind"] = forms.ChoiceField(label=_("Kind"), choices=NewsItem.Kind.choices)
        fields["date"] = forms.DateField(label=_("Date"), widget=DateInput(), required=not creating)
    if kind is PAGE:
        fields["parent"] = forms.ModelChoiceField(
            label=_("Parent page"),
            queryset=Page.objects.order_by("position"),
            required=False,
            empty_label=_("– none (top level) –"),
        )
        fields["in_navigation"] = forms.BooleanField(
            label=_("Show in the overview of pages"), required=False, initial=True
        )
    if kind is DOWNLOAD:
        fields["file_language"] = forms.ChoiceField(
            label=_("Language of the document"),
            choices=[(language.code, language.autonym) for language in public_languages()],
        )
    fields["slug"] = forms.SlugField(
        label=_("Address (slug)"),
        max_length=60,
        required=False,
        help_text=_(
            "Part of the web address, the same in every language. Leave empty to derive it from the title."
        ),
    )
    if kind.orderable and not creating:
        fields["position"] = forms.IntegerField(label=_("Position"), min_value=0, required=False)
    return fields


class CreateForm(forms.Form):
    title = forms.CharField(label=_("German title"), max_length=200)

    def __init__(self, *args, kind: ContentKind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(_settings_fields(kind, creating=True))

    def settings(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "title"}


class SettingsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, kind: ContentKind, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(_settings_fields(kind, creating=False))
        if "parent" in self.fields:
            self.fields["parent"].queryset = Page.objects.exclude(pk=item.pk).order_by("position")

    def settings(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("PDF file"),
        help_text=_("Only PDF, at most 10 MB. The type is checked from the content, not the file name."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class CategoryForm(forms.Form):
    """The name of a question category in every public language (German required)."""

    slug = forms.SlugField(label=_("Address (slug)"), max_length=60, required=False)
    position = forms.IntegerField(label=_("Position"), min_value=0, required=False)

    def __init__(self, *args, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not creating:
            del self.fields["slug"]
        for language in public_languages():
            self.fields[f"name_{language.code}"] = forms.CharField(
                label=language.autonym,
                max_length=120,
                required=language.is_source,
                widget=forms.TextInput(attrs={"lang": language.html_lang, "dir": language.direction}),
            )

    def names(self) -> dict:
        return {
            language.code: self.cleaned_data.get(f"name_{language.code}", "")
            for language in public_languages()
        }


class OverviewFilterForm(forms.Form):
    art = forms.ChoiceField(label=_("Content"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sprache = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        from kim.portal.kinds import KINDS
        from kim.portal.models import TranslationStatus

        super().__init__(*args, **kwargs)
        self.fields["art"].choices = [("", _("All"))] + [
            (key, kind.label_plural) for key, kind in KINDS.items()
        ]
        self.fields["status"].choices = [("", _("All"))] + list(TranslationStatus.choices)
        self.fields["sprache"].choices = [("", _("All"))] + [
            (language.code, language.autonym) for language in translation_languages()
        ]
