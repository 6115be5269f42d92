"""mkdocs.yml is checked as strictly as a record: every mistake is one message with its line, never a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.config import PLUGIN_OPTIONS, load_config, material_languages
from generator.errors import ConfigError
from generator.yaml_reader import DEFAULT_LIMITS, Limits
from tests.conftest import ROOT, copy_project, paris_project

BRIEFING = Path(sys.executable).with_name("briefing")

VALID = """\
site_name: Test
site_url: https://briefing.example.org/desk
theme:
  name: material
  language: de
plugins:
  - search
  - briefing:
      allow_stale_translations: !ENV [BRIEFING_ALLOW_STALE_TRANSLATIONS, false]
      languages:
        de: {locale: de_DE, quotes: ["„", "“", "‚", "‘"]}
        en: {locale: en_GB, quotes: ["“", "”", "‘", "’"]}
      rights:
        publisher: Desk
        licence: CC BY 4.0
        licence_url: https://creativecommons.org/licenses/by/4.0/
        credit: {de: "Quelle: Desk", en: "Source: Desk"}
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}
"""
"""A small valid mkdocs.yml with MkDocs' tags; the cases below spoil one line of it (line numbers count from 1)."""

URL_HINT = "the address the site is published at, e.g. `site_url: https://briefing.example.org/`"
FOLDER_HINT = "create {0}/ or set `{1}:` to another folder; it holds {2}"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with VALID and its (empty) folders, as the working directory, so messages say `mkdocs.yml`."""
    for name in ("content", "templates", "locales", "docs"):
        (tmp_path / name).mkdir()
    (tmp_path / "mkdocs.yml").write_text(VALID, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEFING_ALLOW_STALE_TRANSLATIONS", raising=False)
    return tmp_path


def refusal(root: Path) -> str:
    with pytest.raises(ConfigError) as refused:
        load_config(root)
    return str(refused.value)


def replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)
    return edit


def test_the_valid_configuration_loads_with_mkdocs_tags(project: Path) -> None:
    config = load_config(project)
    assert config.site_url == "https://briefing.example.org/desk/"  # normalised to a folder, as MkDocs does
    assert config.rights.copyright_holder == "Desk"
    assert config.rights.credit == {"de": "Quelle: Desk", "en": "Source: Desk"}
    assert config.limits == DEFAULT_LIMITS


def test_the_repository_configuration_loads() -> None:
    config = load_config(ROOT)
    assert config.site_url.startswith("https://") and config.site_url.endswith("/")
    assert config.rights.licence_url.startswith("https://")


@pytest.mark.parametrize(("edit", "message"), [
    pytest.param(lambda text: text + "site_name: [\n",
                 "mkdocs.yml:21:13: YAML syntax error: while parsing a flow node: expected the node content, but found "
                 "'<stream end>' (check the indentation and quoting; a value with `: `, `#`, `[` or `{` needs quotes)",
                 id="invalid-yaml"),
    pytest.param(replace("site_url: https://briefing.example.org/desk\n", ""),
                 f"mkdocs.yml:1:1: site_url: missing ({URL_HINT})", id="site-url-missing"),
    pytest.param(replace("https://briefing.example.org/desk", "not a url"),
                 f"mkdocs.yml:2:11: site_url: 'not a url' is not an absolute https URL ({URL_HINT})",
                 id="site-url-not-a-url"),
    pytest.param(replace("https://briefing.example.org/desk", "http://briefing.example.org/"),
                 f"mkdocs.yml:2:11: site_url: 'http://briefing.example.org/' is not an absolute https URL ({URL_HINT})",
                 id="site-url-http"),
    pytest.param(replace("https://briefing.example.org/desk", "https://desk:secret@briefing.example.org/"),
                 "mkdocs.yml:2:11: site_url: 'https://desk:secret@briefing.example.org/' has a user name or password "
                 f"in it (remove the part up to `@`; {URL_HINT})", id="site-url-userinfo"),
    pytest.param(replace("https://briefing.example.org/desk", '"https://briefing.example.org/a b"'),
                 "mkdocs.yml:2:11: site_url: 'https://briefing.example.org/a b' contains ' ', which a URL cannot hold "
                 f"(percent-encode it; {URL_HINT})", id="site-url-space"),
    pytest.param(replace("licence_url: https://creativecommons.org/licenses/by/4.0/", "licence_url: 'javascript:x'"),
                 "mkdocs.yml:16:22: plugins.briefing.rights.licence_url: 'javascript:x' is not an absolute https or "
                 "http URL (give the licence's web address, e.g. https://creativecommons.org/licenses/by/4.0/)",
                 id="licence-url-javascript"),
    pytest.param(replace("site_name: Test", "site_name: [Test, Desk]"),
                 "mkdocs.yml:1:12: site_name: a list is not text (write it as text, in quotes if need be)",
                 id="site-name-list"),
    pytest.param(replace("publisher: Desk", 'publisher: "De\\u0007sk"'),
                 "mkdocs.yml:14:20: plugins.briefing.rights.publisher: control character U+0007 is not allowed "
                 "(write it on one line, without control characters)", id="publisher-control-character"),
    pytest.param(replace("        publisher: Desk\n", ""),
                 "mkdocs.yml:13:7: plugins.briefing.rights.publisher: missing (who publishes the briefings, "
                 "e.g. `publisher: Briefing Desk`)", id="publisher-missing"),
    pytest.param(replace('credit: {de: "Quelle: Desk", en: "Source: Desk"}', 'credit: {de: {text: Quelle}}'),
                 "mkdocs.yml:17:22: plugins.briefing.rights.credit.de: a mapping is not text (write it as text, "
                 "in quotes if need be)", id="credit-mapping"),
    pytest.param(replace('credit: {de: "Quelle: Desk", en: "Source: Desk"}', 'credit: {fr: "Source : Desk"}'),
                 "mkdocs.yml:17:18: plugins.briefing.rights.credit.fr: 'fr' is not a configured language (use de, en)",
                 id="credit-unknown-language"),
    pytest.param(replace("language: de", "language: xx"),
                 "mkdocs.yml:5:13: theme.language: 'xx' is not a language of the Material theme (use one of "
                 "Material's languages: ", id="theme-language-unknown"),
    pytest.param(replace("language: de", "language: DE"),
                 "mkdocs.yml:5:13: theme.language: 'DE' is not a language of the Material theme (did you mean de?)",
                 id="theme-language-close-match"),
    pytest.param(replace("      languages:\n", "      languges:\n"),
                 "mkdocs.yml:10:7: plugins.briefing.languges: unknown setting 'languges' (did you mean `languages`?)",
                 id="unknown-setting"),
    pytest.param(replace("        licence: CC BY 4.0", "        license: CC BY 4.0"),
                 "mkdocs.yml:15:9: plugins.briefing.rights.license: unknown setting 'license' (did you mean "
                 "`licence`?)", id="unknown-rights-setting"),
    pytest.param(lambda text: re.sub(r"      languages:\n(        .*\n)*", "      languages: 3\n", text),
                 "mkdocs.yml:10:18: plugins.briefing.languages: 3 is not a mapping (give each language with its "
                 "locale and quotes, e.g. `de: {locale: de_DE, quotes: [„, “, ‚, ‘]}`)", id="languages-wrong-type"),
    pytest.param(replace("        de: {locale", "        ../de: {locale"),
                 "mkdocs.yml:11:9: plugins.briefing.languages.../de: '../de' is not a language code (use a lowercase "
                 "ISO 639 code such as de or en, in quotes if YAML reads it otherwise (`\"no\"`))",
                 id="language-code-path"),
    pytest.param(replace("      allow_stale_translations: !ENV [BRIEFING_ALLOW_STALE_TRANSLATIONS, false]\n",
                         "      allow_stale_translations: maybe\n"),
                 "mkdocs.yml:9:33: plugins.briefing.allow_stale_translations: 'maybe' is not true or false "
                 "(write true or false)", id="switch-not-a-boolean"),
    pytest.param(lambda text: text.replace("      rights:\n", "      limits: {record_bytes: 0}\n      rights:\n"),
                 "mkdocs.yml:13:30: plugins.briefing.limits.record_bytes: 0 is not a whole number from 1 to "
                 "67,108,864 (the default is 262144)", id="limit-zero"),
    pytest.param(lambda text: text.replace("      rights:\n", "      limits: {depth: 1000}\n      rights:\n"),
                 "mkdocs.yml:13:23: plugins.briefing.limits.depth: 1000 is not a whole number from 1 to 100 "
                 "(the default is 24)", id="limit-too-high"),
    pytest.param(lambda text: text.replace("      rights:\n", "      limits: {values: true}\n      rights:\n"),
                 "mkdocs.yml:13:24: plugins.briefing.limits.values: true is not a whole number from 1 to 1,000,000 "
                 "(the default is 5000)", id="limit-not-a-number"),
    pytest.param(lambda text: text.replace("      rights:\n", "      limits: {recordbytes: 10}\n      rights:\n"),
                 "mkdocs.yml:13:16: plugins.briefing.limits.recordbytes: unknown setting 'recordbytes' (did you mean "
                 "`record_bytes`?)", id="limit-typo"),
    pytest.param(lambda text: text + "site_url: https://other.example.org/\n",
                 "mkdocs.yml:21:1: site_url: given twice, first at line 2 (remove one of the two)", id="duplicate-key"),
    pytest.param(lambda text: text.split("      rights:\n")[0] + "markdown_extensions: []\n",
                 "mkdocs.yml:8:5: plugins.briefing.rights: missing (add `rights:` with publisher and licence (and "
                 "licence_url, credit, usage_terms); every output carries them)", id="rights-missing"),
    pytest.param(lambda text: text.replace("      languages:\n", "      templates_dir: layouts\n      languages:\n"),
                 "mkdocs.yml:10:22: plugins.briefing.templates_dir: the folder 'layouts' does not exist (create it "
                 "or correct the name; it holds the templates)", id="templates-dir-missing"),
    pytest.param(lambda text: text.replace("      languages:\n", "      content_dir: ../elsewhere\n      languages:\n"),
                 "mkdocs.yml:10:20: plugins.briefing.content_dir: '../elsewhere' lies outside the project {root} "
                 "(give a folder inside it)", id="content-dir-outside"),
    pytest.param(lambda text: "docs_dir: /etc\n" + text,
                 "mkdocs.yml:1:11: docs_dir: '/etc' lies outside the project {root} (give a folder inside it)",
                 id="docs-dir-outside"),
    pytest.param(lambda text: "- site_name\n",
                 "mkdocs.yml:1:1: the file must hold a mapping of settings (start with `site_name: …` and "
                 "`site_url: …`)", id="not-a-mapping"),
])
def test_a_broken_setting_is_one_message_with_its_line(project: Path, edit: Callable[[str], str],
                                                        message: str) -> None:
    (project / "mkdocs.yml").write_text(edit(VALID), encoding="utf-8")
    assert refusal(project).startswith(message.replace("{root}", str(project.resolve())))


@pytest.mark.parametrize(("folder", "key", "what", "where"), [
    ("content", "content_dir", "the records", "8:5"),
    ("templates", "templates_dir", "the templates", "8:5"),
    ("locales", "locales_dir", "the translation catalogs", "8:5"),
    ("docs", "docs_dir", "MkDocs' own pages and may stay empty", "1:1"),
])
def test_a_missing_default_folder_is_named_at_the_entry_that_defaults_it(project: Path, folder: str, key: str,
                                                                         what: str, where: str) -> None:
    (project / folder).rmdir()
    setting = key if key == "docs_dir" else f"plugins.briefing.{key}"
    assert refusal(project) == (f"mkdocs.yml:{where}: {setting}: the folder {folder}/ (the default) does not exist "
                                f"({FOLDER_HINT.format(folder, key, what)})")


def test_every_option_the_mkdocs_plugin_declares_is_accepted() -> None:
    from generator.outputs.site.plugin import BriefingPluginConfig

    assert {name for name, _ in BriefingPluginConfig._schema} <= set(PLUGIN_OPTIONS)


def test_env_tags_are_resolved_as_mkdocs_resolves_them(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_ALLOW_STALE_TRANSLATIONS", "true")
    load_config(project)
    monkeypatch.setenv("BRIEFING_ALLOW_STALE_TRANSLATIONS", "perhaps")
    assert refusal(project).startswith(
        "mkdocs.yml:9:33: plugins.briefing.allow_stale_translations: 'perhaps' is not true or false")


def test_the_theme_languages_are_the_partials_material_ships(project: Path) -> None:
    import material

    shipped = Path(material.__file__).parent / "templates" / "partials" / "languages"
    assert material_languages() == {path.stem for path in shipped.glob("*.html")}
    assert {"de", "en", "pt-BR", "zh-Hant"} <= material_languages()


def test_a_theme_language_of_the_projects_own_partials_is_accepted(project: Path) -> None:
    (project / "overrides" / "partials" / "languages").mkdir(parents=True)
    (project / "overrides" / "partials" / "languages" / "x-desk.html").write_text("", encoding="utf-8")
    text = VALID.replace("language: de", "language: x-desk\n  custom_dir: overrides")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    load_config(project)


def test_limits_are_carried_in_the_config(project: Path) -> None:
    limits = "      limits:\n        record_bytes: 2048\n        depth: 6\n        values: 100\n"
    text = VALID.replace("      rights:\n", limits + "      rights:\n")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert load_config(project).limits == Limits(record_bytes=2048, depth=6, values=100)


def test_nested_aliases_and_deep_nesting_are_cheap_to_refuse(project: Path) -> None:
    laughs = "lol0: &l0 [a, a, a, a, a, a, a, a, a]\n" + "".join(
        f"lol{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
    (project / "mkdocs.yml").write_text(VALID + laughs, encoding="utf-8")
    load_config(project)  # 9**10 leaves if expanded; read as the references they are
    (project / "mkdocs.yml").write_text(VALID + "extra: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert refusal(project).startswith("mkdocs.yml:21:57: nested deeper than 50 levels")


# --- every command reports them ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def paris() -> Path:
    return paris_project()


BROKEN = {
    "invalid-yaml": (lambda text: text + "site_name: [\n", "YAML syntax error"),
    "site-url-missing": (lambda text: re.sub(r"(?m)^site_url:.*\n", "", text), "site_url: missing"),
    "site-url-not-a-url": (lambda text: re.sub(r"(?m)^site_url:.*$", "site_url: not a url", text),
                           "site_url: 'not a url' is not an absolute https URL"),
    "licence-url": (lambda text: re.sub(r"licence_url: .*", "licence_url: 'javascript:x'", text),
                    "plugins.briefing.rights.licence_url: 'javascript:x' is not an absolute https or http URL"),
    "theme-language": (lambda text: re.sub(r"(?m)^  language: .*$", "  language: xx", text),
                       "theme.language: 'xx' is not a language of the Material theme"),
    "unknown-setting": (lambda text: text.replace("      source_language:", "      source_languages:"),
                        "plugins.briefing.source_languages: unknown setting"),
    "languages-wrong-type": (lambda text: re.sub(r"(?s)      languages:\n.*?      rights:", "      languages: 3\n"
                                                  "      rights:", text),
                             "plugins.briefing.languages: 3 is not a mapping"),
    "content-dir-missing": (lambda text: text.replace("      source_language:", "      content_dir: contents\n"
                                                      "      source_language:"),
                            "plugins.briefing.content_dir: the folder 'contents' does not exist"),
    "docs-dir-missing": (lambda text: re.sub(r"(?m)^docs_dir: .*$", "docs_dir: pages", text),
                         "docs_dir: the folder 'pages' does not exist"),
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([str(BRIEFING), *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
                          env=env)


@pytest.mark.parametrize("case", list(BROKEN))
def test_export_reports_a_broken_mkdocs_yml(paris: Path, tmp_path: Path, case: str) -> None:
    root = copy_project(paris, tmp_path / "project")
    edit, expected = BROKEN[case]
    (root / "mkdocs.yml").write_text(edit((root / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    result = run("export", cwd=root)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert re.match(rf"mkdocs\.yml:\d+:\d+: {re.escape(expected)}", result.stderr), output
    assert "Traceback" not in output and "bug in briefing" not in output
    assert not (root / "site").exists()


@pytest.mark.parametrize("command", [["validate"], ["build"], ["pdf"], ["serve"], ["i18n", "status"],
                                     ["i18n", "extract"]])
def test_every_command_reports_a_broken_mkdocs_yml(paris: Path, tmp_path: Path, command: list[str]) -> None:
    root = copy_project(paris, tmp_path / "project")
    mkdocs = root / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8") + "site_name: [\n", encoding="utf-8")
    result = run(*command, "--project", str(root), cwd=root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert re.match(r"mkdocs\.yml:\d+:\d+: YAML syntax error: ", result.stderr), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
