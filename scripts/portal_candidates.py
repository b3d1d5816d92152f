"""Draw candidate sentences from Wikipedia's Current events portal for hand annotation (authoring helper).

Reads the daily YAML snapshots of the portal kept by github.com/ianrastall/current-events-context (a
directory holding YYYY/MM/YYYY-MM-DD.yaml, e.g. extracted with `git archive`), keeps the news items (a
line that ends in a source parenthetical such as "(Reuters)"; topic headings have none), strips those
source parentheticals, drops items the scrape mangled (a dropped template leaves " ," or " ." behind)
and items longer than three sentences or 70 words, and prints a seeded random sample as JSON lines
{cid, date, category, text, source_url}. The sample is drawn in two parts: a plain random one (the
natural mix of the portal) and one among items that mention rarer kinds of events, so that every
sub-event type that occurs gets examples. Labels are then written by hand; this script assigns none.

A third, optional part draws a few items per pattern of TARGETED, for the sub-event types the first two
parts leave with few examples.

Usage: python scripts/portal_candidates.py DIR [--plain N] [--rare N] [--targeted N] [--seed S] [--since YEAR]
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

import yaml

# A source parenthetical at the end of an item: "(Reuters)", "(''Al Jazeera'')", "(BBC News) (AP)".
_SOURCES = re.compile(r"(\s*\([^()]{1,60}\))+\s*$")
# Traces of a template the scrape dropped ("more than , but", "a . (").
_MANGLED = re.compile(r"\s[,.;:]|\(\s*\)|\s{2,}|\ban? (?:earthquake|magnitude)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
# Words of the rarer sub-event types and of the protest and riot family (for the second part).
RARE = re.compile(
    r"chemical|chlorine|sarin|suicide|grenade|landmine|\bmine\b|IED|roadside bomb|car bomb|explosive"
    r"|rape|sexual|kidnap|abduct|hostage|protest|demonstrat|riot|mob|lynch|loot|torch|set fire|arson"
    r"|burn|defuse|intercept|seize|cache|base|withdraw|hand over|recaptur|retake|captur|seiz|overrun"
    r"|arrest|detain|ceasefire|agreement|curfew|mass grave|coup|tear gas|dispers|open fire", re.I)
# Third part: a few items per sub-event type that the first two parts leave with few examples.
TARGETED = {
    "chemical": r"chemical (?:weapon|attack)|chlorine (?:gas|attack|barrel)|sarin|mustard gas|toxic gas",
    "sexual": r"\brap(?:e|ed|es|ing)\b|sexual (?:violence|assault)|sexually assault",
    "grenade": r"grenade",
    "base": r"(?:establish|set up|build|open|move)\w* (?:a |an |its |their |new |military |forward )+base",
    "other": r"mass grave|coup d'état|seize[sd]? power|jailbreak|prison ?break|escape[sd]? from .{0,30}prison"
             r"|airspace",
    "disrupted": (r"defus|intercept|shot down|shoots? down|foil|weapons? cache|arms cache"
                  r"|seize[sd]? .{0,30}weapons"),
    "change": r"curfew|blockade|merge|splinter|surrender|recruit|new leader|names? .{0,20}leader",
    "looting": (r"loot|torch|set fire to|vandali[sz]|demolish"
                r"|burn(?:s|ed|t)? (?:down )?(?:houses|homes|village)"),
    "mob": r"\bmob\b|lynch|vigilante",
    "excessive": r"fire[sd]? (?:live ammunition )?(?:on|at) (?:protesters|demonstrators)|live ammunition"
                 r"|protesters (?:are|were) (?:shot|killed)",
    "abduction": r"kidnap|abduct",
}
MAX_WORDS = 70
# Only the portal's own scrape ("Daily Snapshots", a few KB); the repository's expanded "Deep Context"
# files (tens of KB) carry text written by its maintainers' tools, not Wikipedia's, and are skipped.
MAX_BYTES = 20_000
MAX_SENTENCES = 3


def portal_url(date: str) -> str:
    """The portal's page for one day, e.g. .../Portal:Current_events/2024_March_14."""
    year, month, day = date.split("-")
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    return f"https://en.wikipedia.org/wiki/Portal:Current_events/{year}_{months[int(month) - 1]}_{int(day)}"


def items(root: Path, since: int):
    """(cid, date, category, text) for every usable news item of every day from `since` on."""
    for path in sorted(root.glob("*/*/*.yaml")):
        if int(path.parent.parent.name) < since:
            continue
        if path.stat().st_size > MAX_BYTES:
            continue
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            continue
        if not isinstance(doc, dict):
            continue
        date = str(doc.get("Date", path.stem))
        payload = doc.get("Intelligence_Payload") or {}
        n = 0
        if not isinstance(payload, dict):
            continue
        for category, lines in payload.items():
            if not isinstance(lines, list):
                continue
            for line in lines or []:
                n += 1
                if not isinstance(line, str) or not _SOURCES.search(line):
                    continue
                text = _SOURCES.sub("", line).strip()
                if _MANGLED.search(text) or not text.endswith((".", '"', "'")):
                    continue
                if len(text.split()) > MAX_WORDS or len(_SENTENCE.split(text)) > MAX_SENTENCES:
                    continue
                yield f"{date}-{n:03d}", date, category, text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--plain", type=int, default=700)
    parser.add_argument("--rare", type=int, default=400)
    parser.add_argument("--targeted", type=int, default=0, help="items per TARGETED pattern (third part)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--since", type=int, default=2019)
    args = parser.parse_args()
    pool = list(items(args.dir, args.since))
    rng = random.Random(args.seed)
    plain = rng.sample(pool, min(args.plain, len(pool)))
    taken = {p[0] for p in plain}
    rest = [p for p in pool if p[0] not in taken and RARE.search(p[3])]
    rare = rng.sample(rest, min(args.rare, len(rest)))
    taken |= {p[0] for p in rare}
    targeted = []
    for pattern in TARGETED.values() if args.targeted else ():
        regex = re.compile(pattern, re.I)
        hits = [p for p in pool if p[0] not in taken and regex.search(p[3])]
        picked = rng.sample(hits, min(args.targeted, len(hits)))
        taken |= {p[0] for p in picked}
        targeted += picked
    print(f"{len(pool)} items, {len(plain)} plain, {len(rare)} rare, {len(targeted)} targeted",
          file=sys.stderr)
    for part, rows in (("plain", plain), ("rare", rare), ("targeted", targeted)):
        for cid, date, category, text in rows:
            print(json.dumps({"cid": cid, "part": part, "date": date, "category": category, "text": text,
                              "source_url": portal_url(date)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
