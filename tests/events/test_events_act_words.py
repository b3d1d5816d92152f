"""Rules 0.9.7 (issue 12): acts the codebook names, in words wire copy uses that the cues lacked: a doer setting
things "on fire" or "alight", a victim "beaten to death" by a crowd, a town entered "without meeting
resistance", militants "driven out", groups "merging", an army's "operation against militant hideouts". The
same words outside political violence (an electrical fault, a firm's merger, an operation against drug
trafficking) stay no event. Sentences written for these tests."""

from __future__ import annotations

import pytest
from coded_events import WEDNESDAY

from frontwire.events import RuleExtractor
from frontwire.records import Article


def sub_types(extractor: RuleExtractor, text: str) -> list[str]:
    article = Article(source="t", title="", paragraphs=[text], published=WEDNESDAY)
    return [e.sub_event_type for e in extractor.extract_events(article).events]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Protesters set two police cars on fire outside the town hall in Lyon on Tuesday.", "Violent demonstration"),
        ("Youths set two buses alight in Mombasa on Monday night as the unrest spread.", "Violent demonstration"),
        ("A crowd beat a suspected thief to death in the market in Kano on Monday.", "Mob violence"),
        ("Rebels entered Brega on Sunday without meeting any resistance.", "Non-violent transfer of territory"),
        (
            "The army said on Wednesday that its troops had driven the militants out of the Wadi Hajar district.",
            "Government regains territory",
        ),
        (
            "Two armed groups in northern Mali announced on Monday that they are merging into a single movement.",
            "Change to group/activity",
        ),
        ("The army launched an operation against militant hideouts near Kidal on Sunday.", "Armed clash"),
    ],
)
def test_an_act_told_in_these_words_is_coded(extractor: RuleExtractor, text: str, sub_type: str):
    assert sub_types(extractor, text) == [sub_type]


@pytest.mark.parametrize(
    "text",
    [
        "An electrical fault set the warehouse alight in Leeds on Monday, firefighters said.",
        "The company said on Monday it is merging its two divisions in Lagos.",
        "Police launched an operation against drug trafficking in Lagos on Monday.",
        "Investors have driven the shares out of favour since Monday.",
    ],
)
def test_the_same_words_outside_political_violence_are_no_event(extractor: RuleExtractor, text: str):
    assert sub_types(extractor, text) == []
