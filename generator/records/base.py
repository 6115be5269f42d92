"""The strict base every record builds on: text, localized text, names and references."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema

from generator.records.text import SLUG, TextSyntaxError, parse_text
from generator.yaml_reader import UnquotedDate

SLUG_PATTERN = f"^{SLUG}$"


class StrictModel(BaseModel):
    """Unknown fields are errors and records never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _text(value: Any) -> Any:
    if isinstance(value, UnquotedDate):
        raise ValueError(f"unquoted {value} reads as a date in YAML 1.1; text is expected here")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    try:
        parse_text(value)
    except TextSyntaxError as exc:
        raise ValueError(str(exc)) from None
    return value


Text = Annotated[str, BeforeValidator(_text), AfterValidator(_not_blank)]
"""A string a reader sees; may use the placeholder markup of `generator.records.text`."""


class LocalizedDict(dict):
    """Marks a mapping of language → text or names, so checks can find every translation."""


def _configured_languages(value: dict[str, Any], info: ValidationInfo) -> LocalizedDict:
    languages = (info.context or {}).get("languages")
    if languages:
        unknown = sorted(set(value) - set(languages))
        if unknown:
            raise ValueError(
                f"language {', '.join(unknown)} is not configured (configured: {', '.join(languages)}; "
                "add it under plugins.briefing.languages in mkdocs.yml)"
            )
    if not value:
        raise ValueError("give the text in at least one language")
    return LocalizedDict(value)


LocalizedText = Annotated[
    dict[str, Text],
    AfterValidator(_configured_languages),
    Field(json_schema_extra={"propertyNames": {"pattern": "^[a-z]{2,3}(_[A-Za-z]+)?$"}}),
]
"""Text per language: `{de: …, en: …}`. Missing languages are reported by the checks."""


class NameForms(StrictModel):
    """How a name is written in one language."""

    full: Text = Field(description="Full name, e.g. Wolodymyr Selenskyj")
    short: Text | None = Field(None, description="Short form for repeat mentions, e.g. Selenskyj")

    @property
    def short_or_full(self) -> str:
        return self.short or self.full


LocalizedNames = Annotated[dict[str, NameForms], AfterValidator(_configured_languages)]


class RefId(str):
    """A record id that must resolve to a record of one of `kinds`."""

    kinds: tuple[str, ...] = ()
    hierarchical: bool = False


def Ref(*kinds: str, hierarchical: bool = False) -> Any:  # noqa: N802 - reads like a type
    """A reference to a record of the given kinds (folder names).

    `hierarchical` marks containment (a place within a place), which must not form a cycle.
    """

    def make(value: str) -> RefId:
        ref = RefId(value)
        ref.kinds, ref.hierarchical = kinds, hierarchical
        return ref

    return Annotated[
        str,
        Field(pattern=SLUG_PATTERN),
        AfterValidator(make),
        WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN,
                        "description": f"id of a record in {' or '.join(kinds)}"}),
    ]


SourceRefs = Annotated[list[Ref("sources")], Field(min_length=1, description="Sources backing this record")]
