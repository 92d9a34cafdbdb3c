"""The YAML dialect of draft files: what a plain value means, and how values are written.

The dialect is deliberately smaller than YAML 1.1 so that a hand edit means what it looks like:
only ``true``/``false`` are booleans (not ``yes``/``no``/``on``), only plain decimal digits are
integers (``010`` is ten, not eight), there are no implicit floats or timestamps (numbers with a
decimal point and dates stay text and pydantic reads them exactly, so ``5949.088667`` 万元 never
passes through a binary float), and an empty value means "not answered yet". The same resolver
is used to write and to read, so whatever is written reads back as written.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import Enum
from typing import Any, Final

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.representer import SafeRepresenter
from yaml.resolver import BaseResolver

try:  # libyaml is much faster; the pure-Python classes behave the same.
    from yaml._yaml import CEmitter as _Emitter
    from yaml._yaml import CParser as _Parser

    _libyaml = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer as _PyComposer
    from yaml.emitter import Emitter as _PyEmitter
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader as _PyReader
    from yaml.scanner import Scanner as _PyScanner
    from yaml.serializer import Serializer as _PySerializer

    _libyaml = False
HAVE_LIBYAML: Final = _libyaml

STR: Final = "tag:yaml.org,2002:str"
INT: Final = "tag:yaml.org,2002:int"
BOOL: Final = "tag:yaml.org,2002:bool"
NULL: Final = "tag:yaml.org,2002:null"

INT_RE: Final = re.compile(r"^[-+]?[0-9]+$")
LONG_TEXT: Final = 40
"""Single-line strings longer than this are written as block scalars, like narrative."""
RAW_BREAKS: Final = "\r\x85\u2028\u2029"
"""Line breaks other than "\n": YAML readers normalise them, so text holding them is quoted."""


class Resolver(BaseResolver):
    """Plain scalars: null (empty, ``~``, ``null``), booleans, decimal integers; else text."""


Resolver.add_implicit_resolver(
    BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
Resolver.add_implicit_resolver(INT, INT_RE, list("-+0123456789"))
Resolver.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class Constructor(SafeConstructor):
    """SafeConstructor, except that integers are always decimal."""

    def construct_decimal_int(self, node: Node) -> int | str:
        text = str(self.construct_scalar(node))  # type: ignore[arg-type]
        try:
            return int(text, 10)
        except ValueError:  # beyond Python's digit limit: no count is; validation says so
            return text


# The stubs tie constructors to PyYAML's own loader classes; ours is one in all but name.
Constructor.add_constructor(INT, Constructor.construct_decimal_int)  # type: ignore[type-var]


class Representer(SafeRepresenter):
    """Narrative as ``|`` blocks, None as an empty value, Decimals and dates as plain text."""

    def ignore_aliases(self, data: Any) -> bool:
        # One value in two places (应收 and 实收 the same Decimal) is written twice: a person edits
        # the file, and the loader refuses anchors.
        return True

    def represent_text(self, data: str) -> ScalarNode:
        style: str | None = None
        if any(ch in data for ch in RAW_BREAKS):
            # Emitters would write these raw and a reader would turn them into "\n": escape them.
            style = '"'
        elif "\n" in data or len(data) > LONG_TEXT:
            style = "|"
        return self.represent_scalar(STR, data, style=style)

    def represent_empty(self, data: None) -> ScalarNode:
        return self.represent_scalar(NULL, "")

    def represent_decimal(self, data: Decimal) -> ScalarNode:
        if data.is_zero():
            data = data.copy_abs()
        text = format(data, "f")
        return self.represent_scalar(INT if INT_RE.match(text) else STR, text)

    def represent_day(self, data: dt.date) -> ScalarNode:
        return self.represent_scalar(STR, data.isoformat())

    def represent_enum(self, data: Enum) -> Node:
        return self.represent_data(data.value)


Representer.add_representer(str, Representer.represent_text)
Representer.add_representer(type(None), Representer.represent_empty)
Representer.add_representer(Decimal, Representer.represent_decimal)
Representer.add_representer(dt.date, Representer.represent_day)
Representer.add_multi_representer(Enum, Representer.represent_enum)


if HAVE_LIBYAML:

    class Loader(_Parser, Constructor, Resolver):
        def __init__(self, stream: str) -> None:
            _Parser.__init__(self, stream)
            Constructor.__init__(self)
            Resolver.__init__(self)

    class Dumper(_Emitter, Representer, Resolver):
        def __init__(self, stream: Any, **kwargs: Any) -> None:
            _Emitter.__init__(
                self,
                stream,
                allow_unicode=True,
                width=kwargs.get("width", 1_000_000),
                indent=2,
            )
            Representer.__init__(self, default_flow_style=False, sort_keys=False)
            Resolver.__init__(self)

else:  # pragma: no cover

    class Loader(  # type: ignore[no-redef]
        _PyReader, _PyScanner, _PyParser, _PyComposer, Constructor, Resolver
    ):
        def __init__(self, stream: str) -> None:
            _PyReader.__init__(self, stream)
            _PyScanner.__init__(self)
            _PyParser.__init__(self)
            _PyComposer.__init__(self)
            Constructor.__init__(self)
            Resolver.__init__(self)

    class Dumper(_PyEmitter, _PySerializer, Representer, Resolver):  # type: ignore[no-redef]
        def __init__(self, stream: Any, **kwargs: Any) -> None:
            _PyEmitter.__init__(self, stream, allow_unicode=True, width=1_000_000, indent=2)
            _PySerializer.__init__(self)
            Representer.__init__(self, default_flow_style=False, sort_keys=False)
            Resolver.__init__(self)


def dump_yaml(data: Any) -> str:
    """``data`` (dicts, lists, scalars) as block-style YAML in the draft dialect."""
    text: str = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False)
    return text


class _QuotedDumper(Dumper):
    """Every text double-quoted: the fallback form, with nothing left to the emitter's choice."""

    def represent_text(self, data: str) -> ScalarNode:
        return self.represent_scalar(STR, data, style='"')


_QuotedDumper.add_representer(str, _QuotedDumper.represent_text)


def dump_yaml_quoted(data: Any) -> str:
    """Like ``dump_yaml``, with every text double-quoted and escaped."""
    text: str = yaml.dump(data, Dumper=_QuotedDumper, allow_unicode=True, sort_keys=False)
    return text


def compose(text: str) -> Node | None:
    """The node tree of ``text`` (one document), or None when it holds no document.

    Raises yaml.YAMLError on syntax errors.
    """
    loader = Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def construct(node: Node) -> Any:
    """Python values for a node tree composed by ``compose``."""
    loader = Loader("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def mapping_items(node: MappingNode) -> list[tuple[Node, Node]]:
    """The (key, value) node pairs of a mapping node, typed."""
    items: list[tuple[Node, Node]] = node.value
    return items
