"""The rule expression syntax: tokenizer, parser, checker and printer.

Grammar (``or`` binds loosest, then ``and``, then ``not``)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | "(" expr ")" | comparison | call
    comparison := FIELD OP value              OP: == != < <= > >= in "not in"
    call       := PREDICATE ["(" [NAME "=" value ("," NAME "=" value)*] ")"]
    value      := STRING | INTEGER | true | false | "[" value ("," value)* "]" | PARAMETER
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import json
import re
from collections.abc import Mapping
from typing import Any

import attrs

from .predicates import FieldSpec, PredicateRegistry, registry_or_builtin
from .problems import RuleProblem
from .rules import (
    OPERATORS,
    AllOf,
    AnyOf,
    Comparison,
    Not,
    Operator,
    ParameterRef,
    Predicate,
    Rule,
    all_of,
    any_of,
    not_,
)
from .valuetypes import list_of

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
   |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
   |(?P<number>-?\d+(?![\w.-]))
   |(?P<op>==|!=|<=|>=|<|>)
   |(?P<punct>[()\[\],=])
   |(?P<name>[A-Za-z_][A-Za-z0-9_]*)
    """,
    re.VERBOSE,
)
_NOT_WHOLE = re.compile(r"-?\d+[.eE]\d*")
_KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false"})
MAX_DEPTH = 64
"""How deep parentheses and ``not`` may nest in a rule read from text or data."""


@attrs.frozen
class Token:
    kind: str
    text: str
    start: int
    end: int


@attrs.frozen
class SpanProblem:
    """A problem at characters ``start:end`` of the rule text (the whole text if ``None``)."""

    message: str
    code: str
    start: int | None = None
    end: int | None = None
    hint: str | None = None

    def as_problem(
        self,
        location: str,
        text: str,
        *,
        source: str | None = None,
        first_line: int | None = None,
        path: str | None = None,
    ) -> RuleProblem:
        """This problem as a :class:`RuleProblem`, with the text and a caret under the span.

        With *first_line* (the file line the text starts on) the location is the file line;
        otherwise it is *location* with the column (and line, for a text of several lines).
        """
        excerpt = None
        line_index = column = None
        if self.start is not None:
            start = min(self.start, len(text))
            line_index = text.count("\n", 0, start)
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_text = text[line_start : None if line_end < 0 else line_end]
            column = start - line_start + 1
            width = max(1, min(self.end or start + 1, len(line_text) + line_start) - start)
            excerpt = f"    {line_text}\n    {' ' * (column - 1)}{'^' * width}"
        line = None
        where = location
        if first_line is not None:
            line = first_line + (line_index or 0)
        elif column is not None:
            multi = "\n" in text.strip()
            where += f", line {(line_index or 0) + 1}" if multi else ""
            where += f", column {column}"
        return RuleProblem(
            self.message,
            code=self.code,
            source=source,
            line=line,
            path=path or where,
            column=column,
            hint=self.hint,
            excerpt=excerpt,
        )


class _SyntaxError(Exception):
    def __init__(self, problem: SpanProblem) -> None:
        self.problem = problem


def tokenize(text: str) -> list[Token]:
    """The tokens of *text*; a character no token starts with is a syntax error."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            number = _NOT_WHOLE.match(text, pos)
            if number is not None:  # 2.5, 3,5, 2e3: numbers in rules are whole
                raise _SyntaxError(
                    SpanProblem(
                        f"expected a whole number, found {number.group()!r}",
                        "syntax",
                        pos,
                        number.end(),
                    )
                )
            raise _SyntaxError(
                SpanProblem(f"unexpected character {text[pos]!r}", "syntax", pos, pos + 1)
            )
        kind = match.lastgroup or "ws"
        if kind != "ws":
            if kind == "name" and match.group() in _KEYWORDS:
                kind = "keyword"
            tokens.append(Token(kind, match.group(), match.start(), match.end()))
        pos = match.end()
    tokens.append(Token("end", "", len(text), len(text)))
    return tokens


class _Parser:
    def __init__(self, text: str, registry: PredicateRegistry) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.registry = registry
        self.problems: list[SpanProblem] = []
        self.depth = 0

    # Token helpers ---------------------------------------------------------------------

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def peek(self, offset: int = 1) -> Token:
        return self.tokens[min(self.pos + offset, len(self.tokens) - 1)]

    def accept(self, text: str) -> Token | None:
        if self.token.text == text and self.token.kind in ("keyword", "punct", "op"):
            token = self.token
            self.pos += 1
            return token
        return None

    def expect(self, text: str, what: str) -> Token:
        token = self.accept(text)
        if token is None:
            self.fail(f"expected {what}")
        assert token is not None
        return token

    def fail(self, message: str) -> None:
        token = self.token
        found = "the end of the rule" if token.kind == "end" else repr(token.text)
        raise _SyntaxError(
            SpanProblem(
                f"{message}, found {found}", "syntax", token.start, max(token.end, token.start + 1)
            )
        )

    # Grammar ---------------------------------------------------------------------------

    def parse(self) -> Rule | None:
        if self.token.kind == "end":
            self.fail("expected a rule")
        rule = self.expr()
        if self.token.kind != "end":
            self.fail("expected 'and', 'or' or the end of the rule")
        return rule

    def expr(self) -> Rule | None:
        parts = [self.and_expr()]
        while self.accept("or"):
            parts.append(self.and_expr())
        return _combine(any_of, parts)

    def and_expr(self) -> Rule | None:
        parts = [self.not_expr()]
        while self.accept("and"):
            parts.append(self.not_expr())
        return _combine(all_of, parts)

    def not_expr(self) -> Rule | None:
        if self.token.text in ("not", "(") and self.token.kind in ("keyword", "punct"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                self.fail(f"a rule nested more than {MAX_DEPTH} deep")
            try:
                if self.accept("not"):
                    inner = self.not_expr()
                    return None if inner is None else not_(inner)
                self.expect("(", "'('")
                inner = self.expr()
                self.expect(")", "')'")
                return inner
            finally:
                self.depth -= 1
        token = self.token
        if token.kind != "name":
            self.fail("expected a predicate, a field or '('")
        self.pos += 1
        op = self.operator()
        if op is not None:
            value, end = self.value()
            return check_comparison(
                token.text, op, value, self.registry, self.problems, (token.start, end)
            )
        args: dict[str, Any] = {}
        end = token.end
        if self.accept("("):
            while not self.accept(")"):
                name = self.token
                if name.kind != "name":
                    self.fail("expected an argument name or ')'")
                self.pos += 1
                self.expect("=", "'=' after the argument name")
                if name.text in args:
                    self.problems.append(
                        SpanProblem(
                            f"argument {name.text!r} given twice", "argument", name.start, name.end
                        )
                    )
                args[name.text], _ = self.value()
                if not self.accept(","):
                    end = self.expect(")", "',' or ')'").end
                    break
            else:
                end = self.tokens[self.pos - 1].end
        return check_predicate(
            token.text, args, self.registry, self.problems, (token.start, token.end), end
        )

    def operator(self) -> Operator | None:
        token = self.token
        if token.kind == "op" or (token.text == "in" and token.kind == "keyword"):
            self.pos += 1
            return token.text  # type: ignore[return-value]
        if token.text == "not" and self.peek().text == "in":
            self.pos += 2
            return "not in"
        return None

    def value(self) -> tuple[Any, int]:
        token = self.token
        self.pos += 1
        if token.kind == "string":
            return _unquote(token), token.end
        if token.kind == "number":
            return int(token.text), token.end
        if token.kind == "keyword" and token.text in ("true", "false"):
            return token.text == "true", token.end
        if token.kind == "name":
            return ParameterRef(token.text), token.end
        if token.text == "[":
            items: list[Any] = []
            while not self.accept("]"):
                item, _ = self.value()
                if isinstance(item, list | ParameterRef):
                    self.pos -= 1
                    self.fail("expected a plain value in a list")
                items.append(item)
                if not self.accept(","):
                    self.expect("]", "',' or ']'")
                    break
            return items, self.tokens[self.pos - 1].end
        self.pos -= 1
        self.fail("expected a value (text in quotes, a number, true, false, a list or a parameter)")
        raise AssertionError  # pragma: no cover


_ESCAPES = {
    '"': '"',
    "'": "'",
    "\\": "\\",
    "/": "/",
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
}
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")


def _unquote(token: Token) -> str:
    """The text of a string token, with JSON's escapes (what the printer writes)."""
    body = token.text[1:-1]
    out: list[str] = []
    i = 0
    while i < len(body):
        char = body[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        escape = body[i + 1]
        if escape in _ESCAPES:
            out.append(_ESCAPES[escape])
            i += 2
        elif escape == "u" and _HEX4.fullmatch(body, i + 2, i + 6):
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        else:
            at = token.start + 1 + i
            raise _SyntaxError(
                SpanProblem(f"unknown escape \\{escape} in text", "syntax", at, at + 2)
            )
    return "".join(out)


def _combine(make: Any, parts: list[Rule | None]) -> Rule | None:
    if any(p is None for p in parts):
        return None
    return make(*parts)  # type: ignore[no-any-return]


def _unknown_name(
    name: str, registry: PredicateRegistry, span: tuple[int, int] | None, what: str
) -> SpanProblem:
    near = registry.suggest(name)
    start, end = span or (None, None)
    return SpanProblem(
        f"unknown {what} {name!r}",
        "unknown-name",
        start,
        end,
        hint=f"did you mean {near!r}?" if near else None,
    )


def check_predicate(  # noqa: PLR0917  # the parser passes spans positionally
    name: str,
    args: Mapping[str, Any],
    registry: PredicateRegistry | None,
    problems: list[Any],
    span: tuple[int, int] | None = None,
    end: int | None = None,
) -> Rule | None:
    """The :class:`Predicate` *name* with *args* checked and normalised (or ``None``).

    Problems are appended to *problems*.
    """
    registry = registry_or_builtin(registry)
    spec = registry.get_predicate(name)
    start = None if span is None else span[0]
    whole_end = end if end is not None else (None if span is None else span[1])
    if spec is None:
        if registry.get_field(name) is not None:
            problems.append(
                SpanProblem(
                    f"{name!r} is a field: compare it with a value (e.g. {name} == …)",
                    "field-as-predicate",
                    start,
                    whole_end,
                )
            )
        else:
            problems.append(_unknown_name(name, registry, span, "predicate or field"))
        return None
    before = len(problems)
    normal: dict[str, Any] = {}
    for arg_name, value in args.items():
        argument = spec.argument(arg_name)
        if argument is None:
            names = [a.name for a in spec.arguments]
            near = difflib.get_close_matches(arg_name, names, n=1, cutoff=0.5)
            problems.append(
                SpanProblem(
                    f"{name} takes no argument {arg_name!r}"
                    + (f"; it takes {', '.join(names)}" if names else "; it takes none"),
                    "unknown-argument",
                    start,
                    whole_end,
                    hint=f"did you mean {near[0]!r}?" if near else None,
                )
            )
            continue
        if isinstance(value, ParameterRef):
            normal[arg_name] = value
            continue
        try:
            converted = argument.type.convert(value)
        except (ValueError, TypeError) as error:
            problems.append(
                SpanProblem(
                    f"argument {arg_name!r} of {name}: {error}", "argument-type", start, whole_end
                )
            )
            continue
        if argument.required or converted != argument.default:
            normal[arg_name] = converted
    problems.extend(
        SpanProblem(
            f"{name} needs the argument {argument.name!r} ({argument.type})",
            "missing-argument",
            start,
            whole_end,
        )
        for argument in spec.arguments
        if argument.required and argument.name not in args
    )
    if len(problems) > before:
        return None
    return Predicate(name, tuple(sorted(normal.items())))


def check_comparison(  # noqa: PLR0917  # the parser passes spans positionally
    field: str,
    op: Operator,
    value: Any,
    registry: PredicateRegistry | None,
    problems: list[Any],
    span: tuple[int, int] | None = None,
) -> Rule | None:
    """The :class:`Comparison` checked and normalised, or ``None`` with problems appended."""
    registry = registry_or_builtin(registry)
    spec: FieldSpec | None = registry.get_field(field)
    start, end = span or (None, None)
    if spec is None:
        if registry.get_predicate(field) is not None:
            problems.append(
                SpanProblem(
                    f"{field!r} is a predicate, not a field: it cannot be compared",
                    "predicate-as-field",
                    start,
                    end,
                )
            )
        else:
            problems.append(
                _unknown_name(
                    field,
                    registry,
                    None if span is None else (start or 0, (start or 0) + len(field)),
                    "field",
                )
            )
        return None
    if op not in OPERATORS:
        problems.append(SpanProblem(f"unknown operator {op!r}", "operator", start, end))
        return None
    if op in ("<", "<=", ">", ">=") and not spec.type.ordered:
        problems.append(
            SpanProblem(
                f"{field} ({spec.type}) cannot be compared with {op}; use == , != , in or not in",
                "operator",
                start,
                end,
            )
        )
        return None
    if isinstance(value, ParameterRef):
        return Comparison(field, op, value)
    wanted = list_of(spec.type) if op in ("in", "not in") else spec.type
    try:
        converted = wanted.convert(value)
    except (ValueError, TypeError) as error:
        problems.append(SpanProblem(f"{field} {op}: {error}", "value-type", start, end))
        return None
    return Comparison(field, op, converted)


def parse(
    text: object, registry: PredicateRegistry | None
) -> tuple[Rule | None, list[SpanProblem]]:
    """The rule in *text* and the problems found (all of them, or the first syntax error)."""
    if not isinstance(text, str):
        return None, [
            SpanProblem(f"expected the rule as text, found {type(text).__name__}", "syntax")
        ]
    try:
        parser = _Parser(text, registry_or_builtin(registry))
        rule = parser.parse()
    except _SyntaxError as error:
        return None, [error.problem]
    return rule, parser.problems


# Printing -------------------------------------------------------------------------------


_PLAIN = (str, int, bool, float)


def source_value(value: Any) -> Any:
    """A normalised value as plain data: enums by value, dates as text, tuples as lists."""
    kind = type(value)
    if (
        kind is str
        or kind is int
        or kind is bool
        or value is None
        # Predicates return plain data (Check's contract): a list is checked by its head.
        or (kind is list and (not value or type(value[0]) in _PLAIN))
    ):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list | frozenset):
        return [source_value(v) for v in value]
    if isinstance(value, ParameterRef):
        return value.name
    return value


def _literal(value: Any) -> str:
    if isinstance(value, ParameterRef):
        return value.name
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple | list | frozenset):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return json.dumps(source_value(value), ensure_ascii=False)


def unparse(rule: Rule) -> str:
    """The source text of *rule* in the expression syntax."""
    if isinstance(rule, Predicate):
        if not rule.args:
            return rule.name
        return f"{rule.name}({', '.join(f'{k}={_literal(v)}' for k, v in rule.args)})"
    if isinstance(rule, Comparison):
        return f"{rule.field} {rule.op} {_literal(rule.value)}"
    if isinstance(rule, Not):
        inner = unparse(rule.rule)
        return (
            f"not {inner}"
            if isinstance(rule.rule, Predicate | Comparison | Not)
            else f"not ({inner})"
        )
    if isinstance(rule, AllOf):
        return " and ".join(
            f"({unparse(r)})" if isinstance(r, AnyOf) else unparse(r) for r in rule.rules
        )
    if isinstance(rule, AnyOf):
        return " or ".join(
            f"({unparse(r)})" if isinstance(r, AllOf) else unparse(r) for r in rule.rules
        )
    raise TypeError(f"not a rule: {rule!r}")
