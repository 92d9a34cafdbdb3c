"""Building a roster from last year's submissions (pure: identities in, roster out)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from assistant.rollup.collect import Identity
from assistant.rollup.names import name_key
from assistant.rollup.roster import Roster, RosterUnit, UnitKind

_TOWNSHIP: Final = re.compile(r"(?:乡|镇|街道)(?:人民政府|政府|办事处)?$|街道办$")


def guess_unit_kind(name: str) -> UnitKind:
    """乡镇街道 for a township or street office (by its name's ending), else 部门."""
    return UnitKind.TOWNSHIP if _TOWNSHIP.search(name) else UnitKind.DEPARTMENT


def add_identities(roster: Roster, identities: Iterable[Identity]) -> tuple[Roster, list[str]]:
    """``roster`` with a unit for each new name, and the names added (known ones are kept)."""
    units = list(roster.units)
    known = {name_key(n) for u in units for n in u.names}
    added: list[str] = []
    for identity in identities:
        key = name_key(identity.name)
        if key in known or key == name_key(roster.government):
            continue
        known.add(key)
        units.append(
            RosterUnit(
                name=identity.name,
                kind=guess_unit_kind(identity.name),
                contact=identity.contact,
            )
        )
        added.append(identity.name)
    return roster.model_copy(update={"units": units}), added
