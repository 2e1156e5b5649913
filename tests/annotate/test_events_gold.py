"""Event coding measured on labelled data, with floors pinned at what was measured.

- ``data/events_gold.jsonl``: 601 sentences labelled with one PLOVER type (and mode), the
  source country and the flags. 427 are written for newsgraph; 174 are Voice of America
  sentences (US public domain), the last 64 of them labelled before the coder ever ran on
  them. Measured: sentence recall of the gold type, the share of events found that have the
  gold type, the share of sentences (gold type found) with a source of the gold country, and
  the flags; for all sentences and for the VOA ones alone (real reporting, where coding is
  weaker: recall 0.83 against 0.96 on our own sentences).
- ``../shared/data/synthetic-events``: synthetic stories with one document-level label; a
  fixed sample of 400 is coded and the recall of the labelled type measured.

Each floor is the measured figure rounded down a little: a change that makes coding worse
fails here, with the numbers in the message.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
from collections import Counter
from pathlib import Path

import pytest


GOLD = Path(__file__).parent / "data" / "events_gold.jsonl"
FLAGS = ("negated", "hypothetical", "future", "historical")


def annotate_text(text: str, published: str | None):
    """A doc with every annotator run over ``text``, events included."""
    from newsgraph.annotate.nlp import annotate_body

    return annotate_body(text, published)


def gold_rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_gold_file_covers_every_type_and_flag():
    rows = gold_rows()
    assert len(rows) >= 500
    assert len({r["type"] for r in rows}) == 16
    flagged = Counter(f for r in rows for f in r["flags"])
    assert all(flagged[f] >= 5 for f in FLAGS), flagged


# recall, precision, source country, flags. The VOA sentences (real reporting) are the harder
# part and get floors of their own, so the sentences written for newsgraph cannot hide a drop.
FLOORS = {"all": (0.92, 0.95, 0.95, 0.97), "voa": (0.84, 0.87, 0.86, 0.97)}


@pytest.fixture(scope="module")
def gold_scores(nlp) -> dict[str, dict]:
    """Each gold subset ("all", "voa") scored once: counts and the measured rates."""
    counts = {name: Counter() for name in FLOORS}
    per_type: Counter = Counter()
    for row in gold_rows():
        doc = annotate_text(row["text"], row["published"])
        actors = {a.id: a for a in doc._.ng_actors or ()}
        events = doc._.ng_events or []
        gold = [e for e in events if e.type == row["type"]]
        per_type[row["type"]] += bool(gold)
        row_counts = Counter(rows=1, found=len(events), right=len(gold), hit=bool(gold))
        if gold and row["source_country"]:
            row_counts["country_n"] += 1
            row_counts["country_ok"] += any(actors[s].country == row["source_country"]
                                            for e in gold for s in e.source if s in actors)
        if gold and row["flags"]:
            row_counts["flag_n"] += 1
            row_counts["flag_ok"] += any(all(getattr(e, f) for f in row["flags"]) for e in gold)
        counts["all"].update(row_counts)
        if row["origin"].startswith("voa:"):
            counts["voa"].update(row_counts)
    return {name: _rates(c, per_type if name == "all" else None) for name, c in counts.items()}


def _rates(c: Counter, per_type: Counter | None) -> dict:
    rates = (c["hit"] / c["rows"], c["right"] / max(c["found"], 1),
             c["country_ok"] / max(c["country_n"], 1), c["flag_ok"] / max(c["flag_n"], 1))
    measured = (f"recall {c['hit']}/{c['rows']}={rates[0]:.3f}, precision {c['right']}/"
                f"{c['found']}={rates[1]:.3f}, source country {c['country_ok']}/"
                f"{c['country_n']}={rates[2]:.3f}, flags {c['flag_ok']}/{c['flag_n']}="
                f"{rates[3]:.3f}")
    if per_type:
        measured += f", per type {dict(sorted(per_type.items()))}"
    return {"rates": rates, "measured": measured}


# Measured: all 601 sentences recall 0.930 (559), precision 0.951 (563/592), source country
# 0.963 (522/542), flags 50/50; the 174 VOA sentences recall 0.851 (148), precision 0.877
# (150/171), source country 0.878 (122/139), flags 12/12.
@pytest.mark.slow
@pytest.mark.parametrize("subset", sorted(FLOORS))
def test_gold_sentences_meet_the_floors(gold_scores, subset):
    score = gold_scores[subset]
    for metric, value, floor in zip(("recall", "precision", "source country", "flags"),
                                    score["rates"], FLOORS[subset], strict=True):
        assert value >= floor, f"{subset}: {metric} {value:.3f} < {floor}; {score['measured']}"


@pytest.mark.slow
def test_synthetic_stories_recall_of_the_labelled_type(nlp, shared):
    path = shared / "data" / "synthetic-events" / "synthetic_events.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    sample = random.Random(7).sample(rows, 400)
    hit = found = right = 0
    per_type: Counter = Counter()
    totals: Counter = Counter()
    for row in sample:
        doc = annotate_text(row["text"], None)
        types = [e.type for e in doc._.ng_events or []]
        totals[row["label"]] += 1
        found += len(types)
        right += types.count(row["label"])
        if row["label"] in types:
            hit += 1
            per_type[row["label"]] += 1
    recall, share = hit / len(sample), right / max(found, 1)
    measured = (f"recall {hit}/{len(sample)}={recall:.3f}, events with the label {right}/"
                f"{found}={share:.3f}, per type "
                f"{ {t: f'{per_type[t]}/{totals[t]}' for t in sorted(totals)} }")
    # Measured: recall 213/400 = 0.532, events with the label 335/1260 = 0.266.
    assert recall >= 0.53, measured
    assert share >= 0.26, measured
