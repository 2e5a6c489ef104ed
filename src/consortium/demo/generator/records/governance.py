"""Demo governance: the meetings of three fiscal years and the board in force on 2021-03-31.

In 2020-2021, as in the seed report: 1 AGM, 6 board and 4 executive-committee meetings; a
board of 11 seats, 4 on the executive, one shared by two people, each representing the
organisation the report names (the president, a support member). People are fictional.
Content, not interface: the titles are data, not wrapped in gettext.
"""

import datetime as dt

from django.db.models import Q

from consortium.governance.models import BoardRole, BoardSeat, Meeting, MeetingKind
from consortium.governance.selectors import body_seats_on
from consortium.governance.services import (
    board_seat_create,
    meeting_attendance_record,
    meeting_record,
    resolution_record,
)
from consortium.members.models import MemberCategory, Membership, Organisation

# Fiscal year: (AGM date, board meeting months, executive-committee months).
MEETINGS: dict[str, tuple[dt.date, list[tuple[int, int]], list[tuple[int, int]]]] = {
    "2019-2020": (
        dt.date(2019, 6, 12),
        [(2019, 5), (2019, 6), (2019, 9), (2019, 11), (2020, 1), (2020, 3)],
        [(2019, 8), (2019, 12), (2020, 2)],
    ),
    "2020-2021": (
        dt.date(2020, 6, 17),
        [(2020, 5), (2020, 6), (2020, 9), (2020, 11), (2021, 1), (2021, 3)],
        [(2020, 7), (2020, 10), (2020, 12), (2021, 2)],
    ),
    "2021-2022": (
        dt.date(2021, 6, 16),
        [(2021, 5), (2021, 6), (2021, 9), (2021, 11), (2022, 2)],
        [(2021, 8), (2021, 10), (2022, 1), (2022, 3)],
    ),
}

BOARD_DAY = dt.date(2021, 3, 31)
SUPPORT_MEMBER = ""  # the president's seat: a support member in force on BOARD_DAY

# role, executive, organisation code, number of holders, term start
BOARD: list[tuple[str, bool, str, int, dt.date]] = [
    (BoardRole.PRESIDENT, True, SUPPORT_MEMBER, 1, dt.date(2019, 6, 12)),
    (BoardRole.VICE_PRESIDENT, True, "RCEESAD", 2, dt.date(2020, 6, 17)),
    (BoardRole.SECRETARY_TREASURER, True, "FCPQ", 1, dt.date(2019, 6, 12)),
    (BoardRole.DIRECTOR, True, "CQCM", 1, dt.date(2020, 6, 17)),
    (BoardRole.DIRECTOR, False, "MPEESAD", 1, dt.date(2019, 6, 12)),
    (BoardRole.DIRECTOR, False, "TRESCA", 1, dt.date(2020, 6, 17)),
    (BoardRole.DIRECTOR, False, "FCSDSQ", 1, dt.date(2019, 6, 12)),
    (BoardRole.DIRECTOR, False, "FCCTQ", 1, dt.date(2020, 6, 17)),
    (BoardRole.DIRECTOR, False, "FQCS", 1, dt.date(2019, 6, 12)),
    (BoardRole.DIRECTOR, False, "CDRQ", 1, dt.date(2020, 6, 17)),
    (BoardRole.DIRECTOR, False, "FCAQ", 1, dt.date(2019, 6, 12)),
]
# Seats whose term ended at an AGM, before or after the report's board.
PAST_AND_NEXT: list[tuple[str, bool, str, dt.date, dt.date | None]] = [
    (BoardRole.VICE_PRESIDENT, True, "RCEESAD", dt.date(2018, 6, 13), dt.date(2020, 6, 16)),
    (BoardRole.DIRECTOR, True, "CQCM", dt.date(2018, 6, 13), dt.date(2020, 6, 16)),
    (BoardRole.DIRECTOR, False, "CQCH", dt.date(2018, 6, 13), dt.date(2020, 6, 16)),
    (BoardRole.DIRECTOR, False, "CQCH", dt.date(2021, 6, 16), None),
]


def delete() -> None:
    """The area's demo rows, so that a rebuilt demo does not add a second set."""
    BoardSeat.objects.all().delete()
    Meeting.objects.all().delete()


def _support_member() -> Organisation | None:
    membership = (
        Membership.objects.filter(category=MemberCategory.SUPPORT, start__lte=BOARD_DAY)
        .filter(Q(end__isnull=True) | Q(end__gte=BOARD_DAY))
        .select_related("organisation")
        .order_by("organisation__code")
        .first()
    )
    return membership.organisation if membership else None


def _write_meetings(rng) -> int:
    written = 0
    for name, (agm, board, executive) in MEETINGS.items():
        meeting_record(
            kind=MeetingKind.AGM,
            date=agm,
            title=f"Assemblée générale annuelle {name}",
            notes="Adoption des états financiers et élection des administrateurs.",
            agenda=AGM_AGENDA,
        )
        written += 1
        for kind, months, title in (
            (MeetingKind.BOARD, board, "Rencontre du conseil d'administration"),
            (MeetingKind.EXECUTIVE, executive, "Rencontre du comité exécutif"),
        ):
            for year, month in months:
                day = dt.date(year, month, rng.randint(8, 24))
                if day == agm:
                    day += dt.timedelta(days=1)
                meeting_record(kind=kind, date=day, title=title, agenda=AGENDA)
                written += 1
    return written


def _write_board(context) -> int:
    by_code = Organisation.objects.in_bulk(
        {code for _r, _e, code, *_rest in BOARD + PAST_AND_NEXT if code}, field_name="code"
    )
    by_code[SUPPORT_MEMBER] = _support_member()
    faker = context.faker
    written = 0
    for order, (role, executive, code, holders, start) in enumerate(BOARD, start=1):
        board_seat_create(
            role=role,
            is_executive=executive,
            organisation=by_code.get(code),
            holders=[(faker.first_name(), faker.last_name()) for _holder in range(holders)],
            term_start=start,
            order=order,
        )
        written += 1
    for role, executive, code, start, end in PAST_AND_NEXT:
        board_seat_create(
            role=role,
            is_executive=executive,
            organisation=by_code.get(code),
            holders=[(faker.first_name(), faker.last_name())],
            term_start=start,
            term_end=end,
            order=len(BOARD) + 1,
        )
        written += 1
    return written


AGM_AGENDA = (
    "1. Ouverture et vérification du quorum\n2. Rapport d'activités\n"
    "3. États financiers audités\n4. Élection des administrateurs\n5. Levée"
)
AGENDA = (
    "1. Ouverture et vérification du quorum\n2. Adoption du procès-verbal\n"
    "3. Suivi financier\n4. Développement des affaires\n5. Levée"
)
RESOLUTIONS = [
    "Adopter le procès-verbal de la rencontre précédente.",
    "Adopter le suivi budgétaire au dernier jour du mois.",
]


def _write_attendance(rng) -> int:
    """The people present at the board's and the executive's meetings (most seats, a guest from
    the general management) and the resolutions of the board's meetings."""
    written = 0
    meetings = Meeting.objects.exclude(kind=MeetingKind.AGM).order_by("date", "kind")
    for meeting in meetings:
        seats = body_seats_on(meeting.kind, meeting.date).prefetch_related("holders")
        holders = [holder for seat in seats for holder in seat.holders.all() if rng.random() > 0.15]
        meeting_attendance_record(meeting=meeting, holders=holders, others=["Direction générale"])
        if meeting.kind == MeetingKind.BOARD:
            for number, text in enumerate(RESOLUTIONS, start=1):
                resolution_record(
                    meeting=meeting, number=f"CA-{meeting.date:%Y-%m}-{number}", text=text
                )
        written += 1
    return written


def write(context) -> dict[str, int]:
    return {
        "meetings": _write_meetings(context.rng("governance")),
        "board_seats": _write_board(context),
        "attendances": _write_attendance(context.rng("governance-attendance")),
    }
