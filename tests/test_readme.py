"""The README's reference for content authors agrees with the code it describes.

Why a test: the tables of record kinds and section roles are written for
people, by hand; a field or a role added to the models without a line in
the README would leave authors guessing, so the test names what is missing.
"""

from __future__ import annotations

import re

import pytest

from generator.checks import SECTION_KINDS
from generator.records import KINDS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _rows(heading: str) -> dict[str, str]:
    """The rows of the first table under a heading, by the code in their first cell."""
    section = README.split(f"### {heading}\n", 1)[1].split("\n### ", 1)[0]
    return {match[1]: match[2] for match in re.finditer(r"^\| `([a-z-]+)` \|(.*)\|$", section, re.M)}


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_of_every_kind_is_in_the_readme(kind: str) -> None:
    row = _rows("Record kinds").get(kind)
    assert row is not None, f"README's Record kinds table has no row for {kind}"
    for name, field in KINDS[kind].model_fields.items():
        written = f"**`{name}`**" if field.is_required() else f"`{name}`"
        assert written in row, f"README's row for {kind} lacks {written}"


@pytest.mark.parametrize("role", SECTION_KINDS)
def test_every_section_role_is_in_the_readme_with_what_it_takes(role: str) -> None:
    row = _rows("Sections of a briefing").get(role)
    assert row is not None, f"README's Sections table has no row for {role}"
    taken = row.rsplit("|", 1)[-1]
    for kind in SECTION_KINDS[role]:
        assert kind in taken, f"README says {role} does not take {kind}"
