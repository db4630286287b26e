"""The vocabulary of rules: fields (facts) and predicates over them, and their registry.

The classes here are what :mod:`ledarskap.eligibility.predicates` shows; the built-in
fields and predicates are in :mod:`._builtin`, above this module.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import Any, NamedTuple, TypeAlias

import attrs

from ledarskap._deprecation import warn_deprecated
from ledarskap._found import closest
from ledarskap.errors import InvalidValueError, LedarskapError, UsageError
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
    "check_signature",
    "is_rule_name",
    "registry_named",
    "registry_reference",
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
    tuple (``(value, seen, expected, missing)``), as the built-ins do: it is cheaper to make.
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
    """A :class:`~ledarskap.eligibility.valuetypes.ValueType` by name: ``"position"``, ``"list[municipality]"``, ``"integer"``."""
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


# What inspect's Signature.bind says of a call a function cannot take, said in Swedish.
_CALL_PROBLEMS = (
    (re.compile(r"too many positional arguments"), "för många positionella argument"),
    (re.compile(r"missing a required argument: (.+)"), r"argumentet \1 saknas"),
    (re.compile(r"got an unexpected keyword argument (.+)"), r"den tar inget argument \1"),
    (re.compile(r"multiple values for argument (.+)"), r"argumentet \1 ges två gånger"),
    (
        re.compile(r"(.+) parameter is positional only, but was passed as a keyword"),
        r"argumentet \1 tas bara efter position, men ges med namn",
    ),
)


def _call_problem(error: TypeError) -> Text:
    english = str(error)
    for pattern, swedish in _CALL_PROBLEMS:
        if pattern.fullmatch(english):
            return Text(pattern.sub(swedish, english), english)
    return Text(english, english)


def _taken_by_position(signature: inspect.Signature, names: list[str]) -> Text | None:
    """What fills a declared argument's parameter by position, if one does: the cause."""
    by_position = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    first = [p for p in signature.parameters.values() if p.kind in by_position][:2]
    for index, parameter in enumerate(first):
        if parameter.name in names:
            sv, en = (("ansökan", "the application"), ("kontexten", "the context"))[index]
            return Text(
                f"{sv}, som ges efter position, skulle hamna i {parameter.name!r}",
                f"{en}, passed by position, would fill {parameter.name!r}",
            )
    return None


def _shown_signature(signature: inspect.Signature) -> str:
    """*signature* without its annotations: the parameters as a call sees them."""
    bare = [p.replace(annotation=inspect.Parameter.empty) for p in signature.parameters.values()]
    return str(signature.replace(parameters=bare, return_annotation=inspect.Signature.empty))


def check_signature(name: str, function: object, arguments: Iterable[Argument]) -> None:
    """Refuse a predicate *function* that cannot take the call a rule makes.

    A rule calls ``function(application, context, **arguments)``: the application and the
    :class:`EvaluationContext` by position, then every declared argument by name (an
    optional one is left out only where the function's own default is the declared
    one). A function whose signature cannot be read (some built-in functions) is taken
    as it is.
    """
    names = [a.name for a in arguments]
    called = ", ".join(["application", "context", *(["*", *names] if names else [])])
    expected = Text(
        f"en funktion {name}({called}) som returnerar en Check",
        f"a function {name}({called}) that returns a Check",
    )
    if not callable(function):
        raise UsageError(
            Text(
                f"predikatet {name!r}: förväntade {expected.sv}, fick {type(function).__name__}",
                f"predicate {name!r}: expected {expected.en}, found {type(function).__name__}",
            )
        )
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # no signature to read: the call is its own check
        return
    try:
        signature.bind(None, None, **dict.fromkeys(names))
    except TypeError as error:
        problem = _taken_by_position(signature, names) or _call_problem(error)
        shown = getattr(function, "__name__", None) or type(function).__name__
        found = f"{shown}{_shown_signature(signature)}"
        raise UsageError(
            Text(
                f"predikatet {name!r}: {found} kan inte anropas som en regel anropar ett "
                f"predikat ({problem.sv}); förväntade {expected.sv}",
                f"predicate {name!r}: {found} cannot be called as a rule calls a predicate "
                f"({problem.en}); expected {expected.en}",
            )
        ) from None


@attrs.frozen(kw_only=True)
class PredicateSpec:
    """A registered predicate.

    ``function(application, context, **arguments)`` returns a :class:`Check`: the one
    definition of the predicate, from which both the explanation (the whole check) and
    the evaluation without explanations (its truth alone) come. A registry checks the
    function against that call when the spec is registered: one it cannot take is a
    :class:`~ledarskap.errors.UsageError` (see :meth:`PredicateRegistry.predicate`).
    ``facts`` names the facts it reads (reported as missing when unknown); ``parameters``
    the rule-set parameters it reads without a rule naming them, each with its type
    (``collaborating_municipalities``: ``list[municipality]``), so that loading converts
    and checks their values.
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

    ``get`` returns the normalised value (see :class:`~ledarskap.eligibility.valuetypes.ValueType`) or ``None`` when unknown.
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

    A registry holds functions, so it pickles as a reference: the ``module:name`` of the
    module-level variable that holds it (as the pytest plugin's ``rule_registry`` names
    one), found among the modules of its functions, ``__main__`` and then every module
    imported. Unpickled, the name is imported again. A registry no module holds cannot be
    pickled (a :class:`~ledarskap.errors.UsageError` says so); :func:`copy.copy` and
    :func:`copy.deepcopy` make a registry with the same entries.

    .. versionchanged:: 0.3
       Pickled by reference; :func:`copy.copy` and :func:`copy.deepcopy` copy it.
    """

    def __init__(
        self,
        predicates: Iterable[PredicateSpec] = (),
        fields: Iterable[FieldSpec] = (),
    ) -> None:
        self._predicates: dict[str, PredicateSpec] = {p.name: p for p in predicates}
        self._fields: dict[str, FieldSpec] = {f.name: f for f in fields}
        self._frozen = False
        self._reference: str | None = None  # the module:name that holds it, once found
        for spec in self._predicates.values():
            check_signature(spec.name, spec.function, spec.arguments)

    def freeze(self) -> PredicateRegistry:
        """Refuse any further :meth:`register` (the built-ins are frozen); returns self."""
        self._frozen = True
        return self

    def copy(self) -> PredicateRegistry:
        """A registry with the same entries, to extend without touching this one."""
        copied = PredicateRegistry()
        copied._predicates.update(self._predicates)  # checked when they came in here
        copied._fields.update(self._fields)
        return copied

    def _known_as(self, reference: str) -> PredicateRegistry:
        """Pickle as *reference*, a function returning this very registry; returns self.

        *reference* is its ``module:name``: for the built-ins, made once.
        """
        self._reference = reference
        return self

    def __copy__(self) -> PredicateRegistry:
        copied = self.copy()
        copied._frozen = self._frozen
        return copied

    def __deepcopy__(self, memo: dict[int, Any]) -> PredicateRegistry:
        return self.__copy__()  # the specs are immutable: sharing them is copying them

    def __reduce__(self) -> tuple[Any, ...]:
        return (registry_named, (registry_reference(self),))

    # Adding ----------------------------------------------------------------------------

    def register(self, spec: PredicateSpec | FieldSpec) -> None:
        """Add a predicate or field; a name already taken (by either) is an error.

        A predicate's function must take the call a rule makes (see :meth:`predicate`): one
        that cannot is a :class:`~ledarskap.errors.UsageError`.
        """
        if self._frozen:
            raise InvalidValueError(
                location="PredicateRegistry.register",
                expected=Text(
                    "ett register som inte är fryst (lägg till i en kopia: registry.copy())",
                    "a registry not frozen (add to a copy: registry.copy())",
                ),
                found=Text("ett fryst register", "a frozen registry"),
                described=True,
            )
        if spec.name in self._predicates or spec.name in self._fields:
            raise InvalidValueError(
                location="PredicateRegistry.register",
                expected=Text(
                    "ett namn som inte redan är registrerat", "a name not already registered"
                ),
                found=spec.name,
            )
        arguments = spec.arguments if isinstance(spec, PredicateSpec) else ()
        for name in (spec.name, *(a.name for a in arguments)):
            if not is_rule_name(name):  # a rule could name it, but not print it to read back
                raise InvalidValueError(
                    location="PredicateRegistry.register", expected=A_RULE_NAME, found=name
                )
        if isinstance(spec, FieldSpec):
            self._fields[spec.name] = spec
        else:
            check_signature(spec.name, spec.function, spec.arguments)
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
        ``"list[municipality]"``, or a :class:`~ledarskap.eligibility.valuetypes.ValueType`), or to a full :class:`Argument`
        for an optional one with a default. *parameters* maps each rule-set parameter the
        predicate reads from the context to its type, in the same way.

        A rule calls the function as ``function(application, context, **arguments)``: the
        :class:`~ledarskap.model.Application` and the :class:`EvaluationContext` by
        position, then each declared argument by name (an optional one is left out only
        where the function's own default is the declared one), and it returns a
        :class:`Check` (or its four values as a tuple). So ``def f(application, context,
        *, before)`` for ``arguments={"before": "date"}``; ``*args`` and ``**kwargs`` do
        too, and so does a callable object. A function that cannot take that call
        (too few positional parameters, a declared argument it lacks, a parameter of its
        own without a default) is refused here, with a
        :class:`~ledarskap.errors.UsageError` naming the signature expected; one whose
        signature cannot be read (some built-in functions) is taken as it is.

        >>> from ledarskap.eligibility import Check, Texts, default_registry
        >>> texts = Texts(true="ja", false="nej", unknown="okänt")
        >>> registry = default_registry()
        >>> @registry.predicate("in_linkoping", description="", sv=texts, en=texts)
        ... def in_linkoping(application):
        ...     return Check(application.municipality is not None)
        Traceback (most recent call last):
        ...
        ledarskap.errors.UsageError: predicate 'in_linkoping': in_linkoping(application) cannot be called as a rule calls a predicate (too many positional arguments); expected a function in_linkoping(application, context) that returns a Check

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


def _held(reference: str, registry: PredicateRegistry) -> bool:
    """Whether *reference* names *registry* in this process, importing nothing."""
    module_name, _, name = reference.partition(":")
    module = sys.modules.get(module_name)
    found = getattr(module, name, None)
    if found is registry:
        return True
    return reference == registry._reference and callable(found) and found() is registry


def _modules(registry: PredicateRegistry) -> Iterable[tuple[str, object]]:
    """The modules a registry may be held in: its functions' first, then every one."""
    specs: list[Any] = [*registry._predicates.values(), *registry._fields.values()]
    functions = [getattr(s, "function", None) or getattr(s, "get", None) for s in specs]
    first = ["__main__", *(getattr(f, "__module__", None) or "" for f in functions)]
    for name in dict.fromkeys(first):
        yield name, sys.modules.get(name)  # None, passed over, if it is no longer imported
    yield from list(sys.modules.items())


def registry_reference(registry: PredicateRegistry) -> str:
    """The ``module:name`` that holds *registry*, to pickle it by; a UsageError if none does."""
    if registry._reference is not None and _held(registry._reference, registry):
        return registry._reference
    for module_name, module in _modules(registry):
        if not isinstance(module, ModuleType):  # sys.modules may hold other objects
            continue
        for name, value in list(vars(module).items()):
            if value is registry:
                reference = registry._reference = f"{module_name}:{name}"
                return reference
    raise UsageError(
        Text(
            f"{registry!r} kan inte picklas: den har funktioner, så den picklas som namnet "
            "på variabeln i en modul som håller den (modul:namn, som pytest-pluginens "
            "rule_registry), och ingen modul håller den; ge den ett namn överst i en modul "
            "som kan importeras (registry = default_registry() i mitt_verktyg/regler.py) "
            "och registrera dess predikat där",
            f"cannot pickle {registry!r}: it holds functions, so it is pickled as the "
            "module-level name that holds it (module:name, as the pytest plugin's "
            "rule_registry), and no module holds it; assign it to a name at the top of an "
            "importable module (registry = default_registry() in mytool/rules.py) and "
            "register its predicates there",
        )
    )


def registry_named(reference: str) -> PredicateRegistry:
    """The registry *reference* names (``module:name`` of it, or of a function returning it).

    It is imported as the pytest plugin's ``rule_registry`` is; what unpickles a registry.
    """
    module_name, _, name = reference.partition(":")
    try:
        found = getattr(importlib.import_module(module_name), name)
        registry = found() if callable(found) else found
    except LedarskapError:  # the module's registry refused what it was given: its own words
        raise
    except Exception as error:  # importing the module runs its code: anything may fail
        raise UsageError(
            Text(
                f"kan inte läsa in PredicateRegistry {reference!r}: "
                f"{type(error).__name__}: {error}",
                f"cannot load the PredicateRegistry {reference!r}: {type(error).__name__}: {error}",
            )
        ) from error
    if not isinstance(registry, PredicateRegistry):
        kind = type(registry).__name__
        raise UsageError(
            Text(
                f"{reference!r}: förväntade ett PredicateRegistry, fick {kind}",
                f"{reference!r}: expected a PredicateRegistry, found {kind}",
            )
        )
    return registry
