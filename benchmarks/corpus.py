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
    kept = [line for line in body if not line.strip() or rng.random() > 0.12] or body
    text = "\n".join(head + kept)
    text = _NUMBER.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-3, 3))), text)
    outlet = rng.choice(_OUTLETS)
    return f"{text}\n\nThis is copy {copy} of the report, filed for the {outlet} news desk.\n"


def make_corpus(dest: Path, n: int, seed: int = 7, per_folder: int = 500, distinct: int | None = None) -> list[Path]:
    """Write `n` article files under `dest` (created) and return their paths.

    `distinct`: how many different article texts; None makes every text different (every article
    must be parsed). With a number, later files repeat an earlier file byte for byte under another
    name: the corpus still has `n` articles, with their own ids and analyses in the index, but a
    cold index parses only `distinct` texts (copies are parsed once). Use it to build a
    large warm cache quickly when only the warm path is being measured.
    """
    bases = base_articles()
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        variant = i if distinct is None else i % max(distinct, 1)
        name, raw = bases[variant % len(bases)]
        text = vary(raw, variant, random.Random(seed * 1_000_003 + variant)) if variant >= len(bases) else raw
        folder = dest / f"part{i // per_folder:03d}"
        folder.mkdir(exist_ok=True)
        path = folder / f"{i:05d}_{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dest", type=Path)
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--distinct", type=int, help="how many different texts (default: all)")
    args = parser.parse_args()
    made = make_corpus(args.dest, args.n, distinct=args.distinct)
    print(f"{len(made)} articles in {args.dest}")
