"""What the self-test's checks share: the temporary folder, the reference database opened
once, a headless Qt, the sample place and proposals, and the failure they raise."""
from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import samples


class SelfTestFailure(Exception):
    """A check ran but its result is wrong."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


@dataclass
class Context:
    args: argparse.Namespace
    folder: Path
    opened: list = field(default_factory=list)   # stores to close at the end

    @cached_property
    def reference(self):
        from ...models.reference import ReferenceStore

        store = ReferenceStore(self.args.reference)
        self.opened.append(store)
        return store

    def qt(self):
        """The QApplication (created once) that painting, fonts and widgets need: a widget
        one from the first family on, since the charts and the main window show widgets."""
        from ..map_setup import headless_application

        return headless_application(widgets=True)

    @cached_property
    def place(self) -> samples.Place:
        return samples.place_in_a_qpv(self.reference)

    def workspace(self, name: str):
        from ...models.workspace import Workspace

        workspace = Workspace(self.folder / f"{name}.sqlite")
        self.opened.append(workspace)
        return workspace

    @cached_property
    def proposals(self) -> list:
        """One equipment point and one « quartier vécu » square, stored the app's way."""
        from shapely.geometry import box

        from ...models.proposals import ProposalStore

        store = ProposalStore(self.workspace("proposals"), self.reference)
        x, y = self.place.inside.x, self.place.inside.y
        (equipment, _, _), (lived, _, _) = samples.SAMPLE_FEATURES
        store.add("equipement", self.place.inside,
                  {"title": equipment, "category": "sante", "status": "idee",
                   "qpv_code": self.place.qpv_code})
        store.add("quartier_vecu", box(x - 60, y - 60, x + 60, y + 60),
                  {"title": lived, "qpv_code": self.place.qpv_code})
        return store.list()

    def close(self) -> None:
        for store in reversed(self.opened):
            store.close()
