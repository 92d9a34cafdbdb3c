"""A tiny, safe expression language for question conditions (never ``eval``).

Grammar::

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := operand (("==" | "!=" | "in" | "not" "in") operand)?
    operand := path | "string" | 'string' | integer | true | false | null | "(" expr ")"
    path    := name ("." name)*

A path starts with ``answers`` (the interview's gate answers, by question id) or with a top-level
draft field (``meta.kind``, ``table3.new.natural``, ``prior.year``...).

Evaluation is three-valued: a path whose answer is not given yet is *unknown*, and so is any
comparison with it, except ``== null`` / ``!= null``, which ask whether it is answered. ``and``
is false as soon as one side is false, ``or`` true as soon as one side is true. A question is
shown only when its condition is true; a cell that opts in is set to 0 only when its condition
is definitely false (every gate answer it depends on is given).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from pydantic import BaseModel

from assistant.core.draft import Draft, get_path

Tri = bool | None
"""True, False, or None for "not known yet"."""

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"[^"\\]*"|'[^'\\]*')
      | (?P<number>\d+)
      | (?P<op>==|!=|\(|\)|\.)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}
_LITERALS: dict[str, Any] = {"true": True, "false": False, "null": None}


class ConditionSyntaxError(ValueError):
    """The condition text is not in the language; the message is in Chinese."""


@dataclass(frozen=True)
class _Lit:
    value: Any


@dataclass(frozen=True)
class _Ref:
    path: tuple[str, ...]


@dataclass(frozen=True)
class _Not:
    operand: _Node


@dataclass(frozen=True)
class _Bool:
    op: str  # "and" | "or"
    left: _Node
    right: _Node


@dataclass(frozen=True)
class _Cmp:
    op: str  # "==" | "!=" | "in" | "not in"
    left: _Node
    right: _Node


_Node = _Lit | _Ref | _Not | _Bool | _Cmp


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise ConditionSyntaxError(
                f"条件在第 {pos + 1} 个字符处无法识别：{text[pos : pos + 10]!r}"
            )
        kind = match.lastgroup or ""
        value = match.group(kind)
        if kind == "name" and value in _KEYWORDS:
            kind = "kw"
        tokens.append((kind, value))
        pos = match.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.pos = 0

    def peek(self, offset: int = 0) -> tuple[str, str] | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise ConditionSyntaxError("条件不完整：结尾缺少内容")
        self.pos += 1
        return token

    def at(self, kind: str, value: str | None = None) -> bool:
        token = self.peek()
        return token is not None and token[0] == kind and (value is None or token[1] == value)

    def parse(self) -> _Node:
        node = self.expr()
        if self.peek() is not None:
            raise ConditionSyntaxError(f"条件中多余的内容：{self.peek()[1]!r}")  # type: ignore[index]
        return node

    def expr(self) -> _Node:
        node = self.conj()
        while self.at("kw", "or"):
            self.take()
            node = _Bool("or", node, self.conj())
        return node

    def conj(self) -> _Node:
        node = self.neg()
        while self.at("kw", "and"):
            self.take()
            node = _Bool("and", node, self.neg())
        return node

    def neg(self) -> _Node:
        if self.at("kw", "not"):
            self.take()
            return _Not(self.neg())
        return self.compare()

    def compare(self) -> _Node:
        left = self.operand()
        token = self.peek()
        if token is None:
            return left
        if token in (("op", "=="), ("op", "!=")) or token == ("kw", "in"):
            self.take()
            return _Cmp(token[1], left, self.operand())
        if token == ("kw", "not") and self.peek(1) == ("kw", "in"):
            self.take()
            self.take()
            return _Cmp("not in", left, self.operand())
        return left

    def operand(self) -> _Node:
        kind, value = self.take()
        if kind == "string":
            return _Lit(value[1:-1])
        if kind == "number":
            return _Lit(int(value))
        if kind == "kw" and value in _LITERALS:
            return _Lit(_LITERALS[value])
        if kind == "op" and value == "(":
            node = self.expr()
            if self.take() != ("op", ")"):
                raise ConditionSyntaxError("条件中括号不配对")
            return node
        if kind == "name":
            parts = [value]
            while self.at("op", "."):
                self.take()
                name_kind, name = self.take()
                if name_kind != "name":
                    raise ConditionSyntaxError(f"“.”后面应是名称，而不是 {name!r}")
                parts.append(name)
            return _Ref(tuple(parts))
        raise ConditionSyntaxError(f"条件中此处不应出现 {value!r}")


_DRAFT_ROOTS = frozenset(Draft.model_fields) - {"schema_version", "interview", "acknowledged"}


@dataclass(frozen=True)
class Condition:
    """A parsed condition; evaluate with :meth:`evaluate`."""

    source: str
    root: _Node

    @property
    def answer_ids(self) -> frozenset[str]:
        """Ids of the gate questions this condition reads (``answers.<id>``)."""
        return frozenset(p[1] for p in _refs(self.root) if p[0] == "answers" and len(p) > 1)

    @property
    def draft_paths(self) -> frozenset[str]:
        """Draft field paths this condition reads."""
        return frozenset(".".join(p) for p in _refs(self.root) if p[0] != "answers")

    def evaluate(self, draft: Draft) -> Tri:
        """True, False, or None when an answer it depends on is not given yet."""
        return _truth(self._evaluator(draft))

    @cached_property
    def _evaluator(self) -> Evaluator:
        return _compile(self.root)


def _refs(node: _Node) -> list[tuple[str, ...]]:
    if isinstance(node, _Ref):
        return [node.path]
    if isinstance(node, _Not):
        return _refs(node.operand)
    if isinstance(node, _Bool | _Cmp):
        return _refs(node.left) + _refs(node.right)
    return []


class _Unknown:
    """The value of a path not answered yet."""


UNKNOWN = _Unknown()


Evaluator = Callable[[Draft], Any]
"""A compiled node: the draft in, its value (or UNKNOWN) out."""


def _lookup(path: tuple[str, ...]) -> Evaluator:
    """Reads ``path`` from a draft: UNKNOWN when absent, unanswered, or not a single value."""
    if path[0] == "answers":
        if len(path) != 2:
            return lambda draft: UNKNOWN
        question_id = path[1]

        def answer(draft: Draft) -> Any:
            value = draft.interview.answers.get(question_id)
            return UNKNOWN if value is None else value

        return answer

    def field(draft: Draft) -> Any:
        node: Any = draft
        for part in path:
            if isinstance(node, dict):
                if part not in node:
                    return UNKNOWN
                node = node[part]
            elif isinstance(node, BaseModel) and part in type(node).model_fields:
                node = getattr(node, part)
            else:
                return UNKNOWN
        return UNKNOWN if node is None or isinstance(node, BaseModel) else node

    return field


def _truth(value: Any) -> Tri:
    if value is UNKNOWN:
        return None
    return bool(value)


def _is_null(node: _Node) -> bool:
    return isinstance(node, _Lit) and node.value is None


def _compile(node: _Node) -> Evaluator:
    """The node as a function of the draft: parsed once, evaluated for every question shown."""
    if isinstance(node, _Lit):
        constant = node.value
        return lambda draft: constant
    if isinstance(node, _Ref):
        return _lookup(node.path)
    if isinstance(node, _Not):
        operand = _compile(node.operand)

        def negation(draft: Draft) -> Any:
            inner = _truth(operand(draft))
            return UNKNOWN if inner is None else not inner

        return negation
    if isinstance(node, _Bool):
        return _boolean(node.op == "or", _compile(node.left), _compile(node.right))
    return _comparison(node)


def _boolean(decisive: bool, left: Evaluator, right: Evaluator) -> Evaluator:
    """``and`` (decisive False) or ``or`` (decisive True): one decisive side settles it."""

    def boolean(draft: Draft) -> Any:
        first = _truth(left(draft))
        if first is decisive:
            return decisive
        second = _truth(right(draft))
        if second is decisive:
            return decisive
        if first is None or second is None:
            return UNKNOWN
        return not decisive

    return boolean


def _comparison(node: _Cmp) -> Evaluator:
    op = node.op
    if op in ("==", "!=") and _is_null(node.left) != _is_null(node.right):
        # "x == null" asks whether x is answered: that is always known.
        value = _compile(node.right if _is_null(node.left) else node.left)

        def answered(draft: Draft) -> bool:
            unanswered = value(draft) is UNKNOWN
            return unanswered if op == "==" else not unanswered

        return answered
    left, right = _compile(node.left), _compile(node.right)

    def comparison(draft: Draft) -> Any:
        a, b = left(draft), right(draft)
        if a is UNKNOWN or b is UNKNOWN:
            return UNKNOWN
        if op == "==":
            return a == b
        if op == "!=":
            return a != b
        if isinstance(b, list | tuple | str):
            found = a in b if isinstance(b, list | tuple) else str(a) in b
            return found if op == "in" else not found
        return op == "not in"

    return comparison


@lru_cache(maxsize=4096)
def compile_condition(source: str) -> Condition:
    """Parse once (cached); raises ConditionSyntaxError with a Chinese message."""
    root = _Parser(source).parse()
    for path in _refs(root):
        if path[0] == "answers":
            if len(path) != 2:
                raise ConditionSyntaxError(
                    f"“{'.'.join(path)}”：answers 后面应正好跟一个问题编号，"
                    "如 answers.has_applications"
                )
        elif path[0] not in _DRAFT_ROOTS:
            raise ConditionSyntaxError(
                f"未知的名称“{path[0]}”：条件只能引用 answers.<问题编号> 或草稿字段（如 meta.kind）"
            )
        else:
            try:
                get_path(Draft(), ".".join(path))
            except KeyError:
                raise ConditionSyntaxError(f"草稿中没有字段“{'.'.join(path)}”") from None
    return Condition(source, root)
