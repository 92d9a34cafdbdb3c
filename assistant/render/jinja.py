"""The one way this project makes a jinja2 environment, for the report and the drafting help.

Both sets of templates share the house rules: ``StrictUndefined`` (a name a template misspells
is an error, never an empty string), block trimming, and the compiled-template cache kept
between runs. What differs (where the templates live, autoescape, filters) is passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2


def make_environment(
    folder: Path,
    *,
    filters: Mapping[str, Callable[..., Any]],
    html_autoescape: bool = False,
    keep_trailing_newline: bool = True,
    finalize: Callable[[Any], Any] | None = None,
) -> jinja2.Environment:
    """An environment over the templates in ``folder`` with the house rules and ``filters``.

    ``html_autoescape`` escapes templates named ``*.html.j2``; everything else is plain text.
    """
    import jinja2

    from assistant.templatecache import template_cache

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2",) if html_autoescape else (),
            default_for_string=False,
            default=False,
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
        auto_reload=False,
        finalize=finalize,
        bytecode_cache=template_cache(),
    )
    env.filters.update(filters)
    return env
