"""The ``xbrlgen`` command line.

Exit codes mean one thing each: 0 clean, 1 an instance failed validation,
2 unreadable input or a usage error.  Never a count.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from generator.findings import EXIT_INPUT, Severity

# The build's modules are imported where used: ``validate`` starts without pydantic, YAML or the taxonomy.
if TYPE_CHECKING:
    from generator.build import BuildResult, ReleaseOutcome


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # usage errors exit 2, as argparse does, but tersely
        self.print_usage(sys.stderr)
        print(f"xbrlgen: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="xbrlgen", description="IIJ earnings releases to validated XBRL 2.1 instances.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build instances (default: every bundled release)")
    build_cmd.add_argument("sources", nargs="*", type=Path, metavar="SOURCE", help="release text files")
    build_cmd.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    build_cmd.add_argument("-v", "--verbose", action="store_true", help="also list info findings")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")
    build_cmd.add_argument("--jobs", "-j", type=_positive, default=1, metavar="N", help="build in N processes")
    taxonomy_cmd = commands.add_parser("taxonomy", help="write the taxonomy files from taxonomy/source")
    taxonomy_cmd.add_argument("--out", type=Path, default=Path("taxonomy"), help="folder (default: taxonomy)")
    validate_cmd = commands.add_parser("validate", help="validate XBRL 2.1 instances, offline")
    validate_cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="instance files")
    validate_cmd.add_argument("--format", choices=("text", "json"), default="text", help="output (default: text)")
    validate_cmd.add_argument(
        "--schema-engine", choices=("libxml2", "xmlschema"), default="libxml2", help="XML Schema engine"
    )
    validate_cmd.add_argument("-q", "--quiet", action="store_true", help="print errors only (text format)")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _progress(position: int, total: int, outcome: ReleaseOutcome) -> None:
    name = outcome.instance or "(no instance)"
    print(
        f"[{position}/{total}] {', '.join(outcome.sources)} -> {name}: {outcome.status}, "
        f"{outcome.facts} facts, {outcome.tally()}",
        file=sys.stderr,
    )


def _summary(result: BuildResult, seconds: float) -> str:
    from generator.coverage import summary_line

    header = ("release", "period", "facts", "contexts", "footnotes", "findings (E/W/I)", "instance")
    rows = [
        (
            o.sources[0] + (f" (+{len(o.sources) - 1})" if len(o.sources) > 1 else ""),
            o.period,
            str(o.facts),
            str(o.contexts),
            str(o.footnotes),
            o.tally(),
            o.instance if o.status == "written" and o.instance else o.status,
        )
        for o in result.outcomes
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    lines.append(summary_line(result.tally) + " (coverage.csv)")
    if result.series is not None:
        series, restated = len(result.series), len(result.series.restatements)
        lines.append(f"time series: {series:,} series, {restated} restated (timeseries.csv, timeseries.parquet)")
    lines.append(f"{len(result.outcomes)} release(s) in {seconds:.2f} s; exit {result.exit_code}")
    return "\n".join(lines)


def _with_taxonomy(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Commands that load the taxonomy report its source errors in one line."""

    def guarded(args: argparse.Namespace) -> int:
        from generator.taxonomy.model import TaxonomyError

        try:
            return run(args)
        except TaxonomyError as error:
            print(f"xbrlgen: taxonomy source error: {error}", file=sys.stderr)
            return EXIT_INPUT

    return guarded


@_with_taxonomy
def _run_build(args: argparse.Namespace) -> int:
    from generator.build import build
    from generator.resources import bundled_sources

    sources = args.sources or bundled_sources()
    missing = [str(p) for p in sources if not p.is_file()]
    if missing:
        print(f"xbrlgen: error: no such file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_INPUT
    started = time.perf_counter()
    result = build(list(sources), args.out, progress=None if args.quiet else _progress, jobs=args.jobs)
    shown = {Severity.ERROR} if args.quiet else {Severity.ERROR, Severity.WARNING}
    if args.verbose:
        shown.add(Severity.INFO)
    for finding in result.all_findings():
        if finding.severity in shown:
            print(finding.render(), file=sys.stderr)
    print(_summary(result, time.perf_counter() - started))
    return result.exit_code


@_with_taxonomy
def _run_taxonomy(args: argparse.Namespace) -> int:
    from generator.files import write_atomic
    from generator.taxonomy.dts import dts_files
    from generator.taxonomy.model import load_taxonomy

    for name, data in dts_files(load_taxonomy()).items():
        write_atomic(args.out / name, data)
    print(f"taxonomy written to {args.out}")
    return 0


def _run_validate(args: argparse.Namespace) -> int:
    from generator.validation.command import run_validate

    return run_validate(args.paths, args.format, args.schema_engine, args.quiet)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``xbrlgen`` script."""
    args = _parser().parse_args(argv)
    commands = {"build": _run_build, "taxonomy": _run_taxonomy, "validate": _run_validate}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("xbrlgen: interrupted; finished files are complete, none is half-written", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("XBRLGEN_DEBUG"):
            raise
        print(f"xbrlgen: error: {type(error).__name__}: {error} (set XBRLGEN_DEBUG=1 for a traceback)", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    raise SystemExit(main())
