"""The rule expression syntax, read into the neutral tree of :mod:`._meaning`.

Grammar (``or`` binds loosest, then ``and``, then ``not``)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | "(" expr ")" | comparison | call
    comparison := FIELD OP value              OP: == != < <= > >= in "not in"
    call       := PREDICATE ["(" [NAME "=" value ("," NAME "=" value)*] ")"]
    value      := STRING | INTEGER | true | false | "[" value ("," value)* "]" | PARAMETER

Whether a name is a field or a predicate, and whether a value fits, is not known here:
:func:`~._meaning.build` checks the draft against the registry.
"""

from __future__ import annotations

from typing import Any, Literal

from ledarskap._found import did_you_mean
from ledarskap.errors import safe_repr
from ledarskap.text import Text

from ._meaning import Broken, Call, Compare, Draft, Junction, Listed, Negation, Where
from ._rules import MAX_DEPTH, TOO_DEEP, ParameterRef
from ._tokenizer import ReadError, Token, tokenize, unquote

__all__ = ["parse"]


def parse(text: object, where: Where) -> Draft:
    """The draft of the rule written in *text*; a syntax error is a :class:`Broken` draft.

    *where* is the place of the text (its path); spans are set within the text.
    """
    if not isinstance(text, str):
        kind = type(text).__name__
        message = Text(
            f"förväntade regeln som text, fick {kind}", f"expected the rule as text, found {kind}"
        )
        return Broken(message, "syntax", where)
    place = Where(where.path, text, path_sv=where.path_sv)
    try:
        return _Parser(text, place).parse()
    except ReadError as error:
        return Broken(error.message, "syntax", place.span(error.start, error.end), error.hint)


_END = Text("regelns slut", "the end of the rule")
_PLAIN_ITEM = Text(
    "förväntade ett enkelt värde i en lista (text inom citattecken, ett tal, true eller false)",
    "expected a plain value in a list (text in quotes, a number, true or false)",
)
_AN_OPERATOR = Text(
    "förväntade en operator (==, !=, <, <=, >, >=, in, not in)",
    "expected an operator (==, !=, <, <=, >, >=, in, not in)",
)
_DOUBLE_EQUALS = Text("menade du '=='?", "did you mean '=='?")
_WORDS = ("and", "or", "not", "in")
_A_VALUE = Text(
    "förväntade ett värde (text inom citattecken, ett tal, true, false, en lista eller en parameter)",
    "expected a value (text in quotes, a number, true, false, a list or a parameter)",
)


class _Parser:
    def __init__(self, text: str, where: Where) -> None:
        self.tokens = tokenize(text)
        self.where = where
        self.pos = 0
        self.depth = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def peek(self) -> Token:
        return self.tokens[min(self.pos + 1, len(self.tokens) - 1)]

    def accept(self, text: str) -> Token | None:
        if self.token.text == text and self.token.kind in ("keyword", "punct", "op"):
            token = self.token
            self.pos += 1
            return token
        return None

    def expect(self, text: str, what: Text) -> Token:
        token = self.accept(text)
        if token is None:
            self.fail(Text(f"förväntade {what.sv}", f"expected {what.en}"))
        assert token is not None
        return token

    def fail(self, message: Text, hint: Text | None = None) -> None:
        """Raise *message*, saying what was found instead (the token at hand)."""
        token = self.token
        self.decimal_comma()
        if token.kind == "end":
            found_sv, found_en = _END.sv, _END.en
        else:
            found_sv = found_en = safe_repr(token.text, 60)
        said = Text(f"{message.sv}, fick {found_sv}", f"{message.en}, found {found_en}")
        raise ReadError(said, token.start, max(token.end, token.start + 1), hint)

    def decimal_comma(self) -> None:
        """Raise "expected a whole number" for ``3,5`` where a list or call does not read it."""
        token, before, after = self.token, self.tokens[self.pos - 1], self.peek()
        if (
            token.text == ","
            and self.pos > 0
            and before.kind == after.kind == "number"
            and before.end == token.start
            and token.end == after.start
        ):
            found = safe_repr(f"{before.text},{after.text}", 40)
            message = Text(
                f"förväntade ett heltal, fick {found}", f"expected a whole number, found {found}"
            )
            raise ReadError(message, before.start, after.end)

    def word_hint(self) -> Text | None:
        """``and``, ``or``, ``not`` or ``in``, if the token at hand is one misspelt."""
        text = self.token.text
        if self.token.kind == "name" and text.lower() in _WORDS:
            return Text(f"menade du {text.lower()!r}?", f"did you mean {text.lower()!r}?")
        return did_you_mean(text, _WORDS) if self.token.kind == "name" else None

    def span(self, start: int, end: int) -> Where:
        return self.where.span(start, end)

    # Grammar ---------------------------------------------------------------------------

    def parse(self) -> Draft:
        if self.token.kind == "end":
            self.fail(Text("förväntade en regel", "expected a rule"))
        draft = self.expr()
        if self.token.kind != "end":
            self.fail(
                Text(
                    "förväntade 'and', 'or' eller regelns slut",
                    "expected 'and', 'or' or the end of the rule",
                ),
                self.word_hint(),
            )
        return draft

    def junction(self, kind: Literal["all_of", "any_of"], parts: list[Draft]) -> Draft:
        return parts[0] if len(parts) == 1 else Junction(kind, tuple(parts), self.where)

    def expr(self) -> Draft:
        parts = [self.and_expr()]
        while self.accept("or"):
            parts.append(self.and_expr())
        return self.junction("any_of", parts)

    def and_expr(self) -> Draft:
        parts = [self.not_expr()]
        while self.accept("and"):
            parts.append(self.not_expr())
        return self.junction("all_of", parts)

    def not_expr(self) -> Draft:
        if self.token.text in ("not", "(") and self.token.kind in ("keyword", "punct"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                self.fail(TOO_DEEP)
            try:
                if self.accept("not"):
                    return Negation(self.not_expr(), self.where)
                self.expect("(", Text("'('", "'('"))
                inner = self.expr()
                if self.token.text != ")":
                    self.fail(Text("förväntade ')'", "expected ')'"), self.word_hint())
                self.pos += 1
                return inner
            finally:
                self.depth -= 1
        token = self.token
        if token.kind != "name":
            self.fail(
                Text(
                    "förväntade ett predikat, ett fält eller '('",
                    "expected a predicate, a field or '('",
                )
            )
        self.pos += 1
        op = self.operator()
        if op is None and self.token.kind == "punct" and self.token.text == "=":
            self.fail(_AN_OPERATOR, _DOUBLE_EQUALS)
        name_where = self.span(token.start, token.end)
        if op is not None:
            value, end = self.value()
            field_where = self.span(token.start, token.start + len(token.text))
            return Compare(token.text, op, value, self.span(token.start, end), field_where)
        args, end = self.arguments() if self.accept("(") else ((), token.end)
        return Call(token.text, args, self.span(token.start, end), name_where)

    def arguments(self) -> tuple[tuple[tuple[str, Any, Where], ...], int]:
        """A call's arguments, after its ``(``, and where they end."""
        args: list[tuple[str, Any, Where]] = []
        while not self.accept(")"):
            name = self.token
            if name.kind != "name":
                self.fail(
                    Text(
                        "förväntade ett argumentnamn eller ')'", "expected an argument name or ')'"
                    )
                )
            self.pos += 1
            self.expect("=", Text("'=' efter argumentets namn", "'=' after the argument name"))
            value, _ = self.value()
            args.append((name.text, value, self.span(name.start, name.end)))
            if not self.accept(","):
                return tuple(args), self.expect(")", Text("',' eller ')'", "',' or ')'")).end
        return tuple(args), self.tokens[self.pos - 1].end

    def operator(self) -> str | None:
        token = self.token
        if token.kind == "op" or (token.text == "in" and token.kind == "keyword"):
            self.pos += 1
            return token.text
        if token.text == "not" and self.peek().text == "in":
            self.pos += 2
            return "not in"
        return None

    def value(self) -> tuple[Any, int]:
        """A value and where it ends: a plain value, a list of them or a parameter."""
        token = self.token
        self.pos += 1
        if token.kind == "string":
            return unquote(token), token.end
        if token.kind == "number":
            return int(token.text), token.end
        if token.kind == "keyword" and token.text in ("true", "false"):
            return token.text == "true", token.end
        if token.kind == "name":
            return ParameterRef(token.text), token.end
        if token.text == "[" and token.kind == "punct":
            return self.items()
        self.pos -= 1
        self.fail(_A_VALUE)
        raise AssertionError  # pragma: no cover

    def items(self) -> tuple[Listed, int]:
        """The items of a list, after its ``[``: plain values, each with its place.

        A list or a name in a list is refused before it is read: a list nests no list,
        so reading one costs no recursion, however many brackets the text opens.
        """
        items: list[Any] = []
        wheres: list[Where] = []
        while not self.accept("]"):
            token = self.token
            if token.kind == "name":
                quoted = safe_repr(token.text, 60).replace("'", '"')
                self.fail(
                    _PLAIN_ITEM,
                    Text(f"skriv text inom citattecken: {quoted}", f"quote text: {quoted}"),
                )
            if token.kind not in ("string", "number", "keyword"):
                self.fail(_PLAIN_ITEM)
            item, end = self.value()
            items.append(item)
            wheres.append(self.span(token.start, end))
            if not self.accept(","):
                self.expect("]", Text("',' eller ']'", "',' or ']'"))
                break
        return Listed(tuple(items), tuple(wheres)), self.tokens[self.pos - 1].end
