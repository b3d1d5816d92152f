"""Actor dictionary and country lexicon: names as the news writes them -> ACLED's standard names.

Hands `ActorMention`s (an entry and its offsets) to the role assigner, and `Actor`s (ACLED name and
inter code, resolved for the event's country) to the EventMention. Lexicons load from TOML files in
`frontwire/data/` on first use; users add their own files of the same shape, which win over ours.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from frontwire.errors import ConfigError

# ACLED inter codes the coder decides on.
STATE_FORCES = 1
RIOTERS = 5
PROTESTERS = 6
CIVILIANS = 7
EXTERNAL_FORCES = 8
UNKNOWN_COUNTRY = "Unknown"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    inter: int
    country: str | None = None
    means: str | None = None
    generic: bool = False


@dataclass(frozen=True, slots=True)
class ActorMention:
    entry: ActorEntry
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    inter: int


# Country names ACLED writes with "the" in an actor's name ("Military Forces of the Philippines").
_THE_NAMES = (
    "United ", "Democratic Republic", "Republic of", "Central African", "Philippines", "Netherlands",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso: str
    since: str
    demonyms: tuple[str, ...]
    places: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # other names of the country ("Ivory Coast", "Burma")
    iso_in_text: bool = True  # whether the ISO code is matched in running text ("CAN", "PER" are words)
    # The days its governments took office, oldest first (data/events/force-periods.toml): the period of
    # an event's day names its forces, "(2015-2023)" for an ended one. Empty: `since` for every day.
    periods: tuple[dt.date, ...] = ()

    def period(self, on: dt.date | None = None) -> str:
        """The years ACLED puts after this country's forces for an event on `on` ("2015-2023", "2023-")."""
        if not self.periods or on is None:
            return self.since
        i = sum(day <= on for day in self.periods) - 1
        if i < 0:
            return ""  # before the first government the table knows: its years are unknown, not the first's
        return f"{self.periods[i].year}-{_end(self.periods, i)}"

    def force_name(self, kind: str, on: dt.date | None = None) -> str:
        """ACLED's standard name of this country's state forces: kind is "Military" or "Police"."""
        since = self.period(on)
        name = f"{kind} Forces of {self.article_name}"
        return f"{name} ({since})" if since else name

    @property
    def article_name(self) -> str:
        """The name as it stands after "Forces of": "the Philippines", "Kenya"."""
        return f"the {self.name}" if self.name.startswith(_THE_NAMES) else self.name


def _end(periods: tuple[dt.date, ...], i: int) -> str:
    """The year of a period's last day ("2022" for a successor sworn in on 1 January 2023), or "" if open."""
    return str((periods[i + 1] - dt.timedelta(days=1)).year) if i + 1 < len(periods) else ""


@dataclass(frozen=True, slots=True)
class CountryMention:
    country: Country
    start: int
    end: int
    kind: str  # "name", "iso", "place" or "demonym"


def read_lexicon(path: Path | None, package_file: str) -> dict:
    try:
        if path is None:
            text = resources.files("frontwire").joinpath(package_file).read_text(encoding="utf-8")
            return tomllib.loads(text)
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path or package_file), f"cannot read lexicon: {exc}") from exc


def trie_alternation(words: Sequence[str], fold_case: bool = False) -> str:
    """A regex matching any of `words`, longest first, written as a trie.

    Python's `re` tries the branches of a flat alternation one by one at every position; a trie
    ("Russian (?:army|forces)") shares prefixes, which made alias search about 5x faster on 550-word
    articles. Greedy optional branches with backtracking keep the longest-match-first semantics.
    """
    trie: dict[str, dict] = {}
    for w in set(words):
        node = trie
        for ch in w.lower() if fold_case else w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    end = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?" if len(branches) == 1 else body + "?"
    return body


# Plural aircraft nouns whose singular names the same actor ("warplanes" -> "warplane").
_PLURAL_CRAFT = re.compile(r"(?:planes|jets|drones|helicopters|bombers|UAVs|gunships|aircrafts)$", re.I)


class ActorDictionary:
    """Aliases -> actor entries. Build with `ActorDictionary.load(extra=[user.toml])`."""

    def __init__(self, entries: dict[str, ActorEntry]) -> None:
        self._by_alias = {alias.lower(): e for alias, e in entries.items() if not _case_sensitive(alias)}
        self._by_acronym = {alias: e for alias, e in entries.items() if _case_sensitive(alias)}
        self._ci = re.compile(
            rf"(?<![\w-])(?:{trie_alternation(list(self._by_alias), fold_case=True)})(?![\w-])", re.I
        )
        self._cs = (
            re.compile(rf"(?<![\w-])(?:{trie_alternation(list(self._by_acronym))})(?![\w-])")
            if self._by_acronym
            else None
        )

    @classmethod
    def load(
        cls, extra: Sequence[str | Path] = (), countries: CountryLexicon | None = None
    ) -> ActorDictionary:
        """Our dictionary, then the user's files (which win); with `countries`, every country's
        demonym before a force noun names its state forces ("Kenyan troops", "Colombian police")
        where no entry names that phrase already."""
        entries: dict[str, ActorEntry] = {}
        sources: list[tuple[Path | None, str]] = [(None, "data/actors.toml")] + [
            (Path(p), str(p)) for p in extra
        ]
        for path, label in sources:
            data = read_lexicon(path, "data/actors.toml")
            for i, raw in enumerate(data.get("actor", [])):
                try:
                    entry = ActorEntry(
                        name=str(raw["name"]),
                        inter=int(raw["inter"]),
                        country=raw.get("country"),
                        means=raw.get("means"),
                        generic=bool(raw.get("generic", False)),
                    )
                    aliases = [str(a) for a in raw["aliases"]]
                except (KeyError, TypeError, ValueError) as exc:
                    raise ConfigError(
                        label, f"actor #{i + 1}: needs name, inter and aliases ({exc})"
                    ) from exc
                if not 1 <= entry.inter <= 8:
                    raise ConfigError(label, f"actor {entry.name!r}: inter code {entry.inter} is not 1-8")
                for alias in aliases + [entry.name]:
                    if "{" not in alias:
                        entries[alias] = entry
                if entry.means == "air":  # "Russian warplanes" also names one: "a Russian warplane"
                    for alias in aliases:
                        if _PLURAL_CRAFT.search(alias):
                            entries.setdefault(alias[:-1], entry)
        from frontwire.events.militias import militia_entries

        known = {alias.lower() for alias in entries}
        for alias, entry in militia_entries().items():
            if alias.lower() not in known:  # the dictionary's own entries win ("Fulani militia")
                entries[alias] = entry
        if countries is not None:
            known = {alias.lower() for alias in entries}
            for alias, entry in demonym_forces(countries).items():
                if alias.lower() not in known:
                    entries[alias] = entry
        return cls(entries)

    def find(self, text: str) -> list[ActorMention]:
        """Non-overlapping alias matches, longest first, in order of appearance."""
        hits: list[ActorMention] = []
        for m in self._ci.finditer(text):
            hits.append(ActorMention(self._by_alias[m.group(0).lower()], m.start(), m.end(), m.group(0)))
        if self._cs:
            for m in self._cs.finditer(text):
                hits.append(ActorMention(self._by_acronym[m.group(0)], m.start(), m.end(), m.group(0)))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[ActorMention] = []
        for h in hits:
            if out and h.start < out[-1].end:
                continue
            out.append(h)
        return out


# Nouns that, after a country's demonym, name its state forces. Written from how wire copy names
# armies, air forces and police ("Nigerian troops", "Pakistani jets", "Kenyan police").
_MILITARY_NOUNS = (
    "troops", "forces", "army", "soldiers", "soldier", "military", "armed forces", "security forces",
    "military forces", "government forces", "navy", "marines", "special forces", "paratroopers", "gendarmes",
    "gendarmerie", "national guard", "border guards", "army troops", "artillery", "defence forces",
    "defense forces", "military convoy", "military patrol", "positions", "position", "military positions",
    "military base", "base", "army base", "outpost", "military outpost", "checkpoint", "tank", "tanks",
    "convoy",
    "patrol", "army post", "frontline positions",
)  # fmt: skip
_AIR_NOUNS = (
    "warplanes", "warplane", "jets", "fighter jets", "air force", "aircraft", "military aircraft", "drones",
    "drone", "military drones", "helicopters", "helicopter gunships", "air strikes", "airstrikes",
)  # fmt: skip
# Public: the geocoder reads the same words to tell a state's police named by nationality (geo/article_place).
POLICE_NOUNS = (
    "police", "police officers", "policemen", "police forces", "riot police", "anti-riot police",
    "police officer", "military police",
)  # fmt: skip


def demonym_forces(countries: CountryLexicon) -> dict[str, ActorEntry]:
    """"<Demonym> <force noun>" -> that country's military or police, for every country with demonyms."""
    out: dict[str, ActorEntry] = {}
    for c in countries.countries:
        military = ActorEntry(c.force_name("Military"), STATE_FORCES, c.name)
        air = ActorEntry(c.force_name("Military"), STATE_FORCES, c.name, means="air")
        police = ActorEntry(c.force_name("Police"), STATE_FORCES, c.name)
        for dem in c.demonyms:
            if not dem[:1].isupper() or dem.endswith("s") and dem[:-1] in c.demonyms:
                continue  # plurals ("Kenyans") do not qualify a noun
            for nouns, entry in ((_MILITARY_NOUNS, military), (_AIR_NOUNS, air), (POLICE_NOUNS, police)):
                out.update({f"{dem} {noun}": entry for noun in nouns})
    return out


def _case_sensitive(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(alias) <= 6


def resolve(entry: ActorEntry, country: Country | None) -> Actor:
    """The ACLED name and inter code of `entry` in an event in `country` (foreign state forces -> 8)."""
    name = entry.name
    forces = ("Military Forces of {country}", "Police Forces of {country}")
    if country is not None and name.startswith(forces):
        name = name.replace("{country}", country.article_name)
    name = name.replace("{country}", country.name if country else UNKNOWN_COUNTRY)
    name = name.replace("{since}", country.since if country else "")
    name = name.replace(" ()", "")
    inter = entry.inter
    if inter == STATE_FORCES and entry.country and country and entry.country != country.name:
        inter = EXTERNAL_FORCES
    return Actor(name, inter)


def base_name(name: str) -> str:
    """An actor name without ACLED's period suffix.

    "Military Forces of Russia (2000-)" -> "Military Forces of Russia".
    """
    return re.sub(r"\s*\(\d{4}-(?:\d{4})?\)$", "", name).strip()


def _force_periods(data: dict, label: str) -> dict[str, tuple[dt.date, ...]]:
    """{country: [ISO day, ...]} -> {country: (date, ...)} in order; a bad day is an error naming it."""
    out: dict[str, tuple[dt.date, ...]] = {}
    for name, days in data.get("periods", {}).items():
        try:
            out[name] = tuple(sorted(dt.date.fromisoformat(str(d)) for d in days))
        except (TypeError, ValueError) as exc:
            raise ConfigError(label, f"periods of {name!r}: {exc}") from exc
    return out


class CountryLexicon:
    """Country names, ISO codes, demonyms and well-known places -> `Country`."""

    def __init__(self, countries: Sequence[Country]) -> None:
        self.countries = tuple(countries)
        self._by_name = {c.name: c for c in countries}
        self._by_iso = {c.iso: c for c in countries}
        table: dict[str, tuple[Country, str]] = {}
        for c in countries:
            table.update({p: (c, "place") for p in c.places})
            table.update({d: (c, "demonym") for d in c.demonyms})
            if c.iso_in_text:
                table[c.iso] = (c, "iso")
            table.update({a: (c, "name") for a in c.aliases})
            table[c.name] = (c, "name")
        self._table = table
        self._re = re.compile(rf"(?<![\w-])(?:{trie_alternation(list(table))})(?![\w-])")

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> CountryLexicon:
        countries: dict[str, Country] = {}
        periods = _force_periods(read_lexicon(None, "data/events/force-periods.toml"), "force-periods.toml")
        # The world file first; the curated file (richer place lists) and then the user's files win.
        sources: list[tuple[Path | None, str]] = [
            (None, "data/events/countries-world.toml"),
            (None, "data/events/countries.toml"),
        ] + [(Path(p), str(p)) for p in extra]
        for path, package_file in sources:
            for raw in read_lexicon(path, package_file).get("country", []):
                try:
                    c = Country(
                        name=str(raw["name"]),
                        iso=str(raw["iso"]),
                        since=str(raw.get("since", "")),
                        demonyms=tuple(raw.get("demonyms", ())),
                        places=tuple(raw.get("places", ())),
                        aliases=tuple(raw.get("aliases", ())),
                        iso_in_text=bool(raw.get("iso_in_text", True)),
                    )
                except (KeyError, TypeError) as exc:
                    raise ConfigError(package_file, f"a country needs name and iso ({exc})") from exc
                if "periods" in raw:
                    periods.update(_force_periods({"periods": {c.name: raw["periods"]}}, package_file))
                countries[c.name] = c
        for name, days in periods.items():
            if name in countries:
                since = f"{days[-1].year}-"
                countries[name] = replace(countries[name], periods=days, since=since)
        return cls(list(countries.values()))

    def get(self, name: str) -> Country | None:
        return self._by_name.get(name)

    def by_iso(self, iso3: str) -> Country | None:
        return self._by_iso.get(iso3)

    def find(self, text: str) -> list[CountryMention]:
        out = []
        for m in self._re.finditer(text):
            country, kind = self._table[m.group(0)]
            if kind == "name" and _inside_a_name(text, m.start()):
                continue  # "Puerto Jordan", "New Mexico": a place named after a country is not the country
            out.append(CountryMention(country, m.start(), m.end(), kind))
        return out


# Capitalised words that may stand before a country's name and leave it the country ("Northern Nigeria",
# "the Central African Republic" is matched whole); any other capitalised word inside a sentence before it
# makes the country's name part of another proper name ("Puerto Jordan", "New Mexico", "Guinea-Bissau" aside).
_BEFORE_A_COUNTRY = frozenset((
    "The", "In", "On", "At", "From", "To", "Of", "And", "Northern", "Southern", "Eastern", "Western",
    "Central",
    "North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern",
    "Northwestern", "Southeastern", "Southwestern", "Upper", "Lower", "Rural", "Mainland", "Across",
))  # fmt: skip
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\[\"“]))([A-Z][\w'’-]*)\s+$")


def _inside_a_name(text: str, start: int) -> bool:
    m = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if m is None or m.group(1) in _BEFORE_A_COUNTRY:
        return False
    head = text[: max(0, start - 30) + m.start(1)].rstrip()
    return bool(head) and head[-1] not in ".!?:;\n"  # a capital at a sentence's start is just its start

