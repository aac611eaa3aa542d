"""Document pages: upload into a case, download (scoped, audited)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.cases import documents
from kim.cases.document_forms import DocumentUploadForm
from kim.cases.selectors import case_get
from kim.core.access import role_required


def _case_url(case) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("cases:case_detail", kwargs={"pk": case.pk})
    except NoReverseMatch:
        return ""


@role_required(Role.CASE_MANAGER, Role.TEAM_LEAD)
def document_upload(request, case_pk: int):
    case = case_get(actor=request.actor, pk=case_pk)
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = documents.document_upload(
                actor=request.actor,
                case=case,
                category=data["category"],
                title=data["title"],
                uploaded_file=data["file"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Document “%(title)s” uploaded.") % {"title": document.title})
            case_url = _case_url(case)
            if case_url:
                return redirect(f"{case_url}#documents")
            return redirect("documents:document_upload", case_pk=case.pk)
    return render(
        request,
        "cases/document_form.html",
        {"form": form, "case": case, "case_url": _case_url(case), "recent": documents.documents_for_case(actor=request.actor, case=case)[:5]},
    )


@role_required(Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)
def document_download(request, pk: int):
    document = documents.document_get(actor=request.actor, pk=pk)
    return documents.document_download(actor=request.actor, document=document)
