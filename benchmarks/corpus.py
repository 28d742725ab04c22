"""Build benchmark corpora from the seeds and the ECB+ articles, repeated with variations.

Every generated article is a distinct text (so each one really has to be parsed): a base article
with some paragraphs dropped, its numbers changed and a closing line that names the copy.
Corpora go to a temporary folder, never into the repository.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEEDS = REPO / "seeds"
ECBPLUS = REPO.parent / "shared" / "eval" / "ecbplus" / "articles"

_NUMBER = re.compile(r"\b\d{2,5}\b")
_OUTLETS = ("Daily Ledger", "Morning Wire", "City Herald", "Evening Post", "Coast Courier", "Valley Times")


def base_articles() -> list[tuple[str, str]]:
    """(name, raw text) of every seed and ECB+ article found beside the repository."""
    files = sorted(SEEDS.glob("*.txt"))
    if ECBPLUS.is_dir():
        files += sorted(ECBPLUS.glob("*/*.txt"))
    return [(f.stem, f.read_text(encoding="utf-8", errors="replace")) for f in files]


def vary(raw: str, copy: int, rng: random.Random) -> str:
    lines = raw.splitlines()
    head, body = lines[:1], lines[1:]
    kept = [l for l in body if not l.strip() or rng.random() > 0.12] or body
    text = "\n".join(head + kept)
    text = _NUMBER.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-3, 3))), text)
    outlet = rng.choice(_OUTLETS)
    return f"{text}\n\nThis is copy {copy} of the report, filed for the {outlet} news desk.\n"


def make_corpus(dest: Path, n: int, seed: int = 7, per_folder: int = 500) -> list[Path]:
    """Write `n` article files under `dest` (created) and return their paths."""
    rng = random.Random(seed)
    bases = base_articles()
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        name, raw = bases[i % len(bases)]
        folder = dest / f"part{i // per_folder:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{i:05d}_{name}.txt"
        path.write_text(vary(raw, i, rng) if i >= len(bases) else raw, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dest", type=Path)
    parser.add_argument("-n", type=int, default=1000)
    args = parser.parse_args()
    made = make_corpus(args.dest, args.n)
    print(f"{len(made)} articles in {args.dest}")
