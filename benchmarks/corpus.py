"""A synthetic content folder of realistic shape, for benchmarks of every stage.

Per briefing: one event at a building within a city, two states, three
people with roles, five facts with typed values (count, money over a
duration, percentage, duration, date), four statements (two quotes, reported
speech, a state's position), and the briefing with its sections. Shared by
all briefings: sources and topics; one dossier per ten briefings. The output
is deterministic for a given seed and validates without errors or warnings.

    python benchmarks/corpus.py /tmp/corpus --briefings 50
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

RECORDS_PER_BRIEFING = 18
"""Event, 2 organisations, 3 people, 2 places, 5 facts, 4 statements, the briefing."""
SOURCES = 8
TOPICS = 3
BRIEFINGS_PER_DOSSIER = 10

_FIRST = ["Anna", "Boris", "Clara", "Daniel", "Elena", "Farid", "Greta", "Hugo", "Ilse", "Jonas", "Katarzyna",
          "Lukas", "Marta", "Nikolai", "Olga", "Pierre", "Rosa", "Stefan", "Tomasz", "Ursula", "Viktor", "Wanda"]
_LAST = ["Albrecht", "Berger", "Costa", "Dumont", "Eriksen", "Fischer", "Gallo", "Horvath", "Ivanova", "Jansen",
         "Kowalski", "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Quint", "Rossi", "Schmidt", "Torres"]
# German and English transliterations differ for some names, as Selenskyj and Zelensky do.
_TRANSLITERATED = [("Wolodymyr Hrusch", "Volodymyr Hrush"), ("Jurij Kowaltschuk", "Yuriy Kovalchuk"),
                   ("Olexandr Schewtschenko", "Oleksandr Shevchenko")]
_SYLLABLES = ["al", "bar", "cor", "dan", "el", "fen", "gor", "hal", "ist", "jun", "kar", "lum", "mor", "nor", "os",
              "pra", "ros", "sal", "tor", "val", "wen", "zel"]
_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "PLN", "UAH"]
_QUOTES = [
    ("keine Alternative zum Frieden", "no alternative to peace"),
    ("nicht nur Worte", "not just words"),
    ("verlässliche Garantien", "reliable guarantees"),
    ("ein entscheidender Schritt", "a decisive step"),
    ("Kompromisse auf beiden Seiten", "compromises on both sides"),
    ("konkrete Zusagen", "concrete commitments"),
]
_ANSWERS = ["yes", "no", "conditional", "leads"]


def corpus_size(briefings: int) -> int:
    """How many records `write_corpus` writes for that many briefings.

    >>> corpus_size(1), corpus_size(10), corpus_size(11)
    (30, 192, 211)
    """
    return briefings * RECORDS_PER_BRIEFING + SOURCES + TOPICS + -(-briefings // BRIEFINGS_PER_DOSSIER)


def briefings_for(records: int) -> int:
    """The number of briefings whose corpus comes closest to `records` records (at least one).

    >>> briefings_for(250), corpus_size(briefings_for(250))
    (13, 247)
    """
    return min(range(1, records // RECORDS_PER_BRIEFING + 2), key=lambda b: abs(corpus_size(b) - records))


def write_corpus(target_dir: Path, briefings: int, languages: Sequence[str] = ("de", "en"), *,
                 seed: int = 2026) -> int:
    """Write a valid content folder (`<kind>/<id>.yaml`) into `target_dir`; return the number of records.

    Args:
        target_dir: The content folder to fill; created if missing. Existing files of the same name are replaced.
        briefings: How many briefings, each with its own event, people, facts and statements.
        languages: Languages of every text. German and English get real sentences; any other language gets the
            English sentence marked with its code, so it still validates once configured.
        seed: The same seed gives byte-identical files.
    """
    if briefings < 1:
        raise ValueError("write at least one briefing")
    writer = _Corpus(Path(target_dir), tuple(languages), random.Random(seed))
    writer.shared()
    for number in range(briefings):
        writer.briefing(number)
    writer.dossiers(briefings)
    return writer.count


class _Corpus:
    def __init__(self, target: Path, languages: tuple[str, ...], rng: random.Random):
        self.target, self.languages, self.rng = target, languages, rng
        self.count = 0
        self.cited = 0
        self.people_of: list[list[str]] = []

    # --- writing -----------------------------------------------------------------------------------------------

    def write(self, kind: str, record_id: str, data: dict[str, Any]) -> None:
        folder = self.target / kind
        folder.mkdir(parents=True, exist_ok=True)
        lines = [f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json", *_block(data, 0)]
        (folder / f"{record_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.count += 1

    def text(self, de: str, en: str) -> dict[str, str]:
        """The sentence in every language of the corpus."""
        own = {"de": de, "en": en}
        return {language: own.get(language, f"[{language}] {en}") for language in self.languages}

    def names(self, de: str, en: str | None = None, short_de: str | None = None,
              short_en: str | None = None) -> dict[str, dict[str, str]]:
        forms = {"de": _name(de, short_de), "en": _name(en or de, short_en or short_de)}
        return {language: forms.get(language, forms["en"]) for language in self.languages}

    def source(self) -> list[str]:
        """Cite the shared sources in turn, so every one of them is used."""
        self.cited += 1
        return [f"source-{self.cited % SOURCES + 1:02d}"]

    def date(self, year: int) -> str:
        month = self.rng.randint(1, 12)
        return f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}"

    # --- records -----------------------------------------------------------------------------------------------

    def shared(self) -> None:
        for n in range(1, SOURCES + 1):
            self.write("sources", f"source-{n:02d}", {
                "title": self.text(f"Bericht Nummer {n} der Nachrichtenagentur", f"Report number {n} of the agency"),
                "publisher": f"Agentur {n}",
                "language": "de" if n % 2 else "en",
                "published": {"date": f"2025-{n:02d}"},
                "url": f"https://example.org/reports/{n}",
            })
        questions = [("Truppen", "Troops", "Entsendet das Land Soldaten?", "Will the country send soldiers?"),
                     ("Überwachung", "Monitoring", "Überwacht das Land den Waffenstillstand?",
                      "Does the country monitor the ceasefire?"),
                     ("Garantien", "Guarantees", "Gibt das Land Sicherheitsgarantien?",
                      "Does the country give security guarantees?")]
        for n, (label_de, label_en, question_de, question_en) in enumerate(questions, start=1):
            self.write("topics", f"topic-{n}", {"label": self.text(label_de, label_en),
                                                "question": self.text(question_de, question_en), "order": n})

    def briefing(self, n: int) -> None:
        rng = self.rng
        year = 2020 + n % 6
        suffix = f"{n + 1:04d}"
        states = [self.state(f"state-{suffix}-{k}") for k in (1, 2)]
        city, building = f"city-{suffix}", f"palace-{suffix}"
        city_name = _word(rng).capitalize()
        self.write("places", city, {"kind": "city", "name": self.names(city_name), "country": states[0]})
        self.write("places", building, {"kind": "building",
                                        "name": self.names(f"{city_name}-Palast", f"{city_name} Palace"),
                                        "within": city, "country": states[0]})
        people = [self.person(f"person-{suffix}-{k}", states[k % 2]) for k in (1, 2, 3)]
        self.people_of.append(people)
        event = f"summit-{suffix}"
        event_date = self.date(year)
        self.write("events", event, {
            "kind": rng.choice(["summit", "meeting", "conference"]),
            "name": self.names(f"Gipfel von {city_name} {year}", f"{city_name} summit {year}",
                               f"Gipfel von {city_name}", f"{city_name} summit"),
            "date": {"date": event_date},
            "place": building,
            "organiser": states[0],
            "participants": [{"who": person} for person in people[:2]]
                            + [{"who": people[2], "role": self.text("Sondergesandter", "special envoy")}],
            "summary": self.text(f"Treffen von {{@{states[0]},{states[1]}}} im {{@{building}}}.",
                                 f"Meeting of {{@{states[0]},{states[1]}}} at the {{@{building}}}."),
            "sources": self.source(),
        })
        facts = self.facts(suffix, event, states, year)
        statements = self.statements(suffix, event, states, people)
        self.write("briefings", f"briefing-{suffix}", {
            "title": self.text(f"{{@{states[0]}:short}} und {{@{states[1]}:short}} einigen sich in {{@{city}}}",
                               f"{{@{states[0]}:short}} and {{@{states[1]}:short}} agree in {{@{city}}}"),
            "standfirst": self.text(
                f"Beim {{@{event}}} haben {{@{states[0]},{states[1]}}} eine gemeinsame Erklärung unterzeichnet. "
                f"{{@{people[0]}:short}} sprach von einem Wendepunkt.",
                f"At the {{@{event}}}, {{@{states[0]},{states[1]}}} signed a joint declaration. "
                f"{{@{people[0]}:short}} spoke of a turning point."),
            "event": event,
            "published": {"datetime": f"{event_date}T18:00:00+01:00", "zone": "Europe/Berlin"},
            "status": "published",
            "summary": [facts[0], facts[1], statements[0], facts[2], statements[3]],
            "sections": [
                {"role": "key-points", "items": [facts[0], facts[1], statements[3]]},
                {"role": "key-figures", "items": [facts[0], facts[1], facts[2]]},
                {"role": "quotes", "items": statements[:3]},
                {"role": "positions", "items": [statements[0], statements[1], statements[3]]},
                {"role": "context", "items": [facts[3], facts[4]]},
                {"role": "outlook", "items": [facts[4]]},
            ],
        })

    def state(self, record_id: str) -> str:
        name = _word(self.rng).capitalize()
        self.write("organisations", record_id, {
            "kind": "state",
            "name": self.names(f"Republik {name}", f"Republic of {name}", name, name),
            "summary": self.text(f"Ein Staat namens {name}.", f"A state called {name}."),
        })
        return record_id

    def person(self, record_id: str, state: str) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            de, en = rng.choice(_TRANSLITERATED)
        else:
            de = en = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        title = rng.choice([("Präsident", "President"), ("Ministerpräsidentin", "Prime Minister"),
                            ("Außenminister", "Foreign Minister")])
        self.write("people", record_id, {
            "name": self.names(de, en, de.split()[-1], en.split()[-1]),
            "country": state,
            "roles": [{"title": self.text(*title), "organisation": state,
                       "since": {"date": f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}"},
                       "sources": self.source()}],
        })
        return record_id

    def facts(self, suffix: str, event: str, states: list[str], year: int) -> list[str]:
        rng = self.rng
        a, b = states
        bodies = [
            ("figure", {"countries": {"count": rng.randint(5, 60)}},
             "Am {date} kamen {countries} Länder zusammen, darunter " + f"{{@{a},{b}}}.",
             "On {date}, {countries} countries met, among them " + f"{{@{a},{b}}}."),
            ("decision", {"amount": {"money": rng.randint(1, 900) * 10**rng.randint(6, 9),
                                     "currency": rng.choice(_CURRENCIES)},
                          "period": {"duration": f"P{rng.randint(1, 5)}Y"}},
             f"{{@{a}:short}} hat {{amount}} Hilfe über {{period}} zugesagt.",
             f"{{@{a}:short}} pledged {{amount}} in aid over {{period}}."),
            ("figure", {"share": {"percentage": rng.randint(5, 950) / 10}},
             f"Der Anteil von {{@{b}:short}} an den Ausgaben liegt bei {{share}}.",
             f"The share of {{@{b}:short}} in the spending is {{share}}."),
            ("context", {"talks": {"duration": rng.choice(["P6M", "P1Y", "P3Y", "P18M", "P4Y"])}},
             "Die Gespräche dauern seit {talks} an.",
             "The talks have been going on for {talks}."),
            ("assessment", {"deadline": {"date": self.date(year + 1)}},
             "Die Vereinbarung soll am {deadline} in Kraft treten.",
             "The agreement is to take effect on {deadline}."),
        ]
        ids = []
        for k, (kind, values, de, en) in enumerate(bodies, start=1):
            record_id = f"fact-{suffix}-{k}"
            data: dict[str, Any] = {"kind": kind, "actors": [a] if k != 3 else [b], "event": event}
            if k == 2:
                data["date"] = {"date": "unknown"}
            data |= {"text": self.text(de, en), "values": values, "sources": self.source()}
            if k <= 3:
                data["label"] = self.text(f"Kennzahl {k}", f"Key figure {k}")
                data["figure"] = next(iter(values))
            self.write("facts", record_id, data)
            ids.append(record_id)
        return ids

    def statements(self, suffix: str, event: str, states: list[str], people: list[str]) -> list[str]:
        rng = self.rng
        (q1_de, q1_en), (q2_de, q2_en) = rng.sample(_QUOTES, 2)
        p1, p2, p3 = people
        a, b = states
        bodies: list[dict[str, Any]] = [
            {"kind": "partial-quote", "speaker": p1, "actor": b,
             "text": self.text(f'{{@{p1}:short}} sagte, es gebe {{"{q1_de}"}}.',
                               f'{{@{p1}:short}} said there was {{"{q1_en}"}}.'),
             "quote": {"language": "de"}, "stance": 1},
            {"kind": "partial-quote", "speaker": p2, "actor": a,
             "text": self.text(f'{{@{p2}:short}} lobte {{"{q2_de}"}} für {{@{b}}}.',
                               f'{{@{p2}:short}} praised {{"{q2_en}"}} for {{@{b}}}.'),
             "quote": {"language": "de", "spoken_language": "en", "translation": True}, "stance": 2},
            {"kind": "reported", "speaker": p3, "actor": b,
             "text": self.text(f"{{@{p3}:short}} kündigte an, {{@{b}:short}} werde {{soldiers}} Soldaten entsenden.",
                               f"{{@{p3}:short}} announced that {{@{b}:short}} would send {{soldiers}} soldiers."),
             "values": {"soldiers": {"count": rng.randint(100, 5000)}}},
            {"kind": "position", "actor": b,
             "text": self.text(f"{{@{b}:short}} sagt Unterstützung im Falle eines Angriffs zu.",
                               f"{{@{b}:short}} pledges support in the event of an attack."),
             "stance": 3},
        ]
        ids = []
        for k, body in enumerate(bodies, start=1):
            record_id = f"statement-{suffix}-{k}"
            topic = body.pop("stance", None)
            data = {**body, "event": event}
            if topic:
                data["stances"] = [{"topic": f"topic-{topic}", "answer": rng.choice(_ANSWERS),
                                    "note": self.text("Kurz gesagt", "In short")}]
            data["sources"] = self.source()
            self.write("statements", record_id, data)
            ids.append(record_id)
        return ids

    def dossiers(self, briefings: int) -> None:
        for start in range(0, briefings, BRIEFINGS_PER_DOSSIER):
            numbers = range(start, min(start + BRIEFINGS_PER_DOSSIER, briefings))
            self.write("dossiers", f"dossier-{start // BRIEFINGS_PER_DOSSIER + 1:03d}", {
                "title": self.text(f"Dossier {start // BRIEFINGS_PER_DOSSIER + 1}",
                                   f"Dossier {start // BRIEFINGS_PER_DOSSIER + 1}"),
                "date": {"date": "2026-01-07"},
                "briefings": [f"briefing-{n + 1:04d}" for n in numbers],
                "profiles": [self.people_of[n][0] for n in numbers],
            })


def _name(full: str, short: str | None) -> dict[str, str]:
    return {"full": full, "short": short} if short and short != full else {"full": full}


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def _scalar(value: Any) -> str:
    """Strings always double-quoted (JSON is valid YAML), so no value can be read as a YAML 1.1 surprise."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return _scalar(value)


def _is_simple(value: Any) -> bool:
    """Lists of scalars and small mappings of short scalars are written in flow style, as a person would."""
    if isinstance(value, list):
        return all(not isinstance(item, dict | list) for item in value)
    if isinstance(value, dict):
        return len(value) <= 3 and all(not isinstance(item, dict | list) and len(str(item)) <= 40
                                       for item in value.values())
    return True


def _block(data: dict[str, Any], indent: int) -> list[str]:
    pad = " " * indent
    lines = []
    for key, value in data.items():
        if isinstance(value, dict) and not _is_simple(value):
            lines.append(f"{pad}{key}:")
            lines += _block(value, indent + 2)
        elif isinstance(value, list) and not _is_simple(value):
            lines.append(f"{pad}{key}:")
            for item in value:
                item_lines = _block(item, indent + 4) if isinstance(item, dict) else [f"{pad}    {_flow(item)}"]
                lines.append(f"{pad}  - {item_lines[0].lstrip()}")
                lines += item_lines[1:]
        else:
            lines.append(f"{pad}{key}: {_flow(value)}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic content folder for benchmarks.")
    parser.add_argument("target", type=Path, help="content folder to write")
    parser.add_argument("--briefings", type=int, default=10, help="number of briefings (default 10)")
    parser.add_argument("--languages", default="de,en", help="comma-separated languages (default de,en)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    args = parser.parse_args(argv)
    count = write_corpus(args.target, args.briefings, args.languages.split(","), seed=args.seed)
    print(f"wrote {count} records into {args.target}")


if __name__ == "__main__":
    main()
