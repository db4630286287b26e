"""The vocabulary of rules: fields (facts) and predicates over them, and their registry.

The classes here are what :mod:`ledarskap.eligibility.predicates` shows; the built-in
fields and predicates are in :mod:`._builtin`, above this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple, TypeAlias

import attrs

from ledarskap._deprecation import warn_deprecated
from ledarskap._found import closest
from ledarskap.errors import InvalidValueError
from ledarskap.model import Application
from ledarskap.text import Language, Text

from . import valuetypes as vt
from .context import EvaluationContext
from .valuetypes import ValueType

__all__ = [
    "A_RULE_NAME",
    "KEYWORDS",
    "Argument",
    "Check",
    "Checked",
    "FieldSpec",
    "PredicateRegistry",
    "PredicateSpec",
    "Texts",
    "is_rule_name",
    "unknown_type",
    "value_type",
]

KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false"})
"""The words of the rule syntax, which no field or predicate may be called."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
"""A name as the rule syntax reads one (the tokenizer's ``name``)."""

A_RULE_NAME = Text(
    "ett namn som en regel kan skriva: bokstäverna a–z, siffror och _, inte först en siffra, "
    "och inget av orden and, or, not, in, true, false",
    "a name a rule can write: the letters a–z, digits and _, not starting with a digit, "
    "and none of the words and, or, not, in, true, false",
)
"""What a field, predicate, argument or parameter must be called."""


def is_rule_name(name: object) -> bool:
    """Whether *name* can be written in a rule's text (and so read back from it)."""
    return isinstance(name, str) and _NAME.fullmatch(name) is not None and name not in KEYWORDS


class Check(NamedTuple):
    """What a predicate found: its truth (``None`` for unknown) and what it saw and expected.

    ``seen`` and ``expected`` are data as they appear in a decision (text, numbers,
    lists; enums, dates, tuples and sets are made plain there); ``missing`` names the
    facts that were unknown. A predicate may return the same four values as a plain
    tuple (:data:`Checked`), as the built-ins do: it is cheaper to make.
    """

    value: bool | None
    seen: object = None
    expected: object = None
    missing: tuple[str, ...] = ()


Checked: TypeAlias = tuple[bool | None, object, object, tuple[str, ...]]
"""What a predicate returns: a :class:`Check`, or its four values as a plain tuple."""


@attrs.frozen
class Texts:
    """A predicate's text in one language, for each result.

    Templates may use ``{seen}``, ``{expected}``, any argument by name, and the applicant's
    facts ``{position}``, ``{municipality}``, ``{organisation}``.
    """

    true: str
    false: str
    unknown: str

    def for_result(self, result: str) -> str:
        """The template for ``"true"``, ``"false"`` or ``"unknown"``."""
        return {"true": self.true, "false": self.false}.get(result, self.unknown)


def _texts_by_result(sv: Texts, en: Texts) -> dict[str, Text]:
    return {r: Text(sv.for_result(r), en.for_result(r)) for r in ("true", "false", "unknown")}


_TYPES: dict[str, ValueType] = {
    t.name: t
    for t in (
        vt.TEXT,
        vt.INTEGER,
        vt.BOOLEAN,
        vt.DATE,
        vt.POSITION,
        vt.POSITION_KIND,
        vt.ORGANISATION_KIND,
        vt.POLITICAL_BODY_KIND,
        vt.STAFF_FUNCTION,
        vt.MUNICIPALITY,
        vt.COUNTY,
    )
}


def value_type(name: str | ValueType) -> ValueType:
    """A :class:`ValueType` by name: ``"position"``, ``"list[municipality]"``, ``"integer"``."""
    if isinstance(name, ValueType):
        return name
    if name.startswith("list[") and name.endswith("]"):
        return vt.list_of(value_type(name[5:-1]))
    try:
        return _TYPES[name]
    except KeyError:
        raise ValueError(unknown_type(name).en) from None


def unknown_type(name: str) -> Text:
    """What :func:`value_type` says of the name *name*, or of the unknown name in it.

    >>> unknown_type("list[colour]").sv.partition(";")[0]
    "okänd värdetyp 'colour'"
    """
    while name.startswith("list[") and name.endswith("]"):
        name = name[5:-1]
    known = ", ".join(_TYPES)
    return Text(
        f"okänd värdetyp {name!r}; kända: {known}", f"unknown value type {name!r}; known: {known}"
    )


@attrs.frozen(kw_only=True)
class Argument:
    """An argument of a predicate: its type and, if optional, its default (normalised)."""

    name: str
    type: ValueType
    default: object = None
    required: bool = True
    description: str = ""


def _pairs(
    value: Mapping[str, ValueType] | Iterable[tuple[str, ValueType]],
) -> tuple[tuple[str, ValueType], ...]:
    return tuple(dict(value).items())


@attrs.frozen(kw_only=True)
class PredicateSpec:
    """A registered predicate.

    ``function(application, context, **arguments)`` returns a :class:`Check`: the one
    definition of the predicate, from which both the explanation (the whole check) and
    the evaluation without explanations (its truth alone) come. ``facts`` names the facts it reads (reported as missing when unknown);
    ``parameters`` the rule-set parameters it reads without a rule naming them, each with
    its type (``collaborating_municipalities``: ``list[municipality]``), so that loading
    converts and checks their values.
    """

    name: str
    description: str
    sv: Texts
    en: Texts
    arguments: tuple[Argument, ...]
    function: Callable[..., Checked] = attrs.field(repr=False)
    facts: tuple[str, ...] = ()
    shows: ValueType | None = None
    """The type of ``seen`` and ``expected``, to show them in a language."""
    parameters: tuple[tuple[str, ValueType], ...] = attrs.field(default=(), converter=_pairs)
    """The parameters read from the context (see above), as ``(name, type)`` pairs."""
    fast: object = attrs.field(default=None, repr=False, eq=False)
    """Deprecated since 0.3, ignored: the function is the predicate's one definition."""

    def __attrs_post_init__(self) -> None:
        if self.fast is not None:
            warn_deprecated("PredicateSpec(fast=...)", "the predicate function alone")

    def texts(self, language: Language) -> Texts:
        """The texts in *language* (``"sv"`` or ``"en"``; anything else is refused)."""
        true, false, unknown = (self.text(r).render(language) for r in ("true", "false", "unknown"))
        return Texts(true=true, false=false, unknown=unknown)

    def text(self, result: str) -> Text:
        """The template for ``"true"``, ``"false"`` or ``"unknown"`` in both languages."""
        return _texts_by_result(self.sv, self.en)[result]

    def argument(self, name: str) -> Argument | None:
        """The argument called *name*, if there is one."""
        return next((a for a in self.arguments if a.name == name), None)


@attrs.frozen(kw_only=True)
class FieldSpec:
    """A registered field: one fact of an applicant, read by ``get(application, context)``.

    ``get`` returns the normalised value (see :class:`ValueType`) or ``None`` when unknown.
    ``label_sv``/``label_en`` name the fact in messages ("befattningen", "the position").
    """

    name: str
    type: ValueType
    description: str
    label_sv: str
    label_en: str
    get: Callable[[Application, EvaluationContext], Any] = attrs.field(repr=False)
    fact: str = ""
    """The fact reported missing when ``get`` returns ``None`` (the field's name if empty)."""

    @property
    def label_text(self) -> Text:
        """The fact's name in both languages."""
        return Text(self.label_sv, self.label_en)

    def label(self, language: Language) -> str:
        """The fact's name in *language* (``"sv"`` or ``"en"``; anything else is refused)."""
        return self.label_text.render(language)

    @property
    def missing_fact(self) -> str:
        """The fact reported as missing when this field is unknown."""
        return self.fact or self.name


class PredicateRegistry:
    """Fields and predicates by name: the vocabulary a rule set is checked against.

    Registries are plain objects: make one with :func:`default_registry` (the built-ins)
    or ``PredicateRegistry()`` (empty), add to it, and pass it where rules are parsed.
    """

    def __init__(
        self,
        predicates: Iterable[PredicateSpec] = (),
        fields: Iterable[FieldSpec] = (),
    ) -> None:
        self._predicates: dict[str, PredicateSpec] = {p.name: p for p in predicates}
        self._fields: dict[str, FieldSpec] = {f.name: f for f in fields}
        self._frozen = False

    def freeze(self) -> PredicateRegistry:
        """Refuse any further :meth:`register` (the built-ins are frozen); returns self."""
        self._frozen = True
        return self

    def copy(self) -> PredicateRegistry:
        """A registry with the same entries, to extend without touching this one."""
        return PredicateRegistry(self._predicates.values(), self._fields.values())

    # Adding ----------------------------------------------------------------------------

    def register(self, spec: PredicateSpec | FieldSpec) -> None:
        """Add a predicate or field; a name already taken (by either) is an error."""
        if self._frozen:
            raise ValueError("this registry is frozen: add to a copy (registry.copy())")
        if spec.name in self._predicates or spec.name in self._fields:
            raise ValueError(f"{spec.name!r} is already registered")
        arguments = spec.arguments if isinstance(spec, PredicateSpec) else ()
        for name in (spec.name, *(a.name for a in arguments)):
            if not is_rule_name(name):  # a rule could name it, but not print it to read back
                raise InvalidValueError(
                    location="PredicateRegistry.register", expected=A_RULE_NAME, found=name
                )
        if isinstance(spec, FieldSpec):
            self._fields[spec.name] = spec
        else:
            self._predicates[spec.name] = spec

    def predicate(
        self,
        name: str,
        *,
        description: str,
        sv: Texts,
        en: Texts,
        arguments: Mapping[str, str | ValueType | Argument] | None = None,
        facts: Iterable[str] = (),
        shows: str | ValueType | None = None,
        parameters: Mapping[str, str | ValueType] | None = None,
        fast: object = None,
    ) -> Callable[[Callable[..., Checked]], Callable[..., Checked]]:
        """Decorator: register the decorated function as the predicate *name*.

        *arguments* maps each argument's name to its type (a name such as ``"position"``,
        ``"list[municipality]"``, or a :class:`ValueType`), or to a full :class:`Argument`
        for an optional one with a default. *parameters* maps each rule-set parameter the
        predicate reads from the context to its type, in the same way.

        .. deprecated:: 0.3
           *fast*: the decorated function is the one definition, and evaluation without
           explanations keeps its truth; a *fast* twin is ignored.
        """
        if fast is not None:
            warn_deprecated("PredicateRegistry.predicate(fast=...)", "the predicate function alone")

        def decorate(function: Callable[..., Checked]) -> Callable[..., Checked]:
            self.register(
                PredicateSpec(
                    name=name,
                    description=description,
                    sv=sv,
                    en=en,
                    arguments=tuple(
                        a
                        if isinstance(a, Argument)
                        else Argument(name=arg_name, type=value_type(a))
                        for arg_name, a in (arguments or {}).items()
                    ),
                    function=function,
                    facts=tuple(facts),
                    shows=None if shows is None else value_type(shows),
                    parameters={k: value_type(v) for k, v in (parameters or {}).items()},
                )
            )
            return function

        return decorate

    # Looking up ------------------------------------------------------------------------

    def get_predicate(self, name: str) -> PredicateSpec | None:
        """The predicate called *name*, or ``None``."""
        return self._predicates.get(name)

    def get_field(self, name: str) -> FieldSpec | None:
        """The field called *name*, or ``None``."""
        return self._fields.get(name)

    @property
    def predicates(self) -> Mapping[str, PredicateSpec]:
        """Every predicate, by name."""
        return dict(self._predicates)

    @property
    def fields(self) -> Mapping[str, FieldSpec]:
        """Every field, by name."""
        return dict(self._fields)

    def parameter_types(self) -> dict[str, tuple[ValueType, ...]]:
        """The types of the parameters predicates read without a rule naming them, by name."""
        found: dict[str, tuple[ValueType, ...]] = {}
        for spec in self._predicates.values():
            for name, kind in spec.parameters:
                found[name] = (*found.get(name, ()), kind)
        return found

    def suggest(self, name: str, *, fields: bool = True, predicates: bool = True) -> str | None:
        """The registered name closest to *name* ("did you mean …?"), or ``None``."""
        names = [*(self._fields if fields else ()), *(self._predicates if predicates else ())]
        return closest(name, names)

    def __contains__(self, name: object) -> bool:
        return name in self._predicates or name in self._fields

    def __repr__(self) -> str:
        return (
            f"<PredicateRegistry: {len(self._fields)} fields, {len(self._predicates)} predicates>"
        )
