"""The invoices every page test reads, around the scene (`testing.scene`): a draft and an
issued invoice of mandate M-CPT (department CPT, directed by `director`) for the Coopérative
du Fjord, and an issued invoice of M-RH (department RH, directed by `director_elsewhere`)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from consortium.billing.models import Invoice
from consortium.testing.factories import InvoiceEntryFactory, draft_invoice, issued_invoice
from consortium.testing.scene import Scene, make_scene


@dataclass
class World:
    scene: Scene
    draft: Invoice
    issued: Invoice
    elsewhere: Invoice

    def user(self, who: str):
        return getattr(self.scene.people, who)


def make_world() -> World:
    scene = make_scene()
    draft = draft_invoice(scene.organisation, mandate=scene.mandate, amounts=["700.00"])
    line = draft.lines.get()
    line.kind, line.hours, line.rate = "hours", Decimal("7"), Decimal("100")
    line.save()
    for entry in scene.mandate.time_entries.order_by("date")[:1]:
        InvoiceEntryFactory(line=line, time_entry=entry, hours=Decimal("7"))
    issued = issued_invoice(
        scene.organisation, mandate=scene.mandate, issued_on=dt.date(2020, 7, 1)
    )
    elsewhere = issued_invoice(
        scene.organisation, mandate=scene.other_mandate, issued_on=dt.date(2020, 7, 2)
    )
    return World(scene=scene, draft=draft, issued=issued, elsewhere=elsewhere)
