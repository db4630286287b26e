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

from ledarskap.errors import safe_repr
from ledarskap.text import Text

from ._meaning import Broken, Call, Compare, Draft, Junction, Negation, Where
from ._rules import MAX_DEPTH, ParameterRef
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
        return Broken(error.message, "syntax", place.span(error.start, error.end))


_END = Text("regelns slut", "the end of the rule")
_TOO_DEEP = Text(
    f"en regel nästlad djupare än {MAX_DEPTH} nivåer", f"a rule nested more than {MAX_DEPTH} deep"
)
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

    def fail(self, message: Text) -> None:
        """Raise *message*, saying what was found instead (the token at hand)."""
        token = self.token
        if token.kind == "end":
            found_sv, found_en = _END.sv, _END.en
        else:
            found_sv = found_en = safe_repr(token.text, 60)
        said = Text(f"{message.sv}, fick {found_sv}", f"{message.en}, found {found_en}")
        raise ReadError(said, token.start, max(token.end, token.start + 1))

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
                )
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
                self.fail(_TOO_DEEP)
            try:
                if self.accept("not"):
                    return Negation(self.not_expr(), self.where)
                self.expect("(", Text("'('", "'('"))
                inner = self.expr()
                self.expect(")", Text("')'", "')'"))
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
        name_where = self.span(token.start, token.end)
        if op is not None:
            value, end = self.value()
            field_where = self.span(token.start, token.start + len(token.text))
            return Compare(token.text, op, value, self.span(token.start, end), field_where)
        args: list[tuple[str, Any, Where]] = []
        end = token.end
        if self.accept("("):
            while not self.accept(")"):
                name = self.token
                if name.kind != "name":
                    self.fail(
                        Text(
                            "förväntade ett argumentnamn eller ')'",
                            "expected an argument name or ')'",
                        )
                    )
                self.pos += 1
                self.expect("=", Text("'=' efter argumentets namn", "'=' after the argument name"))
                value, _ = self.value()
                args.append((name.text, value, self.span(name.start, name.end)))
                if not self.accept(","):
                    end = self.expect(")", Text("',' eller ')'", "',' or ')'")).end
                    break
            else:
                end = self.tokens[self.pos - 1].end
        return Call(token.text, tuple(args), self.span(token.start, end), name_where)

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
        if token.text == "[":
            items: list[Any] = []
            while not self.accept("]"):
                item, _ = self.value()
                if isinstance(item, list | ParameterRef):
                    self.pos -= 1
                    self.fail(
                        Text(
                            "förväntade ett enkelt värde i en lista",
                            "expected a plain value in a list",
                        )
                    )
                items.append(item)
                if not self.accept(","):
                    self.expect("]", Text("',' eller ']'", "',' or ']'"))
                    break
            return items, self.tokens[self.pos - 1].end
        self.pos -= 1
        self.fail(_A_VALUE)
        raise AssertionError  # pragma: no cover
