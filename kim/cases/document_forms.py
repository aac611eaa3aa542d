"""The document upload form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kim.cases.models import DocumentCategory


class DocumentUploadForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=[("", _("– choose –")), *DocumentCategory.choices])
    title = forms.CharField(
        label=_("Title"), max_length=200, required=False, help_text=_("Leave empty to use the file name.")
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG, at most 10 MB."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
    )
