"""Score `newsx claims --json` against the careful reader's tables of the ECB+ clusters.

usage: python benchmarks/eval_claims.py [--cache-dir DIR]

Runs the real CLI on each cluster that has a gold table and prints the scorer's figures (recall,
grouping precision/recall/F1, claimer accuracy, conflicts shown) with the claims it missed and the
pairs it grouped wrongly.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
CLUSTERS = ("18ecbplus", "8ecbplus")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_claims", EVAL / "score_claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None, help="cache folder (default: a fresh temporary one)")
    args = parser.parse_args()
    scorer = load_scorer()
    cache_dir = args.cache_dir or tempfile.mkdtemp(prefix="newsx-eval-")
    newsx = Path(sys.executable).with_name("newsx")
    command = [str(newsx)] if newsx.exists() else [sys.executable, "-m", "newsx.cli"]
    for cluster in CLUSTERS:
        gold_path = EVAL / "ecbplus" / "claims" / f"{cluster}_claims.json"
        folder = EVAL / "ecbplus" / "articles" / cluster
        if not gold_path.is_file() or not folder.is_dir():
            print(f"{cluster}: not found, skipped")
            continue
        started = time.perf_counter()
        run = subprocess.run(
            command + ["claims", str(folder), "--json", "--cache-dir", cache_dir],
            capture_output=True, text=True, check=False,
        )
        seconds = time.perf_counter() - started
        if run.returncode != 0:
            print(f"{cluster}: newsx failed ({run.returncode}): {run.stderr.strip()}")
            continue
        report = scorer.score(json.loads(gold_path.read_text()), json.loads(run.stdout))
        print(f"== {cluster} ({seconds:.1f} s)")
        for snippet in report.pop("missed"):
            print("  missed:", snippet)
        for a, b in report.pop("wrongly_grouped"):
            print("  wrongly grouped:", a, "|", b)
        print("  " + json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in report.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
