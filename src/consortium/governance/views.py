"""The governance pages, under /gouvernance/: meetings (attendance and quorum, agenda, minutes,
resolutions), board seats with their holders, and the board's composition on a date. For the
general management and administrators (`GOVERNANCE_ROLES`)."""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from consortium.accounts.access import governance_for_change, request_roles, role_required
from consortium.accounts.models import RoleKind
from consortium.core.forms import add_service_errors
from consortium.core.listing import (
    SortColumn,
    clear_filters_url,
    filter_chips,
    page_links,
    paginate,
    per_page,
    per_page_links,
    sort_by,
    sort_headers,
)
from consortium.governance import selectors, services
from consortium.governance.forms import (
    AttendanceForm,
    BoardSeatForm,
    CompositionForm,
    MeetingFilterForm,
    MeetingForm,
    ResolutionForm,
    organisation_label,
)
from consortium.governance.models import BoardSeat, Meeting
from consortium.members.models import Organisation

SECTION = "governance"


def _meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return governance_for_change(
        request.user, meeting_id, among=Meeting.objects.all(), roles=request_roles(request)
    )


def _meeting_columns() -> list[SortColumn]:
    return [
        SortColumn("date", _("Date"), ("date",)),
        SortColumn("instance", _("Instance"), ("kind",)),
        SortColumn("presents", _("Présences"), ("present",), numeric=True),
        SortColumn("resolutions", _("Résolutions"), ("resolution_count",), numeric=True),
    ]


@role_required(RoleKind.DIRECTOR)
def meeting_list(request: HttpRequest) -> HttpResponse:
    form = MeetingFilterForm(request.GET or None, years=selectors.meeting_years())
    valid = form.is_bound and form.is_valid()
    meetings = selectors.meeting_list(
        kind=form.cleaned_data["kind"] if valid else "",
        year=form.cleaned_data["year"] if valid else None,
    )
    columns = _meeting_columns()
    meetings, current = sort_by(meetings, request, columns, "-date")
    rows = per_page(request)
    page = paginate(request, meetings, rows)
    return render(
        request,
        "governance/meeting_list.html",
        {
            "section": SECTION,
            "form": form,
            "page": page,
            "page_links": page_links(request, page),
            "headers": sort_headers(request, columns, current),
            "chips": filter_chips(request, form),
            "clear_url": clear_filters_url(request, form),
            "per_page_links": per_page_links(request, rows),
        },
    )


def _meeting_form_page(request: HttpRequest, meeting: Meeting | None) -> HttpResponse:
    initial = {"date": timezone.localdate()}
    if meeting is not None:
        initial = {
            "kind": meeting.kind,
            "date": meeting.date,
            "title": meeting.title,
            "agenda": meeting.agenda,
        }
    form = MeetingForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.meeting_save(
                by=request.user,
                meeting=meeting,
                kind=data["kind"],
                date=data["date"],
                title=data["title"],
                agenda=data["agenda"],
                minutes=data["minutes"] or None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("governance:meeting_detail", meeting_id=saved.pk)
    return render(
        request,
        "governance/meeting_form.html",
        {"section": SECTION, "form": form, "meeting": meeting},
    )


@role_required(RoleKind.DIRECTOR)
def meeting_create(request: HttpRequest) -> HttpResponse:
    return _meeting_form_page(request, None)


@role_required(RoleKind.DIRECTOR)
def meeting_update(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_form_page(request, _meeting(request, meeting_id))


def _meeting_detail_page(
    request: HttpRequest,
    meeting: Meeting,
    *,
    attendance_form: AttendanceForm | None = None,
    resolution_form: ResolutionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    facts = selectors.meeting_page(meeting)
    if attendance_form is None:
        attendance_form = AttendanceForm(
            initial={
                "holders": sorted(facts["present_holder_ids"]),
                "others": "\n".join(facts["others"]),
            },
            seats=facts["seats"],
        )
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "facts": facts,
            "attendance_form": attendance_form,
            "resolution_form": resolution_form or ResolutionForm(),
        },
        status=status,
    )


@role_required(RoleKind.DIRECTOR)
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_detail_page(request, _meeting(request, meeting_id))


@role_required(RoleKind.DIRECTOR)
def meeting_attendance(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    if request.method != "POST":
        return redirect("governance:meeting_detail", meeting_id=meeting.pk)
    seats = selectors.meeting_page(meeting)["seats"]
    form = AttendanceForm(request.POST, seats=seats)
    if form.is_valid():
        try:
            services.meeting_attendance_set(
                by=request.user,
                meeting=meeting,
                holders=form.chosen_holders(),
                others=form.other_names(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("governance:meeting_detail", meeting_id=meeting.pk)
    return _meeting_detail_page(request, meeting, attendance_form=form, status=400)


@role_required(RoleKind.DIRECTOR)
def resolution_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    if request.method != "POST":
        return redirect("governance:meeting_detail", meeting_id=meeting.pk)
    form = ResolutionForm(request.POST)
    if form.is_valid():
        try:
            services.resolution_add(by=request.user, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            url = reverse("governance:meeting_detail", kwargs={"meeting_id": meeting.pk})
            return redirect(f"{url}#resolutions")
    return _meeting_detail_page(request, meeting, resolution_form=form, status=400)


@role_required(RoleKind.DIRECTOR)
def meeting_minutes(request: HttpRequest, meeting_id: int) -> FileResponse:
    """The minutes' PDF, to the allowed roles only: the file has no public URL."""
    meeting = _meeting(request, meeting_id)
    if not meeting.minutes:
        raise Http404(_("Cette rencontre n'a pas de procès-verbal."))
    try:
        handle = meeting.minutes.open("rb")
    except FileNotFoundError as missing:
        raise Http404(_("Le fichier du procès-verbal est introuvable.")) from missing
    name = _("proces-verbal-%(kind)s-%(date)s.pdf") % {
        "kind": meeting.kind,
        "date": meeting.date.isoformat(),
    }
    return FileResponse(handle, content_type="application/pdf", filename=name)


@role_required(RoleKind.DIRECTOR)
def board_seat_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.board_seat_list(), per_page(request))
    return render(
        request,
        "governance/board_seat_list.html",
        {
            "section": SECTION,
            "page": page,
            "page_links": page_links(request, page),
            "today": timezone.localdate(),
        },
    )


def _board_seat_form_page(request: HttpRequest, seat: BoardSeat | None) -> HttpResponse:
    initial: dict = {"order": 0}
    if seat is not None:
        holders = list(seat.holders.order_by("pk"))
        initial = {
            "role": seat.role,
            "organisation": organisation_label(seat.organisation) if seat.organisation else "",
            "is_executive": seat.is_executive,
            "term_start": seat.term_start,
            "term_end": seat.term_end,
            "order": seat.order,
        }
        for index, holder in enumerate(holders[:2], start=1):
            initial[f"first_name_{index}"] = holder.first_name
            initial[f"last_name_{index}"] = holder.last_name
    form = BoardSeatForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.board_seat_save(
                by=request.user,
                seat=seat,
                role=data["role"],
                holders=form.holders(),
                term_start=data["term_start"],
                term_end=data["term_end"],
                is_executive=data["is_executive"],
                organisation=data["organisation"],
                order=data["order"] or 0,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("governance:board_seat_list")
    return render(
        request,
        "governance/board_seat_form.html",
        {
            "section": SECTION,
            "form": form,
            "seat": seat,
            "organisations": Organisation.objects.order_by("code").only("code", "name"),
        },
    )


@role_required(RoleKind.DIRECTOR)
def board_seat_create(request: HttpRequest) -> HttpResponse:
    return _board_seat_form_page(request, None)


@role_required(RoleKind.DIRECTOR)
def board_seat_update(request: HttpRequest, seat_id: int) -> HttpResponse:
    seat = governance_for_change(
        request.user,
        seat_id,
        among=BoardSeat.objects.select_related("organisation"),
        roles=request_roles(request),
    )
    return _board_seat_form_page(request, seat)


@role_required(RoleKind.DIRECTOR)
def board_composition(request: HttpRequest) -> HttpResponse:
    """Who held each seat on a date (today unless asked), and the executive committee."""
    today = timezone.localdate()
    form = CompositionForm(request.GET or None, initial={"on": today})
    day = form.cleaned_data["on"] if form.is_bound and form.is_valid() else today
    return render(
        request,
        "governance/board_composition.html",
        {"section": SECTION, "form": form, "composition": selectors.board_composition_on(day)},
    )
