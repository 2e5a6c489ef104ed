"""Everything the platform holds about one person, section by section, each read in one query.

A person is a `Subject`: an expert, a user, a person signed up for events (a registrant, found
by e-mail) or a member contact (a user who represents a member organisation on the portal).
`SUBJECTS` maps each kind to the function that finds the person and the one that lists their
sections; a new kind of person plugs in with one entry (docs/privacy.md).
"""

from consortium.privacy.selectors.contacts import contact_sections, find_contact
from consortium.privacy.selectors.experts import expert_sections, find_expert
from consortium.privacy.selectors.registrants import find_registrant, registrant_sections
from consortium.privacy.selectors.sections import Section, Subject, SubjectKinds
from consortium.privacy.selectors.users import find_user, user_sections

SUBJECTS = SubjectKinds(
    find={
        "expert": find_expert,
        "user": find_user,
        "registrant": find_registrant,
        "contact": find_contact,
    },
    sections={
        "expert": expert_sections,
        "user": user_sections,
        "registrant": registrant_sections,
        "contact": contact_sections,
    },
)


def subject_sections(subject: Subject) -> list[Section]:
    return SUBJECTS.sections[subject.kind](subject.row)


def find_subject(kind: str, key: str) -> Subject:
    """The person of `kind` known by `key` (an expert's code, a username, an e-mail), or Http404."""
    return Subject(kind=kind, row=SUBJECTS.find[kind](key))


__all__ = ["SUBJECTS", "Section", "Subject", "find_subject", "subject_sections"]
