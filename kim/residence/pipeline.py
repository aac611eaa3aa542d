"""The candidate pipeline of the foreigners' authority (ABH) and the naturalisation authority (EBH): services.

A *candidate* is one person on one route (the pre-check engine's route ids, e.g. AUFENTHG_25B or STAG_10) at
one authority. Candidates come two ways:

* **referred** by a case manager from the client page (:func:`candidate_propose`): refused unless a valid
  consent covers sharing the client's master data and residence data with that authority
  (:func:`kim.clients.consent.consent_require`, as referrals and transfers do). The consent is stored on the
  candidate. As with a case share (kim.cases.models.CaseShare) the authority's access ends with the consent:
  the scope (``CandidateQuerySet.for_actor``) admits a referred candidate only while its consent is valid, and
  a withdrawal ends the access at once (:func:`end_access_for_consent`, run when a consent is saved) – the
  record then drops out of the pipeline, its open deadlines go, and only the anonymous counts of the
  statistics keep it;
* **registered** by the authority itself (:func:`candidate_register`): a minimal person record that belongs
  to the authority (``Client.organisation`` = the authority) with its residence timeline.

Stages (:data:`OPEN_STAGES`, :data:`FINAL_STAGES`): identified → counselled → documents complete → applied →
granted | refused; withdrawn from any open stage. A move may skip forward (a person who applied on their own),
may go back one stage with a reason (documents turned out incomplete), and ends in granted or refused only
after an application. Final stages are closed: :func:`candidate_reopen` takes the candidate back to the stage
before, with a reason. Every move records who, when (the day the stage was reached, which the statistics
count) and a note; moves are optimistic-locked (kim.core.concurrency).

Every write is audited (``residence.pipeline.*``); stage notes are encrypted and never copied into the log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kim.accounts.models import Membership, Organisation, OrganisationKind, Role
from kim.clients.models import Client, Consent, ConsentPurpose, DataCategory
from kim.core.audit import audit_log
from kim.core.concurrency import StaleRecordError, save_versioned
from kim.core.scoping import Actor
from kim.residence.models import (
    Candidate,
    CandidateSource,
    CandidateStageChange,
    PipelineStage,
    PrecheckRun,
    ResidenceStatus,
)

S = PipelineStage
OPEN_STAGES = (S.IDENTIFIED, S.COUNSELLED, S.DOCUMENTS_COMPLETE, S.APPLIED)
FINAL_STAGES = (S.GRANTED, S.REFUSED, S.WITHDRAWN)
#: The stages in the order of the board and the statistics.
STAGE_ORDER = (*OPEN_STAGES, *FINAL_STAGES)

#: Which authority works which routes: the ABH the AufenthG routes, the EBH naturalisation (StAG).
AUTHORITY_KINDS = (OrganisationKind.FOREIGNERS_AUTHORITY, OrganisationKind.NATURALISATION_AUTHORITY)
#: What a referral passes on to the authority (and what the consent must name).
REFERRAL_CATEGORIES = (DataCategory.MASTER_DATA, DataCategory.RESIDENCE)
#: Who may refer a client of their own.
REFERRERS = (Role.CASE_MANAGER, Role.TEAM_LEAD)
NOTE_MAX = 2000


def routes_for(authority: Organisation | None) -> tuple[str, ...]:
    """The engine's routes an authority works: StAG routes for the EBH, AufenthG routes for the ABH."""
    from kim.residence.precheck import ROUTES

    if authority is None or authority.kind not in AUTHORITY_KINDS:
        return ()
    naturalisation = authority.kind == OrganisationKind.NATURALISATION_AUTHORITY
    return tuple(route for route in ROUTES if route.startswith("STAG_") == naturalisation)


def route_label(route: str) -> str:
    return dict(Candidate._meta.get_field("route").choices).get(route, route)


def allowed_moves(stage: str) -> tuple[str, ...]:
    """The stages a candidate in ``stage`` may be moved to (reopening a final stage is its own action)."""
    if stage not in OPEN_STAGES:
        return ()
    index = OPEN_STAGES.index(stage)
    forward = OPEN_STAGES[index + 1 :]
    decisions = (S.GRANTED, S.REFUSED) if stage == S.APPLIED else ()
    back = (OPEN_STAGES[index - 1],) if index else ()
    return (*forward, *decisions, S.WITHDRAWN, *back)


def is_backward(from_stage: str, to_stage: str) -> bool:
    return (
        from_stage in OPEN_STAGES
        and to_stage in OPEN_STAGES
        and OPEN_STAGES.index(to_stage) < OPEN_STAGES.index(from_stage)
    )


# Permission checks -------------------------------------------------------------------------------------------


def is_pipeline_authority(actor: Actor) -> bool:
    """Authority staff of a foreigners' or naturalisation authority."""
    return (
        actor.membership is not None
        and actor.role == Role.AUTHORITY_STAFF
        and actor.organisation.kind in AUTHORITY_KINDS
    )


def require_pipeline_authority(actor: Actor) -> None:
    if not is_pipeline_authority(actor):
        raise PermissionDenied


def _require_candidate(actor: Actor, candidate: Candidate) -> Candidate:
    """The candidate as it is now, locked, if it is in the actor's pipeline; otherwise PermissionDenied."""
    require_pipeline_authority(actor)
    locked = Candidate.objects.for_actor(actor).select_for_update(of=("self",)).filter(pk=candidate.pk).first()
    if locked is None:
        raise PermissionDenied
    return locked


def _check_version(locked: Candidate, expected_version: int) -> None:
    """Someone else saved the candidate since the form was shown: refuse before judging the change."""
    if locked.version != expected_version:
        raise StaleRecordError(locked)


def _clean_note(note: str | None) -> str:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("Keep the note to %(max)s characters.") % {"max": NOTE_MAX}})
    return note


def _check_routes(authority: Organisation, routes: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(routes or ()))
    if not wanted:
        raise ValidationError({"routes": _("Choose at least one route.")})
    allowed = routes_for(authority)
    wrong = [route for route in wanted if route not in allowed]
    if wrong:
        if authority.kind == OrganisationKind.NATURALISATION_AUTHORITY:
            message = _("The naturalisation authority works the naturalisation routes (§§ 9, 10 StAG) only.")
        else:
            message = _("The foreigners' authority works the residence routes of the AufenthG only.")
        raise ValidationError({"routes": message})
    return wanted


def _check_not_in_pipeline(person: Client, authority: Organisation, routes: list[str]) -> None:
    taken = set(
        Candidate.objects.filter(
            person=person, authority=authority, route__in=routes, access_ended_at__isnull=True
        ).values_list("route", flat=True)
    )
    if taken:
        raise ValidationError(
            {
                "routes": _("Already in the pipeline of %(authority)s for: %(routes)s.")
                % {"authority": authority, "routes": ", ".join(route_label(r) for r in routes if r in taken)}
            }
        )


def _check_reached_on(reached_on: dt.date | None, not_before: dt.date | None) -> dt.date:
    today = timezone.localdate()
    day = reached_on or today
    if day > today:
        raise ValidationError({"reached_on": _("The day lies in the future.")})
    if not_before and day < not_before:
        raise ValidationError(
            {
                "reached_on": _("The day is before the current stage was reached (%(date)s).")
                % {"date": date_format(not_before, "SHORT_DATE_FORMAT")}
            }
        )
    return day


def _latest_run(person: Client) -> PrecheckRun | None:
    return PrecheckRun.objects.filter(client=person).order_by("-created_at", "-pk").first()


def _create(
    *,
    actor: Actor,
    person: Client,
    authority: Organisation,
    route: str,
    source: str,
    reached_on: dt.date,
    note: str,
    consent: Consent | None = None,
    case=None,
    responsible=None,
) -> Candidate:
    candidate = Candidate.objects.create(
        person=person,
        authority=authority,
        route=route,
        source=source,
        consent=consent,
        case=case,
        referred_by=actor.user if source == CandidateSource.REFERRAL else None,
        stage=S.IDENTIFIED,
        stage_since=reached_on,
        responsible=responsible,
        precheck_run=_latest_run(person),
        created_by=actor.user,
    )
    CandidateStageChange.objects.create(
        candidate=candidate,
        from_stage="",
        to_stage=S.IDENTIFIED,
        reached_on=reached_on,
        note=note,
        by=actor.user,
    )
    return candidate


# Referral by case management -----------------------------------------------------------------------------------


def referral_authorities():
    """The authorities a client can be proposed to (active ABH and EBH)."""
    return Organisation.objects.filter(kind__in=AUTHORITY_KINDS, is_active=True).order_by("name")


@transaction.atomic
def candidate_propose(
    *, actor: Actor, client: Client, authority: Organisation | None, routes: Iterable[str], note: str = ""
) -> list[Candidate]:
    """Propose ``client`` to ``authority`` for one or more routes ("Für Bleiberecht/Einbürgerung vorschlagen").

    Refused with ConsentMissing (a ValidationError saying what is missing) unless a valid consent covers
    sharing the client's master data and residence status with the authority; nothing is created then."""
    from kim.cases.models import Case, CaseStatus
    from kim.clients.consent import consent_require

    if actor.membership is None or actor.role not in REFERRERS:
        raise PermissionDenied
    if not Client.objects.for_actor(actor).filter(pk=client.pk).exists():
        raise PermissionDenied
    if authority is None or authority.kind not in AUTHORITY_KINDS or not authority.is_active:
        raise ValidationError(
            {"authority": _("Choose the foreigners' authority or the naturalisation authority.")}
        )
    wanted = _check_routes(authority, routes)
    note = _clean_note(note)
    _check_not_in_pipeline(client, authority, wanted)
    consent = consent_require(
        client=client,
        purpose=ConsentPurpose.SHARE_WITH_ORGANISATION,
        recipient=authority,
        categories=REFERRAL_CATEGORIES,
    )
    case = (
        Case.objects.for_actor(actor)
        .filter(client=client)
        .exclude(status=CaseStatus.CLOSED)
        .order_by("-opened_on", "-pk")
        .first()
    )
    today = timezone.localdate()
    candidates = [
        _create(
            actor=actor,
            person=client,
            authority=authority,
            route=route,
            source=CandidateSource.REFERRAL,
            reached_on=today,
            note=note,
            consent=consent,
            case=case,
        )
        for route in wanted
    ]
    audit_log(
        actor=actor,
        action="residence.pipeline.propose",
        obj=client,
        details={
            "authority": authority.pk,
            "routes": wanted,
            "consent": consent.pk,
            "candidates": [c.pk for c in candidates],
            "note_given": bool(note),
        },
    )
    return candidates


# Registration by the authority ---------------------------------------------------------------------------------

PERSON_FIELDS = (
    "given_names",
    "family_name",
    "name_original_script",
    "birth_year",
    "birth_month",
    "birth_day",
    "gender",
    "nationalities",
    "arrival_germany",
)


def _similar_own_records(
    authority: Organisation, given_names: str, family_name: str, birth_year
) -> list[Client]:
    return list(
        Client.objects.filter(
            organisation=authority,
            family_name__iexact=family_name,
            given_names__iexact=given_names,
            birth_year=birth_year,
        ).order_by("pk")[:5]
    )


@transaction.atomic
def candidate_register(
    *,
    actor: Actor,
    routes: Iterable[str],
    status: dict,
    note: str = "",
    reached_on: dt.date | None = None,
    confirmed_different_person: bool = False,
    **person,
) -> list[Candidate]:
    """Register a person the authority identified itself: a minimal person record of the authority, its
    current residence status (``status``: kind, valid_from, valid_to, legal_basis, issuing_authority) and
    one candidate per route. A person of the same name and year of birth among the authority's own records
    is refused until the user confirms it is someone else."""
    from kim.clients.services import _clean_fields, _derived
    from kim.residence.services import STATUS_FIELDS, check_overlap

    require_pipeline_authority(actor)
    authority = actor.organisation
    wanted = _check_routes(authority, routes)
    note = _clean_note(note)
    day = _check_reached_on(reached_on, None)
    data = _clean_fields({name: person[name] for name in PERSON_FIELDS if name in person})
    client = Client(organisation=authority, created_by=actor.user, **data)
    _derived(client)
    client.full_clean()
    if not confirmed_different_person and _similar_own_records(
        authority, client.given_names, client.family_name, client.birth_year
    ):
        raise ValidationError(
            {
                "confirmed_different_person": _(
                    "A person with this name and year of birth is already recorded by your authority. Open that "
                    "record in the pipeline, or confirm that this is a different person."
                )
            }
        )
    client.save()  # the post_save signal of kim.clients builds the search index
    residence = ResidenceStatus(
        client=client,
        recorded_by=actor.user,
        **{
            name: status.get(name) or ("" if name in ("legal_basis", "issuing_authority") else None)
            for name in STATUS_FIELDS
        },
    )
    residence.full_clean()
    check_overlap(residence)
    residence.save()
    candidates = [
        _create(
            actor=actor,
            person=client,
            authority=authority,
            route=route,
            source=CandidateSource.AUTHORITY,
            reached_on=day,
            note=note,
            responsible=actor.user,
        )
        for route in wanted
    ]
    audit_log(actor=actor, action="clients.client.create", obj=client, details={"via": "pipeline"})
    audit_log(
        actor=actor,
        action="residence.status.create",
        obj=client,
        details={"status_id": residence.pk, "kind": residence.kind},
    )
    audit_log(
        actor=actor,
        action="residence.pipeline.register",
        obj=client,
        details={"routes": wanted, "candidates": [c.pk for c in candidates], "note_given": bool(note)},
    )
    _sync(candidates)
    return candidates


def _require_own_record(actor: Actor, candidate: Candidate) -> Candidate:
    candidate = _require_candidate(actor, candidate)
    if candidate.person.organisation_id != actor.organisation_id:
        raise PermissionDenied  # a referred person's timeline is kept by the case manager
    return candidate


@transaction.atomic
def candidate_status_add(*, actor: Actor, candidate: Candidate, **fields) -> ResidenceStatus:
    """Add a residence status to the timeline of a person the authority registered itself."""
    from kim.residence.services import STATUS_FIELDS, check_overlap

    candidate = _require_own_record(actor, candidate)
    values = {name: fields.get(name) for name in STATUS_FIELDS}
    for name in ("legal_basis", "issuing_authority"):
        values[name] = " ".join((values[name] or "").split())
    status = ResidenceStatus(client=candidate.person, recorded_by=actor.user, **values)
    status.full_clean()
    check_overlap(status)
    status.save()
    audit_log(
        actor=actor,
        action="residence.status.create",
        obj=candidate.person,
        details={"status_id": status.pk, "kind": status.kind, "via": "pipeline"},
    )
    return status


@transaction.atomic
def candidate_status_delete(*, actor: Actor, candidate: Candidate, status: ResidenceStatus) -> None:
    candidate = _require_own_record(actor, candidate)
    if status.client_id != candidate.person_id:
        raise PermissionDenied
    status_id, kind = status.pk, status.kind
    status.delete()
    audit_log(
        actor=actor,
        action="residence.status.delete",
        obj=candidate.person,
        details={"status_id": status_id, "kind": kind, "via": "pipeline"},
    )


# Working the pipeline ------------------------------------------------------------------------------------------


def _stage_label(stage: str) -> str:
    return str(PipelineStage(stage).label) if stage in PipelineStage.values else stage


@transaction.atomic
def candidate_move(
    *,
    actor: Actor,
    candidate: Candidate,
    to_stage: str,
    expected_version: int,
    note: str = "",
    reached_on: dt.date | None = None,
) -> Candidate:
    """Move a candidate to ``to_stage`` (see :func:`allowed_moves`). Going back needs a note. Whoever moves an
    unassigned candidate becomes responsible for it. Raises StaleRecordError when someone else changed the
    candidate since ``expected_version``; nothing is written then."""
    locked = _require_candidate(actor, candidate)
    _check_version(locked, expected_version)
    from_stage = locked.stage
    if to_stage not in allowed_moves(from_stage):
        raise ValidationError(
            {
                "to_stage": _("A candidate cannot go from “%(from)s” to “%(to)s”.")
                % {"from": _stage_label(from_stage), "to": _stage_label(to_stage)}
            }
        )
    note = _clean_note(note)
    if is_backward(from_stage, to_stage) and not note:
        raise ValidationError({"note": _("Say why the candidate goes back a stage.")})
    day = _check_reached_on(reached_on, locked.stage_since)
    candidate.stage, candidate.stage_since = to_stage, day
    if locked.responsible_id is None:
        candidate.responsible = actor.user
    candidate.updated_at = timezone.now()
    save_versioned(candidate, expected_version, ["stage", "stage_since", "responsible_id", "updated_at"])
    CandidateStageChange.objects.create(
        candidate=candidate,
        from_stage=from_stage,
        to_stage=to_stage,
        reached_on=day,
        note=note,
        by=actor.user,
    )
    audit_log(
        actor=actor,
        action="residence.pipeline.move",
        obj=candidate.person,
        details={
            "candidate": candidate.pk,
            "from": from_stage,
            "to": to_stage,
            "reached_on": day.isoformat(),
            "note_given": bool(note),
        },
    )
    _sync([candidate])
    return candidate


@transaction.atomic
def candidate_reopen(*, actor: Actor, candidate: Candidate, expected_version: int, note: str) -> Candidate:
    """Take a candidate in a final stage back to the stage it had before; the reason is required."""
    locked = _require_candidate(actor, candidate)
    _check_version(locked, expected_version)
    if locked.stage not in FINAL_STAGES:
        raise ValidationError(_("Only a granted, refused or withdrawn candidate can be reopened."))
    note = _clean_note(note)
    if not note:
        raise ValidationError({"note": _("Say why the candidate is reopened.")})
    last = locked.stage_changes.filter(to_stage=locked.stage).order_by("-at", "-pk").first()
    back_to = last.from_stage if last is not None and last.from_stage in OPEN_STAGES else S.APPLIED
    if locked.stage == S.WITHDRAWN and (last is None or last.from_stage not in OPEN_STAGES):
        back_to = S.IDENTIFIED
    from_stage = locked.stage
    today = timezone.localdate()
    candidate.stage, candidate.stage_since = back_to, today
    candidate.updated_at = timezone.now()
    save_versioned(candidate, expected_version, ["stage", "stage_since", "updated_at"])
    CandidateStageChange.objects.create(
        candidate=candidate,
        from_stage=from_stage,
        to_stage=back_to,
        reached_on=today,
        note=note,
        by=actor.user,
        is_reopening=True,
    )
    audit_log(
        actor=actor,
        action="residence.pipeline.reopen",
        obj=candidate.person,
        details={"candidate": candidate.pk, "from": from_stage, "to": back_to},
    )
    _sync([candidate])
    return candidate


def responsible_choices(actor: Actor):
    """The staff of the actor's authority who can be responsible for a candidate."""
    from kim.accounts.models import User

    members = Membership.objects.active().filter(
        organisation_id=actor.organisation_id, role=Role.AUTHORITY_STAFF
    )
    return User.objects.filter(pk__in=members.values("user_id")).order_by("last_name", "first_name", "pk")


@transaction.atomic
def candidate_assign(*, actor: Actor, candidate: Candidate, responsible, expected_version: int) -> Candidate:
    """Make a member of the authority's staff responsible (or nobody: ``responsible=None``)."""
    _check_version(_require_candidate(actor, candidate), expected_version)
    if responsible is not None and not responsible_choices(actor).filter(pk=responsible.pk).exists():
        raise ValidationError({"responsible": _("Choose a member of your authority's staff.")})
    previous = candidate.responsible_id
    candidate.responsible = responsible
    candidate.updated_at = timezone.now()
    save_versioned(candidate, expected_version, ["responsible_id", "updated_at"])
    audit_log(
        actor=actor,
        action="residence.pipeline.assign",
        obj=candidate.person,
        details={"candidate": candidate.pk, "from": previous, "to": responsible.pk if responsible else None},
    )
    _sync([candidate])
    return candidate


@transaction.atomic
def candidate_precheck(*, actor: Actor, candidate: Candidate, on: dt.date) -> PrecheckRun:
    """Run the pre-check for a candidate on what the platform records about the person (birth date, entry,
    residence timeline; kim.residence.precheck_facts) and link the saved run to the candidate."""
    from kim.residence import services
    from kim.residence.precheck_facts import facts_from_client

    candidate = _require_candidate(actor, candidate)
    run = services.precheck_save(
        actor=actor, client=candidate.person, facts=facts_from_client(candidate.person, on), on=on
    )
    # The post_save receiver (link_run) has linked the run to every candidacy of the person.
    audit_log(
        actor=actor,
        action="residence.pipeline.precheck",
        obj=candidate.person,
        details={"candidate": candidate.pk, "run_id": run.pk},
    )
    return run


# Consent withdrawal, new runs, timeline changes (signal receivers connected in kim.residence.models) -----------


def end_access(candidate: Candidate, reason: str, *, system: str = "pipeline-consent-rule") -> None:
    """End the authority's access to a referred candidate (consent withdrawn or expired); its open deadlines go."""
    from kim.residence.alerts import remove_open_deadlines

    Candidate.objects.filter(pk=candidate.pk).update(access_ended_at=timezone.now(), access_end_reason=reason)
    remove_open_deadlines(candidate)
    audit_log(
        actor=Actor.system(),
        system=system,
        action="residence.pipeline.access_end",
        obj=candidate.person,
        details={"candidate": candidate.pk, "authority": candidate.authority_id, "reason": reason},
    )


def end_access_for_consent(sender, instance: Consent, raw=False, **kwargs) -> None:
    """A consent was saved: if it is withdrawn (on or before today), end the access of every candidate that
    was referred under it."""
    if raw or instance.withdrawn_on is None or instance.withdrawn_on > timezone.localdate():
        return
    for candidate in Candidate.objects.filter(consent=instance, access_ended_at__isnull=True).select_related(
        "person"
    ):
        end_access(candidate, "consent_withdrawn")


def link_run(sender, instance: PrecheckRun, created=False, raw=False, **kwargs) -> None:
    """A new pre-check run of a person: it is the candidates' latest evaluation; their alerts follow it."""
    if raw or not created:
        return
    candidates = list(Candidate.objects.filter(person_id=instance.client_id, access_ended_at__isnull=True))
    if candidates:
        Candidate.objects.filter(pk__in=[c.pk for c in candidates]).update(precheck_run=instance)
        _sync(candidates)


def timeline_changed(sender, instance: ResidenceStatus, raw=False, **kwargs) -> None:
    """A residence status was added, changed or deleted: the person's alerts follow the timeline."""
    if raw:
        return
    candidates = list(Candidate.objects.filter(person_id=instance.client_id, access_ended_at__isnull=True))
    if candidates:
        _sync(candidates)


def _sync(candidates: Iterable[Candidate]) -> None:
    from kim.residence.alerts import sync_person_deadlines

    for person_id, authority_id in {(c.person_id, c.authority_id) for c in candidates}:
        sync_person_deadlines(person_id, authority_id)
