"""Scoring quotes against an annotated set (the gold file and the DW fixture's rules).

A predicted quote matches an annotated one when its text contains the annotated ``contains``
snippet (after whitespace normalisation) and its kind is compatible: "mixed" counts for
"direct" and "indirect" both ways, as the fixture's matcher does for direct quotes. A speaker
is right when every word of one of the annotated names is in the predicted speaker's name or
in the aliases of its actor (so "Rubio" matches "Marco Rubio").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from newsgraph.model import Actor, Quote

_COMPATIBLE = {"direct": {"direct", "mixed"}, "mixed": {"mixed", "direct", "indirect"},
               "indirect": {"indirect", "mixed"}}


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def name_tokens(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", norm(text).lower()))


def speaker_matches(names: list[str], quote: Quote, actors: dict[str, Actor]) -> bool:
    """One of the annotated ``names`` is the quote's speaker."""
    if quote.speaker is None:
        return False
    have = name_tokens(quote.speaker.name)
    actor = actors.get(quote.speaker.actor_id or "")
    if actor is not None:
        have |= name_tokens(actor.name)
        for alias in actor.aliases:
            have |= name_tokens(alias)
    return any(name_tokens(n) and name_tokens(n) <= have for n in names)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    with_speaker: int = 0
    speaker_right: int = 0
    direct_with_speaker: int = 0
    direct_attributed: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.with_speaker if self.with_speaker else 0.0

    @property
    def direct_attribution(self) -> float:
        """Share of direct (and mixed) quotes with an annotated source that are found and
        attributed to that source: the issue's headline measure."""
        return self.direct_attributed / self.direct_with_speaker if self.direct_with_speaker else 0.0

    def summary(self) -> str:
        return (f"recall {self.recall:.3f} ({self.found}/{self.gold}), precision "
                f"{self.precision:.3f} ({self.predicted_right}/{self.predicted}), speaker accuracy "
                f"{self.speaker_accuracy:.3f} ({self.speaker_right}/{self.with_speaker}), direct "
                f"quotes found and attributed {self.direct_attribution:.3f} "
                f"({self.direct_attributed}/{self.direct_with_speaker})")


def score_passage(score: Score, body: str, gold: list[dict], quotes: list[Quote],
                  actors: dict[str, Actor], passage_id: str = "") -> None:
    """Add one passage's counts to ``score``."""
    texts = [norm(body[q.start:q.end]) for q in quotes]
    used = [False] * len(quotes)
    for item in gold:
        snippet = norm(item["contains"])
        hits = [i for i, (q, t) in enumerate(zip(quotes, texts))
                if snippet in t and q.kind in _COMPATIBLE[item["kind"]]]
        score.gold += 1
        names = item["speaker"]
        direct = item["kind"] in ("direct", "mixed") and bool(names)
        score.direct_with_speaker += direct
        for i in hits:
            used[i] = True
        if not hits:
            score.misses.append(f"{passage_id}: {item['kind']} {item['contains']!r} not found")
            continue
        score.found += 1
        if names:
            score.with_speaker += 1
            right = any(speaker_matches(names, quotes[i], actors) for i in hits)
            score.speaker_right += right
            score.direct_attributed += direct and right
            if not right:
                got = [quotes[i].speaker.name if quotes[i].speaker else None for i in hits]
                score.misses.append(f"{passage_id}: {item['contains']!r} speaker {got} not in {names}")
    score.predicted += len(quotes)
    score.predicted_right += sum(used)
    for q, ok in zip(quotes, used):
        if not ok:
            score.misses.append(f"{passage_id}: extra {q.kind} {body[q.start:q.end][:60]!r}")
