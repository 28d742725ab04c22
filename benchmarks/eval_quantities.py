"""Value F1 of the quantities `newsx claims --json` reports for single news sentences.

usage: python benchmarks/eval_quantities.py DATA [--show N] [--cache-dir DIR]

DATA is either a NewsQuant-style JSON list (`[{"text": ..., "quantities": [{"value": "19.0" | "252-287", ...}]}]`,
the CQE paper's benchmark) or JSON lines `{"text": ..., "q": ["19", "252-287"]}`. The data is not shipped
with newsx (no licence allows it); pass its path.

Each sentence becomes a one-sentence .txt article; one run of the real CLI reads the folder, and every
claim of an article counts as one predicted quantity. A gold value is found by an unused claim of its
sentence with that value; a gold range "a-b" only by a claim with low == min(a, b) and high == max(a, b) (a
range is one quantity with both bounds). Prints precision, recall and F1 over all quantities, and with --show the
sentences it gets wrong.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path


def load(path: Path) -> list[tuple[str, list[str]]]:
    raw = path.read_text(encoding="utf-8")
    if raw.lstrip().startswith("["):
        return [(d["text"], [str(q["value"]) for q in d.get("quantities", [])]) for d in json.loads(raw)]
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    return [(d["text"], [str(v) for v in d.get("q", [])]) for d in rows]


def parse_gold(value: str) -> tuple[float, float | None]:
    """(value, None) or (low, high) for "a-b" ("1000000-10000000", "2.0-0.0")."""
    value = value.strip()
    head, sep, tail = value[1:].partition("-")
    if sep:
        return float(value[0] + head), float(tail)
    return float(value), None


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)


def fits(claim: dict, gold: tuple[float, float | None]) -> bool:
    value, high = gold
    if high is not None:  # a range matches with both bounds, in either order ("from 36,040 to 34,935")
        low, high = sorted((value, high))
        return close(claim.get("low"), low) and close(claim.get("high"), high)
    return close(claim.get("value"), value)


def run_newsx(texts: list[str], cache_dir: str | None) -> dict[str, list[dict]]:
    folder = Path(tempfile.mkdtemp(prefix="newsx-quantities-"))
    for i, text in enumerate(texts):
        (folder / f"s{i:04d}.txt").write_text(text, encoding="utf-8")
    newsx = Path(sys.executable).with_name("newsx")
    command = [str(newsx)] if newsx.exists() else [sys.executable, "-m", "newsx.cli"]
    command += ["claims", str(folder), "--json"]
    command += ["--cache-dir", cache_dir] if cache_dir else ["--no-cache"]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"newsx failed ({run.returncode}): {run.stderr.strip()}")
    by_article: dict[str, list[dict]] = {}
    for group in json.loads(run.stdout).get("groups", []):
        for claim in group.get("claims", []):
            by_article.setdefault(str(claim["article"]), []).append({**claim, "unit": group.get("unit")})
    return by_article


def score(rows: list[tuple[str, list[str]]], by_article: dict[str, list[dict]]):
    tp = n_pred = n_gold = 0
    errors = []
    ranges = ranges_found = 0
    for i, (text, golds) in enumerate(rows):
        claims = sorted(by_article.get(f"s{i:04d}", []), key=lambda c: c.get("start", 0))
        used: set[int] = set()
        missed = []
        for g in golds:
            gold = parse_gold(g)
            ranges += gold[1] is not None
            hit = next((k for k, c in enumerate(claims) if k not in used and fits(c, gold)), None)
            if hit is None:
                missed.append(g)
            else:
                used.add(hit)
                ranges_found += gold[1] is not None
        extra = [c for k, c in enumerate(claims) if k not in used]
        tp += len(used)
        n_pred += len(claims)
        n_gold += len(golds)
        if missed or extra:
            errors.append((text, missed, [f"{c.get('text')}={c.get('value')}[{c.get('low')},{c.get('high')}]" for c in extra]))
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"sentences": len(rows), "gold": n_gold, "predicted": n_pred, "correct": tp, "precision": p,
            "recall": r, "f1": f, "ranges": ranges, "ranges_found": ranges_found}, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print up to N sentences with misses or extras")
    parser.add_argument("--cache-dir", default=None, help="newsx cache folder (default: no cache)")
    args = parser.parse_args()
    rows = load(args.data)
    report, errors = score(rows, run_newsx([t for t, _ in rows], args.cache_dir))
    for text, missed, extra in errors[: args.show]:
        print(f"- {text}\n    missed: {missed}  extra: {extra}")
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in report.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
