"""The strict base every record builds on: text, localized text, names (with their grammar) and references."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from generator.records.text import SLUG, Case, TextSyntaxError, parse_text
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


_GERMAN_ARTICLES: dict[str, dict[str, str]] = {
    "nom": {"masculine": "der", "feminine": "die", "neuter": "das", "plural": "die"},
    "gen": {"masculine": "des", "feminine": "der", "neuter": "des", "plural": "der"},
    "dat": {"masculine": "dem", "feminine": "der", "neuter": "dem", "plural": "den"},
    "acc": {"masculine": "den", "feminine": "die", "neuter": "das", "plural": "die"},
}

ARTICLE_LANGUAGES = ("de", "en")
"""Languages with a definite article, whose names must say whether they take it before a case is asked."""


def _base_language(code: str) -> str:
    return code.split("_")[0]


def definite_article(language: str, case: Case, gender: str | None, number: str = "singular") -> str | None:
    """The definite article before a name in `case`; None in a language without one (or a gender not given).

    Why a table in code: it is grammar, the same for every name, so records
    give only what the table cannot know (gender, number, declined forms).

    >>> [definite_article("de", case, "masculine") for case in ("nom", "gen", "dat", "acc")]
    ['der', 'des', 'dem', 'den']
    >>> definite_article("de", "dat", "feminine"), definite_article("de", "dat", None, "plural")
    ('der', 'den')
    >>> definite_article("en", "gen", None), definite_article("uk", "dat", "feminine")
    ('the', None)
    """
    base = _base_language(language)
    if base == "en":
        return "the"
    if base == "de":
        return _GERMAN_ARTICLES[case].get("plural" if number == "plural" else gender or "")
    return None


class MissingNameFormError(ValueError):
    """A name asked for in a case its record cannot give; the message says what is missing, `hint` what to add."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


class NameForms(StrictModel):
    """How a name is written in one language, and how it declines.

    The grammatical fields are left out of the translation fingerprint
    (`exclude`): a translator confirms the words of a name, and adding a
    German gender or genitive is no reason to check the English again.
    """

    full: Text = Field(description="Full name, e.g. Wolodymyr Selenskyj")
    short: Text | None = Field(None, description="Short form for repeat mentions, e.g. Selenskyj")
    article: bool | None = Field(None, exclude=True, description=(
        "Whether the name takes the definite article when a case is asked: true for der Deutsche Bundestag, "
        "die Ukraine, die Vereinigten Staaten, the United States; false for Deutschland, France and people"))
    short_article: bool | None = Field(None, exclude=True, description=(
        "Whether the short form takes it, where that differs from the full name: false for Großbritannien "
        "(das Vereinigte Königreich) and for NATO in English (the North Atlantic Treaty Organization)"))
    gender: Literal["masculine", "feminine", "neuter"] | None = Field(None, exclude=True, description=(
        "German grammatical gender, which the article follows: masculine (der Bundestag), feminine (die EU), "
        "neuter (das Vereinigte Königreich); needed when a singular name takes the article"))
    number: Literal["singular", "plural"] = Field("singular", exclude=True, description=(
        "plural for names like die Vereinigten Staaten and die USA (den Vereinigten Staaten)"))
    full_cases: dict[Case, Text] = Field(default_factory=dict, exclude=True, description=(
        "The full name in each case where it differs from `full`, as it follows the article (or stands, "
        "without one): nom: Deutsche Bundestag, gen: Deutschen Bundestages, dat: Deutschen Bundestag; "
        "gen: Deutschlands"))
    short_cases: dict[Case, Text] = Field(default_factory=dict, exclude=True, description=(
        "The short form in each case where it differs from `short`: gen: Bundestages"))

    @property
    def short_or_full(self) -> str:
        return self.short or self.full

    @model_validator(mode="after")
    def _short_grammar_needs_a_short_form(self) -> NameForms:
        if self.short is None and (self.short_article is not None or self.short_cases):
            raise ValueError("short_article and short_cases describe a short form: add short: or remove them")
        return self

    def inflect(self, language: str, case: Case, *, short: bool = False) -> tuple[str | None, str]:
        """The name in `case` and the article before it: `("dem", "Deutschen Bundestag")`, `(None, "Deutschlands")`.

        Args:
            language: The language these forms are in (it decides the article).
            short: The short form (the full one where there is none).

        Raises:
            MissingNameFormError: the name does not say whether it takes the article, or has no German genitive
                although it needs one (names without an article and masculine or neuter names with one
                take an ending: Deutschlands, des Bundestages).
        """
        short = short and self.short is not None
        takes = self.short_article if short and self.short_article is not None else self.article
        if takes is None and _base_language(language) in ARTICLE_LANGUAGES:
            raise MissingNameFormError("does not say whether it takes the definite article",
                                       "add article: true as for der Bundestag or the EU, false as for Deutschland")
        field, declined = ("short_cases", self.short_cases) if short else ("full_cases", self.full_cases)
        if case not in declined and case == "gen" and _base_language(language) == "de" and (
                not takes or (self.number == "singular" and self.gender != "feminine")):
            raise MissingNameFormError("has no genitive", f"add {field}: {{gen: …}} as in Bundestages or Deutschlands")
        article = definite_article(language, case, self.gender, self.number) if takes else None
        return article, declined.get(case) or (self.short_or_full if short else self.full)


def _names(value: dict[str, NameForms], info: ValidationInfo) -> LocalizedDict:
    """Names per language; a German name taking the article gives its gender (or plural), which the article follows."""
    for code, forms in value.items():
        if (_base_language(code) == "de" and (forms.article or forms.short_article) and forms.gender is None
                and forms.number == "singular"):
            raise ValueError(f"the {code} name takes the article, which follows its gender: "
                             "add gender: masculine, feminine or neuter (or number: plural)")
    return _configured_languages(value, info)


LocalizedNames = Annotated[dict[str, NameForms], AfterValidator(_names)]

Aliases = Annotated[list[Text], Field(
    default_factory=list, exclude=True,
    description="Other spellings readers may search for, in no particular language (transliterations such as "
                "Zelenskyy, a former name); the site's search finds the record's pages under each, with or "
                "without accents")]
"""Spellings beyond the names per language: search only, no output prints them, so they are left out of
the fingerprints (`exclude`) that tell translators and published versions a record changed."""


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
