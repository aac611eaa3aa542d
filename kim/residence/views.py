"""The residence-status timeline of a client: add, edit, delete (the timeline itself is on the client page)."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.clients.selectors import client_get
from kim.core.access import role_required
from kim.core.audit import audit_log
from kim.residence import selectors, services
from kim.residence.forms import PrecheckForm, ResidenceStatusForm

EDITORS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


def _back(client):
    from django.urls import reverse

    return redirect(reverse("clients:client_detail", kwargs={"pk": client.pk}) + "#residence")


@role_required(*EDITORS)
def residence_status_create(request, pk: int):
    client = client_get(actor=request.actor, pk=pk)
    form = ResidenceStatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.residence_status_create(actor=request.actor, client=client, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The residence status has been added."))
            return _back(client)
    return render(request, "residence/status_form.html", {"form": form, "client": client, "status": None})


@role_required(*EDITORS)
def residence_status_update(request, pk: int, status_pk: int):
    client = client_get(actor=request.actor, pk=pk)
    status = selectors.residence_status_get(actor=request.actor, client=client, pk=status_pk)
    form = ResidenceStatusForm(request.POST or None, initial=ResidenceStatusForm.initial_for(status))
    if request.method == "POST" and form.is_valid():
        try:
            services.residence_status_update(actor=request.actor, status=status, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The residence status has been saved."))
            return _back(client)
    return render(request, "residence/status_form.html", {"form": form, "client": client, "status": status})


@require_POST
@role_required(*EDITORS)
def residence_status_delete(request, pk: int, status_pk: int):
    client = client_get(actor=request.actor, pk=pk)
    status = selectors.residence_status_get(actor=request.actor, client=client, pk=status_pk)
    services.residence_status_delete(actor=request.actor, status=status)
    messages.success(request, _("The residence status has been deleted."))
    return _back(client)


# Pre-check (Vorprüfung) -----------------------------------------------------------------------------------

#: German labels of the engine's outcomes (PRECHECK-CONTRACT.md, RULES.md 1.7).
OUTCOME_LABELS = {
    "ELIGIBLE": gettext_lazy("Requirements met"),
    "ELIGIBLE_DISCRETION": gettext_lazy("Requirements met, decision at the authority's discretion"),
    "ELIGIBLE_WITH_OPEN_CONDITIONS": gettext_lazy("Possible – open conditions"),
    "NOT_ELIGIBLE": gettext_lazy("Requirements not met"),
    "NOT_APPLICABLE": gettext_lazy("Not applicable"),
}
#: The norm behind each route id.
ROUTE_LABELS = {
    "AUFENTHG_104C": "§ 104c AufenthG",
    "AUFENTHG_25A": "§ 25a AufenthG",
    "AUFENTHG_25B": "§ 25b AufenthG",
    "AUFENTHG_60C": "§ 60c AufenthG",
    "AUFENTHG_60D": "§ 60d AufenthG",
    "AUFENTHG_16G": "§ 16g AufenthG",
    "AUFENTHG_19D": "§ 19d AufenthG",
    "AUFENTHG_9": "§ 9 AufenthG",
    "AUFENTHG_9A": "§ 9a AufenthG",
    "AUFENTHG_26_3": "§ 26 Abs. 3 AufenthG",
    "AUFENTHG_26_4": "§ 26 Abs. 4 AufenthG",
    "STAG_10": "§ 10 StAG",
    "STAG_9": "§ 9 StAG",
}


def _parse_date(value):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def engine_language() -> str:
    """The language of the engine's texts for the active UI language: English for an English UI, otherwise
    German (the legal texts exist in German and English only)."""
    from django.utils.translation import get_language

    return "en" if (get_language() or "de").startswith("en") else "de"


def precheck_routes(result: dict, lang: str | None = None) -> list[dict]:
    """The stored engine answer prepared for display (labels added; the stored result itself is not changed).

    Each criterion gets ``display_text`` in ``lang`` (default: :func:`engine_language`): the stored English text
    where the run has one (runs saved before English texts existed have German only), else the German text.
    Each route gets ``missing_labels``: (name, path) of its missing facts."""
    from kim.residence.precheck import fact_label

    lang = lang or engine_language()
    routes = []
    for item in result.get("results", []):
        criteria = []
        for criterion in item.get("criteria", []):
            met = criterion.get("met")
            english = lang == "en" and bool(criterion.get("text_en"))
            criteria.append(
                {
                    **criterion,
                    "state": {True: "met", False: "not-met"}.get(met, "unknown"),
                    "state_label": {True: _("met"), False: _("not met")}.get(met, _("unknown")),
                    "display_text": criterion.get("text_en") if english else criterion.get("text", ""),
                    "display_lang": "en" if english else "de",
                }
            )
        routes.append(
            {
                **item,
                "label": ROUTE_LABELS.get(item.get("route"), item.get("route")),
                "outcome_label": OUTCOME_LABELS.get(item.get("outcome"), item.get("outcome")),
                "criteria": criteria,
                "earliest": _parse_date(item.get("earliest_date")),
                "missing_labels": [(fact_label(path, lang), path) for path in item.get("missing_facts", [])],
            }
        )
    return routes


def text_language_note(result: dict) -> str:
    """A note when the legal texts are not shown in the UI language (empty when they are)."""
    from django.utils.translation import get_language

    ui = get_language() or "de"
    if ui.startswith("de"):
        return ""
    if ui.startswith("en"):
        has_english = all(
            c.get("text_en") for item in result.get("results", []) for c in item.get("criteria", [])
        )
        return (
            ""
            if has_english
            else _(
                "This pre-check was saved before English texts existed; its explanations are shown in German."
            )
        )
    return _(
        "The legal explanations of the pre-check exist in German and English only; they are shown in German."
    )


# Guided form --------------------------------------------------------------------------------------------------

#: List paths of the fact model -> row group key (for error messages that name a list item).
_LIST_PATHS = {
    "status_history": "status",
    "person.children": "children",
    "convictions": "convictions",
    "spouse_convictions": "spouse_convictions",
    "stays_abroad": "abroad",
    "family_links": "family",
}
_LIST_ITEM = re.compile(
    r"(status_history|person\.children|spouse_convictions|convictions|stays_abroad|family_links)"
    r"\[(\d+)\]"
)


class _Guided:
    """The guided form and its row formsets for one request."""

    def __init__(self, request, client, today):
        from kim.residence import precheck_facts as pf
        from kim.residence.forms import GuidedPrecheckForm, row_formset

        self.pf = pf
        base_run = None
        run_pk = request.GET.get("from_run")
        runs = selectors.precheck_runs_for_client(actor=request.actor, client=client)
        if run_pk and run_pk.isdigit():
            base_run = runs.filter(pk=int(run_pk)).first()
        if base_run is None:
            base_run = runs.first()
        self.base_run = base_run
        facts, options, sources, self.notes = pf.prefill_for_form(client, today, base_run)
        main, rows = pf.answers_from_facts({**facts, "options": options})
        data = request.POST.copy() if request.method == "POST" else None
        self.added = None
        if data is not None:
            for group in pf.ROW_GROUPS:
                if f"add-{group.key}" in data:
                    total = f"{group.key}-TOTAL_FORMS"
                    if data.get(total, "").isdigit():
                        data[total] = str(min(int(data[total]) + 1, 50))
                        self.added = group.key
        self.form = GuidedPrecheckForm(data, initial={"decision_date": today, **main}, sources=sources)
        self.formsets = {}
        for group in pf.ROW_GROUPS:
            formset_class = row_formset(group)
            initial = rows.get(group.key, [])
            self.formsets[group.key] = formset_class(
                data, prefix=group.key, initial=initial + [{}], form_kwargs={"empty_permitted": False}
            )
        self.index_maps: dict = {}

    # -------------------------------------------------------------------------------------------------------
    def sections(self):
        """The questionnaire in order: ("group", group, fields) and ("rows", row group, formset, known field)."""
        out = []
        for group, fields in self.form.group_fields():
            out.append(("group", group, fields, None))
            for rows in self.pf.ROW_GROUPS:
                if rows.after == group.key:
                    known = (
                        self.form[self.form.known_names[rows.key]]
                        if rows.key in self.form.known_names
                        else None
                    )
                    out.append(("rows", rows, self.formsets[rows.key], known))
        return out

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        for formset in self.formsets.values():
            valid = formset.is_valid() and valid
        return valid

    def rows(self) -> dict:
        """Cleaned, non-blank, not deleted rows per group as (form index, row)."""
        out = {}
        for key, formset in self.formsets.items():
            out[key] = [
                (index, form.row())
                for index, form in enumerate(formset.forms)
                if not (formset.can_delete and formset._should_delete_form(form)) and not form.is_blank()
            ]
        return out

    def build(self):
        """(facts, options) from the answers; adds errors for contradictions the engine cannot see."""
        rows = self.rows()
        answers = self.form.answers()
        for group in self.pf.ROW_GROUPS:
            if group.known is not None and answers.get(group.known.name) is False and rows[group.key]:
                self.form.add_error(
                    group.known.name,
                    _(
                        "You answered “no”, but the list below has entries: answer “yes” or remove the entries."
                    ),
                )
        seen = set()
        for index, row in rows["applications"]:
            if row.get("route") in seen:
                self.formsets["applications"].forms[index].add_error(
                    "route", _("This route is listed twice.")
                )
            seen.add(row.get("route"))
        facts, options, self.index_maps = self.pf.facts_from_answers(
            answers, rows, self.form.cleaned_data["decision_date"]
        )
        return facts, options

    @property
    def has_option_errors(self) -> bool:
        return any(name in self.form.errors for name in self.form.option_names)

    def has_errors(self) -> bool:
        return (
            bool(self.form.errors)
            or any(form.errors for formset in self.formsets.values() for form in formset.forms)
            or any(formset.non_form_errors() for formset in self.formsets.values())
        )

    # -------------------------------------------------------------------------------------------------------
    def _row_label(self, path: str, index: int, lang: str) -> str:
        from kim.residence.precheck import fact_label

        key = _LIST_PATHS[path]
        mapping = self.index_maps.get(key, [])
        row = mapping[index] if index < len(mapping) else index
        return fact_label(f"{path}[{row}]", lang)

    def apply_fact_errors(self, problems, lang: str) -> None:
        """Show each problem the engine found at the field it names, in ``lang``; the input stays."""
        from kim.residence.precheck import fact_label

        for problem in problems:
            message = problem.message_en if lang == "en" else problem.message
            message = _LIST_ITEM.sub(lambda m: self._row_label(m.group(1), int(m.group(2)), lang), message)
            form, field = self._target(problem.field)
            if field is None:
                message = f"{fact_label(self._display_path(problem.field), lang)}: {message}"
            form.add_error(field, message)

    def _display_path(self, path: str) -> str:
        match = _LIST_ITEM.match(path)
        if not match:
            return path
        key = _LIST_PATHS[match.group(1)]
        mapping = self.index_maps.get(key, [])
        index = int(match.group(2))
        row = mapping[index] if index < len(mapping) else index
        return f"{match.group(1)}[{row}]{path[match.end() :]}"

    def _target(self, path: str):
        form = self.form
        if path in ("--on", "person.evaluation_date"):
            return form, "decision_date"
        match = _LIST_ITEM.match(path)
        if match:
            key = _LIST_PATHS[match.group(1)]
            mapping = self.index_maps.get(key, [])
            index = int(match.group(2))
            if index < len(mapping):
                row_form = self.formsets[key].forms[mapping[index]]
                rest = path[match.end() :].lstrip(".")
                return row_form, rest if rest in row_form.fields else None
            return form, None
        if path.startswith("person.application_dates."):
            route = path.rsplit(".", 1)[1]
            for index, row in self.rows()["applications"]:
                if row.get("route") == route:
                    return self.formsets["applications"].forms[index], "date"
            return form, None
        name = path.replace(".", "__")
        if name in form.fields:
            return form, name
        for group in self.pf.ROW_GROUPS:
            if group.path == path and group.known is not None:
                return form, group.known.name
        return form, None

    def error_summary(self) -> list[tuple[str, str]]:
        """(text, anchor id) of every error on the page, for the summary at the top."""
        items = []
        forms_ = [self.form] + [f for fs in self.formsets.values() for f in fs.forms]
        for form in forms_:
            for error in form.non_field_errors():
                items.append((error, ""))
            for name, errors in form.errors.items():
                if name == "__all__":
                    continue
                bound = form[name]
                for error in errors:
                    items.append((f"{bound.label}: {error}", bound.auto_id or ""))
        return items


@role_required(*EDITORS)
def precheck_form(request, pk: int):
    from django.utils import timezone

    from kim.residence.precheck import validate

    client = client_get(actor=request.actor, pk=pk)
    if request.GET.get("mode") == "json" or request.POST.get("mode") == "json":
        return _precheck_json(request, client)
    if request.method != "POST":
        audit_log(actor=request.actor, action="residence.precheck.view", obj=client, details={"page": "form"})
    today = timezone.localdate()
    guided = _Guided(request, client, today)
    if request.method == "POST" and guided.added is None and guided.is_valid():
        facts, options = guided.build()
        on = guided.form.cleaned_data["decision_date"]
        if not guided.has_errors():
            guided.apply_fact_errors(
                validate({**facts, "options": options} if options else facts, on=on), engine_language()
            )
        if not guided.has_errors():
            try:
                run = services.precheck_run(
                    actor=request.actor, client=client, facts=facts, on=on, options=options or None
                )
            except ValidationError as error:
                for messages_ in error.message_dict.values():
                    for message in messages_:
                        guided.form.add_error(None, message)
            else:
                messages.success(request, _("The pre-check has been saved."))
                return redirect("clients:precheck_detail", run_pk=run.pk)
    runs = selectors.precheck_runs_for_client(actor=request.actor, client=client)[:20]
    return render(
        request,
        "residence/precheck_form.html",
        {
            "guided": guided,
            "form": guided.form,
            "client": client,
            "notes": guided.notes,
            "runs": runs,
            "sections": guided.sections(),
            "error_summary": guided.error_summary() if request.method == "POST" else [],
            "added": guided.added,
            "mode": "guided",
        },
    )


def _precheck_json(request, client):
    """The expert mode: the whole fact model as JSON (the guided form is the main path)."""
    import json

    from django.utils import timezone

    from kim.residence.precheck_facts import prefill_from_client

    today = timezone.localdate()
    prefilled, notes = prefill_from_client(client, today)
    form = PrecheckForm(
        request.POST or None,
        initial={"decision_date": today, "facts": json.dumps(prefilled, ensure_ascii=False, indent=2)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            run = services.precheck_run(
                actor=request.actor,
                client=client,
                facts=form.cleaned_data["facts"],
                on=form.cleaned_data["decision_date"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The pre-check has been saved."))
            return redirect("clients:precheck_detail", run_pk=run.pk)
    runs = selectors.precheck_runs_for_client(actor=request.actor, client=client)[:20]
    return render(
        request,
        "residence/precheck_form.html",
        {
            "form": form,
            "client": client,
            "prefilled": prefilled,
            "notes": notes,
            "runs": runs,
            "mode": "json",
        },
    )


@role_required(*EDITORS)
def precheck_detail(request, run_pk: int):
    run = selectors.precheck_run_get(actor=request.actor, pk=run_pk)
    audit_log(
        actor=request.actor, action="residence.precheck.view", obj=run.client, details={"run_id": run.pk}
    )
    return render(
        request,
        "residence/precheck_detail.html",
        {
            "run": run,
            "client": run.client,
            "routes": precheck_routes(run.result),
            "text_note": text_language_note(run.result),
            "text_lang": engine_language(),
        },
    )


@role_required(*EDITORS)
def precheck_pdf(request, run_pk: int):
    from django.utils.translation import get_language

    from kim.core.pdf import pdf_response, render_pdf

    run = selectors.precheck_run_get(actor=request.actor, pk=run_pk)
    audit_log(
        actor=request.actor, action="residence.precheck.pdf", obj=run.client, details={"run_id": run.pk}
    )
    language = get_language() or "de"
    content = render_pdf(
        "residence/precheck_pdf.html",
        {
            "run": run,
            "client": run.client,
            "routes": precheck_routes(run.result),
            "text_note": text_language_note(run.result),
            "text_lang": engine_language(),
        },
        language=language,
    )
    return pdf_response(content, f"vorpruefung-{run.pk}.pdf")
