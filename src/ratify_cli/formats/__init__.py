"""Output formats: one interface, keyed by an enum; every format renders the same computed Report."""

from __future__ import annotations

from ..reports.report import Report
from .base import FindingsFormat, Formatter, OutputFormat, RenderOptions

__all__ = ["FindingsFormat", "Formatter", "OutputFormat", "RenderOptions", "formatter_for", "render"]


def formatter_for(fmt: OutputFormat) -> Formatter:
    """The formatter of a format (imported on demand: rich is only needed for the terminal)."""
    if fmt is OutputFormat.TABLE:
        from .terminal import render
    elif fmt is OutputFormat.MARKDOWN:
        from .markdown import render
    elif fmt is OutputFormat.CSV:
        from .csvfmt import render
    elif fmt is OutputFormat.JSON:
        from .jsonfmt import render
    elif fmt is OutputFormat.HTML:
        from .html import render
    else:  # pragma: no cover - a new enum member without a formatter fails the wiring test
        raise AssertionError(f"no formatter for {fmt}")
    return render


DEFAULT_OPTIONS = RenderOptions()


def render(report: Report, fmt: OutputFormat, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """Render a report in a format."""
    return formatter_for(fmt)(report, options)
