"""Every claim newsx's extraction finds in a set of folders, as JSON lines: for changes to the
extraction that must not change its output (dump before, dump after, diff).

usage: python benchmarks/dump_claims.py OUT.jsonl [FOLDER ...] [--docs DOCS.spacy]

FOLDER defaults to every ECB+ cluster under ../shared/eval/ecbplus/articles and the bundled seeds.
With --docs, the parsed documents are kept in that file (spaCy's DocBin) and read back on the next
run, so a second dump only runs the extraction.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from newsx.core.corpus.loading import load_corpus, seed_paths
from newsx.core.nlp.claim_extraction import extract_claims
from newsx.core.nlp.mentions import extract_mentions
from newsx.core.nlp.pipeline import load_pipeline
from newsx.core.settings import Settings

ECBPLUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "ecbplus" / "articles"


def parsed(nlp, texts: list[str], docs_file: Path | None):
    from spacy.tokens import DocBin

    if docs_file is not None and docs_file.exists():
        docs = list(DocBin().from_disk(docs_file).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=32))
    if docs_file is not None:
        DocBin(store_user_data=True, docs=docs).to_disk(docs_file)
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--docs", type=Path, help="keep the parsed documents here (DocBin)")
    args = parser.parse_args(argv)
    folders = args.folders or [*sorted(ECBPLUS.iterdir()), *seed_paths()]
    articles = list(load_corpus(folders).articles)
    nlp = load_pipeline(Settings().model)
    docs = parsed(nlp, [a.text for a in articles], args.docs)
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for article, doc in zip(articles, docs):
            mentions = tuple(extract_mentions(doc, article.text))
            for claim in extract_claims(doc, article, mentions):
                out.write(json.dumps({"article": article.id, **asdict(claim)}, sort_keys=True) + "\n")
                count += 1
    print(f"{count} claims of {len(articles)} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
