"""Client records: list, search, create (with the duplicate check), page, edit (optimistic locking), further
names, similar records, households and their members.

Case managers and team leads work with client records; authority staff read those shared with them;
coordination and administrators get 403. Records outside the scope answer 404 (kim.clients.selectors).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kim.accounts.models import Role
from kim.accounts.views import apply_service_errors
from kim.clients import selectors, services
from kim.clients.forms import (
    ClientCreateForm,
    ClientNameForm,
    ClientSearchForm,
    ClientUpdateForm,
    HouseholdForm,
    HouseholdMemberAddForm,
    HouseholdMemberRelationForm,
    country_name,
)
from kim.clients.models import Client, DataCategory, Relation
from kim.core.access import role_required
from kim.core.audit import audit_log
from kim.core.concurrency import StaleRecordError
from kim.core.languages import language_name

READERS = (Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF)
EDITORS = (Role.CASE_MANAGER, Role.TEAM_LEAD)


# List and search -----------------------------------------------------------------------------------------


@role_required(*READERS)
def client_list(request):
    page = Paginator(selectors.client_list(actor=request.actor), 50).get_page(request.GET.get("page"))
    audit_log(
        actor=request.actor,
        action="clients.client.list",
        details={"page": page.number, "shown": len(page.object_list)},
    )
    return render(
        request,
        "clients/client_list.html",
        {"page": page, "search_form": ClientSearchForm(), "can_edit": selectors.can_edit(request.actor)},
    )


@role_required(*READERS)
def client_search(request):
    form = ClientSearchForm(request.GET or None)
    hits = None
    if form.is_bound and form.is_valid():
        query, birth_year = form.cleaned_data["q"], form.cleaned_data["birth_year"]
        if query.strip() or birth_year:
            hits = selectors.client_search(actor=request.actor, query=query, birth_year=birth_year)
            audit_log(
                actor=request.actor,
                action="clients.client.search",
                details={"query_length": len(query.strip()), "birth_year_given": bool(birth_year), "results": len(hits)},
            )
    return render(
        request,
        "clients/client_search.html",
        {"form": form, "hits": hits, "can_edit": selectors.can_edit(request.actor)},
    )


# Create, page, edit --------------------------------------------------------------------------------------


@role_required(*EDITORS)
def client_create(request):
    form = ClientCreateForm(request.POST or None)
    similar, hidden_elsewhere = [], False
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        confirmed = data.pop("confirmed_different_person")
        try:
            client = services.client_create(actor=request.actor, confirmed_different_person=confirmed, **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        except services.PossibleDuplicate as duplicate:
            similar, hidden_elsewhere = duplicate.matches, duplicate.hidden_elsewhere
        else:
            messages.success(request, _("The record of %(name)s has been created.") % {"name": client})
            return redirect("clients:client_detail", pk=client.pk)
    return render(
        request,
        "clients/client_form.html",
        {"form": form, "client": None, "similar": similar, "hidden_elsewhere": hidden_elsewhere},
    )


def _facts(client: Client) -> dict:
    return {
        "nationalities": [country_name(code) for code in client.nationalities],
        "languages": [
            {"code": entry.get("code", ""), "name": language_name(entry.get("code", "")), "level": _level(entry)}
            for entry in client.languages
        ],
        "interpreter_language": language_name(client.interpreter_language) if client.interpreter_language else "",
    }


def _level(entry: dict) -> str:
    from kim.clients.models import LanguageLevel

    level = entry.get("level", "")
    return str(LanguageLevel(level).label) if level in LanguageLevel.values else ""


@role_required(*READERS)
def client_detail(request, pk: int):
    from kim.residence.selectors import current_status, precheck_runs_for_client, residence_timeline

    client = selectors.client_get(actor=request.actor, pk=pk)
    categories = selectors.client_data_categories(actor=request.actor, client=client)
    audit_log(actor=request.actor, action="clients.client.view", obj=client, details={"categories": sorted(categories)})
    statuses = list(residence_timeline(actor=request.actor, client=client)) if DataCategory.RESIDENCE in categories else []
    can_edit = selectors.can_edit(request.actor)
    return render(
        request,
        "clients/client_detail.html",
        {
            "client": client,
            "facts": _facts(client),
            "show_master_data": DataCategory.MASTER_DATA in categories,
            "show_residence": DataCategory.RESIDENCE in categories,
            "show_family": DataCategory.FAMILY in categories,
            "cases": selectors.client_cases(actor=request.actor, client=client),
            "households": selectors.client_households(actor=request.actor, client=client) if can_edit else [],
            "statuses": statuses,
            "current_statuses": current_status(statuses, timezone.localdate()),
            "precheck_runs": (
                precheck_runs_for_client(actor=request.actor, client=client)[:10]
                if can_edit and DataCategory.RESIDENCE in categories
                else []
            ),
            "can_edit": can_edit,
            "household_form": HouseholdForm(initial={"name": _("Family %(name)s") % {"name": client.family_name}}),
        },
    )


def _stale_differences(form, current: Client) -> list[dict]:
    """Fields where the user's input and the record as saved by the other person differ."""
    saved = ClientUpdateForm.initial_for(current)
    differences = []
    for name, value in saved.items():
        if name not in form.fields:
            continue
        mine = form.data.get(name, "")
        theirs = "" if value is None else value
        field = form.fields[name]
        if isinstance(theirs, bool):
            mine_bool = mine in ("on", "true", "1", "True")
            if mine_bool != theirs:
                differences.append({"label": field.label, "mine": _yes_no(mine_bool), "theirs": _yes_no(theirs)})
            continue
        if str(mine).strip() != str(theirs).strip():
            differences.append(
                {"label": field.label, "mine": _display(field, mine), "theirs": _display(field, theirs)}
            )
    return differences


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def _display(field, value) -> str:
    choices = {str(k): v for k, v in getattr(field, "choices", []) or []}
    text = str(value) if value not in (None, "") else ""
    return str(choices.get(text, text)) if choices and text else text


@role_required(*EDITORS)
def client_update(request, pk: int):
    client = selectors.client_get(actor=request.actor, pk=pk)
    stale = None
    if request.method == "POST":
        form = ClientUpdateForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.client_update(actor=request.actor, client=client, expected_version=version, **data)
            except ValidationError as error:
                apply_service_errors(form, error)
            except StaleRecordError as error:
                current = error.current
                stale = {"differences": _stale_differences(form, current), "current": current}
                # The user's input stays; saving again now knowingly replaces the other person's values.
                form.data = form.data.copy()
                form.data["version"] = current.version
            else:
                messages.success(request, _("Changes saved."))
                return redirect("clients:client_detail", pk=client.pk)
    else:
        form = ClientUpdateForm(client=client, initial={**ClientUpdateForm.initial_for(client), "version": client.version})
    return render(request, "clients/client_form.html", {"form": form, "client": client, "stale": stale})


@role_required(*EDITORS)
def client_similar(request, pk: int):
    client = selectors.client_get(actor=request.actor, pk=pk)
    similar, hidden_elsewhere = selectors.client_find_similar(
        request.actor,
        client.given_names,
        client.family_name,
        client.birth_year,
        exclude_pk=client.pk,
        other_spellings=[s for s in client.spellings() if s != str(client)],
    )
    audit_log(
        actor=request.actor, action="clients.client.similar", obj=client, details={"shown": len(similar)}
    )
    return render(
        request,
        "clients/client_similar.html",
        {"client": client, "similar": similar, "hidden_elsewhere": hidden_elsewhere},
    )


# Further names -------------------------------------------------------------------------------------------


@role_required(*EDITORS)
def client_name_create(request, pk: int):
    client = selectors.client_get(actor=request.actor, pk=pk)
    form = ClientNameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.client_name_create(actor=request.actor, client=client, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The spelling has been added."))
            return redirect("clients:client_detail", pk=client.pk)
    return render(request, "clients/client_name_form.html", {"form": form, "client": client, "name": None})


@role_required(*EDITORS)
def client_name_update(request, pk: int, name_pk: int):
    client = selectors.client_get(actor=request.actor, pk=pk)
    name = selectors.client_name_get(actor=request.actor, client=client, pk=name_pk)
    form = ClientNameForm(
        request.POST or None,
        initial={"kind": name.kind, "given_names": name.given_names, "family_name": name.family_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.client_name_update(actor=request.actor, name=name, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The spelling has been saved."))
            return redirect("clients:client_detail", pk=client.pk)
    return render(request, "clients/client_name_form.html", {"form": form, "client": client, "name": name})


@require_POST
@role_required(*EDITORS)
def client_name_delete(request, pk: int, name_pk: int):
    client = selectors.client_get(actor=request.actor, pk=pk)
    name = selectors.client_name_get(actor=request.actor, client=client, pk=name_pk)
    services.client_name_delete(actor=request.actor, name=name)
    messages.success(request, _("The spelling has been removed."))
    return redirect("clients:client_detail", pk=client.pk)


# Households ----------------------------------------------------------------------------------------------


@role_required(*EDITORS)
def household_create(request, pk: int):
    client = selectors.client_get(actor=request.actor, pk=pk)
    form = HouseholdForm(
        request.POST or None, initial={"name": _("Family %(name)s") % {"name": client.family_name}}
    )
    if request.method == "POST" and form.is_valid():
        try:
            household = services.household_create(actor=request.actor, client=client, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The household has been created."))
            return redirect("clients:household_detail", pk=household.pk)
    return render(request, "clients/household_form.html", {"form": form, "client": client, "household": None})


@role_required(*EDITORS)
def household_detail(request, pk: int):
    household = selectors.household_get(actor=request.actor, pk=pk)
    members, hidden_count = selectors.household_members(actor=request.actor, household=household)
    audit_log(actor=request.actor, action="clients.household.view", obj=household)
    search_form = ClientSearchForm(request.GET or None)
    hits = None
    if search_form.is_bound and search_form.is_valid() and search_form.cleaned_data["q"].strip():
        member_ids = {m.client_id for m in members}
        hits = [
            hit
            for hit in selectors.client_search(
                actor=request.actor,
                query=search_form.cleaned_data["q"],
                birth_year=search_form.cleaned_data["birth_year"],
                limit=20,
            )
            if hit.client.pk not in member_ids and hit.client.organisation_id == household.organisation_id
        ]
        audit_log(
            actor=request.actor,
            action="clients.client.search",
            details={"query_length": len(search_form.cleaned_data["q"].strip()), "results": len(hits)},
        )
    return render(
        request,
        "clients/household_detail.html",
        {
            "household": household,
            "members": members,
            "hidden_count": hidden_count,
            "search_form": search_form,
            "hits": hits,
            "relations": Relation.choices,
            "add_form": HouseholdMemberAddForm(initial={"relation": Relation.CHILD}),
        },
    )


@role_required(*EDITORS)
def household_update(request, pk: int):
    household = selectors.household_get(actor=request.actor, pk=pk)
    form = HouseholdForm(request.POST or None, initial={"name": household.name})
    if request.method == "POST" and form.is_valid():
        try:
            services.household_update(actor=request.actor, household=household, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("clients:household_detail", pk=household.pk)
    return render(request, "clients/household_form.html", {"form": form, "client": None, "household": household})


@require_POST
@role_required(*EDITORS)
def household_delete(request, pk: int):
    household = selectors.household_get(actor=request.actor, pk=pk)
    try:
        services.household_delete(actor=request.actor, household=household)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("clients:household_detail", pk=household.pk)
    messages.success(request, _("The household has been dissolved; the records of its members remain."))
    return redirect("clients:client_list")


@require_POST
@role_required(*EDITORS)
def household_member_add(request, pk: int):
    household = selectors.household_get(actor=request.actor, pk=pk)
    form = HouseholdMemberAddForm(request.POST)
    if form.is_valid():
        client = selectors.client_get(actor=request.actor, pk=form.cleaned_data["client"])
        try:
            services.household_member_add(
                actor=request.actor, household=household, client=client, relation=form.cleaned_data["relation"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(name)s has been added to the household.") % {"name": client})
    else:
        messages.error(request, _("Choose a person and a relation."))
    return redirect("clients:household_detail", pk=household.pk)


@require_POST
@role_required(*EDITORS)
def household_member_update(request, pk: int):
    member = selectors.household_member_get(actor=request.actor, pk=pk)
    form = HouseholdMemberRelationForm(request.POST)
    if form.is_valid():
        try:
            services.household_member_update(actor=request.actor, member=member, relation=form.cleaned_data["relation"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Changes saved."))
    else:
        messages.error(request, _("Choose a relation."))
    return redirect("clients:household_detail", pk=member.household_id)


@require_POST
@role_required(*EDITORS)
def household_member_remove(request, pk: int):
    member = selectors.household_member_get(actor=request.actor, pk=pk)
    household_id, client_id = member.household_id, member.client_id
    still_exists = services.household_member_remove(actor=request.actor, member=member)
    messages.success(request, _("The person has been removed from the household."))
    if still_exists:
        return redirect("clients:household_detail", pk=household_id)
    return redirect("clients:client_detail", pk=client_id)
