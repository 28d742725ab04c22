"""Score `newsx claims --json` against the careful reader's tables of every ECB+ dev cluster.

usage: python benchmarks/eval_claims.py [--cache-dir DIR] [--verbose] [CLUSTER ...]

Runs the real CLI on each cluster that has a gold table in shared/eval/ecbplus/claims/ and prints one
row per cluster (recall, grouping precision/recall/F1, claimer accuracy, conflicts shown, false
conflicts), then the mean and the worst of each column; never the best. With --verbose, also the
claims the scorer missed and the pairs grouped wrongly.
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
CLAIMS = EVAL / "ecbplus" / "claims"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_claims", EVAL / "score_claims.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clusters() -> list[str]:
    return sorted((p.name[: -len("_claims.json")] for p in CLAIMS.glob("*_claims.json")), key=lambda n: int(n.split("e")[0]))


def _fraction(text: str) -> tuple[int, int]:
    """ "2/5 groups where ..." -> (2, 5)."""
    head = text.split()[0]
    a, b = head.split("/")
    return int(a), int(b)


def summarise(rows: dict[str, dict]) -> str:
    """The per-cluster table, then the mean and the worst of each figure."""
    cols = ("recall", "grouping_precision", "grouping_recall", "grouping_f1", "claimer")
    names = {"recall": "recall", "grouping_precision": "grp_P", "grouping_recall": "grp_R", "grouping_f1": "grp_F1", "claimer": "claimer"}
    head = f"{'cluster':<11}" + "".join(f"{names[c]:>10}" for c in cols) + f"{'conflicts':>11}{'false_conf':>11}"
    lines = [head, "-" * len(head)]
    shown = wanted = false = agree = 0
    for name, r in rows.items():
        c = _fraction(r["conflicts_shown"])
        f = _fraction(r["false_conflicts"])
        shown, wanted, false, agree = shown + c[0], wanted + c[1], false + f[0], agree + f[1]
        lines.append(f"{name:<11}" + "".join(f"{r[k]:>10.3f}" for k in cols) + f"{r['conflicts_shown']:>11}{'%d/%d' % f:>11}")
    if rows:
        lines.append("-" * len(head))
        lines.append(f"{'mean':<11}" + "".join(f"{sum(r[k] for r in rows.values()) / len(rows):>10.3f}" for k in cols)
                     + f"{'%d/%d' % (shown, wanted):>11}{'%d/%d' % (false, agree):>11}")
        lines.append(f"{'worst':<11}" + "".join(f"{min(r[k] for r in rows.values()):>10.3f}" for k in cols))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", default=None, help="cache folder (default: a fresh temporary one)")
    parser.add_argument("--verbose", "-v", action="store_true", help="print missed claims and wrong pairs")
    parser.add_argument("clusters", nargs="*", help="only these clusters (default: every gold table)")
    args = parser.parse_args()
    scorer = load_scorer()
    cache_dir = args.cache_dir or tempfile.mkdtemp(prefix="newsx-eval-")
    newsx = Path(sys.executable).with_name("newsx")
    command = [str(newsx)] if newsx.exists() else [sys.executable, "-m", "newsx.cli"]
    rows: dict[str, dict] = {}
    for cluster in args.clusters or clusters():
        gold_path = CLAIMS / f"{cluster}_claims.json"
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
        missed, wrong = report.pop("missed"), report.pop("wrongly_grouped")
        if args.verbose:
            print(f"== {cluster} ({seconds:.1f} s)")
            for snippet in missed:
                print("  missed:", snippet)
            for a, b in wrong:
                print("  wrongly grouped:", a, "|", b)
        rows[cluster] = report
    print(summarise(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
