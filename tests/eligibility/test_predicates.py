"""The registry: fields and predicates, open to another tool's, each defined once."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

import attrs
import pytest

from ledarskap.eligibility import (
    Argument,
    Check,
    FieldSpec,
    Outcome,
    Predicate,
    PredicateRegistry,
    RuleSet,
    Texts,
    default_registry,
    parse_rule,
    parse_ruleset,
    predicate,
)
from ledarskap.eligibility._entries import RuleEntry
from ledarskap.eligibility.predicates import registry_or_builtin, value_type
from ledarskap.eligibility.valuetypes import INTEGER, POSITION, ValueType
from ledarskap.errors import InvalidValueError, RuleError, UsageError
from ledarskap.model import Application
from ledarskap.text import Text


def test_the_registry_is_open() -> None:
    registry = default_registry()

    @registry.predicate(
        "applied_before",
        description="The application came in before a date.",
        sv=Texts(true="sökte före {expected}", false="sökte {seen}", unknown="okänt"),
        en=Texts(true="applied before {expected}", false="applied {seen}", unknown="unknown"),
        arguments={"day": "date"},
    )
    def applied_before(app: Application, ctx: object, *, day: dt.date) -> Check:
        return Check(app.submitted < day, seen=app.submitted, expected=day)

    rule = parse_rule(
        'applied_before(day="2025-05-01") and leads_staff_function', registry=registry
    )
    assert str(rule) == 'applied_before(day="2025-05-01") and leads_staff_function'
    with pytest.raises(RuleError, match="unknown predicate or field 'applied_before'"):
        parse_rule("applied_before(day='2025-05-01')")  # the default registry is untouched
    with pytest.raises(RuleError, match="expected a date"):
        parse_rule("applied_before(day=3)", registry=registry)
    with pytest.raises(ValueError, match="already registered"):
        registry.predicate(
            "leads_staff_function", description="", sv=Texts("", "", ""), en=Texts("", "", "")
        )(applied_before)
    assert isinstance(parse_rule("leads_staff_function"), Predicate)


def test_a_tool_adds_its_own_field_and_renders_with_it() -> None:

    registry = default_registry()
    registry.register(
        FieldSpec(
            name="days_before_deadline",
            type=INTEGER,
            description="Days between the application and 1 May.",
            label_sv="marginalen i dagar",
            label_en="the margin in days",
            get=lambda app, ctx: (dt.date(2025, 5, 1) - app.submitted).days,
        )
    )
    rules = parse_ruleset(
        'format = "ledarskap.rules/1"\nid = "t"\nversion = "1"\n'
        '[[rules]]\nid = "early"\nwhen = "days_before_deadline >= 30"\n',
        registry=registry,
    )
    app = Application(id="a", person_id="p", cohort_id="c", submitted=dt.date(2025, 4, 20))
    decision = rules.evaluate(app, as_of=dt.date(2025, 9, 1))
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert decision.render("sv", registry=registry) == (
        "Inte behörig: marginalen i dagar är 11, färre än 30"
    )
    assert decision.render("en", registry=registry) == (
        "Not eligible: the margin in days is 11, less than 30"
    )


def test_text_with_escapes_prints_and_parses_back() -> None:
    registry = default_registry()

    @registry.predicate(
        "titled",
        description="The title is exactly the given text.",
        sv=Texts(true="titeln är {expected}", false="titeln är {seen}", unknown="titel saknas"),
        en=Texts(true="the title is {expected}", false="the title is {seen}", unknown="no title"),
        arguments={"title": "text"},
    )
    def titled(app: Application, ctx: object, *, title: str) -> Check:
        return Check(None if app.title is None else app.title == title, app.title, title)

    rule = predicate("titled", registry=registry, title='Chef "A"\t\\ \u00e5')
    assert parse_rule(str(rule), registry=registry) == rule


def test_a_predicate_is_defined_once_and_its_fast_twin_is_deprecated() -> None:
    """A ``fast=`` twin is refused with a warning: the function is the one definition."""
    registry = default_registry()
    with pytest.warns(DeprecationWarning, match=r"PredicateRegistry.predicate\(fast=...\)"):
        decorate = registry.predicate(
            "always",
            description="Always holds.",
            sv=Texts("ja", "nej", "okänt"),
            en=Texts("yes", "no", "unknown"),
            fast=lambda: None,
        )
    decorate(lambda app, ctx: Check(True))
    spec = registry.get_predicate("always")
    assert spec is not None
    with pytest.warns(DeprecationWarning, match=r"PredicateSpec\(fast=...\) is deprecated"):
        attrs.evolve(spec, fast=lambda: None)


def test_an_optional_argument_takes_its_default_whether_the_function_has_one_or_not() -> None:
    """The registry's default is passed unless the function's own default is the same."""

    registry = default_registry()
    seen: list[int] = []

    def at_least(app: Application, ctx: object, *, years: int) -> Check:
        seen.append(years)
        return Check(True, seen=years, expected=years)

    registry.predicate(
        "at_least",
        description="A test of the default.",
        sv=Texts("ja", "nej", "okänt"),
        en=Texts("yes", "no", "unknown"),
        arguments={"years": Argument(name="years", type=INTEGER, default=2, required=False)},
    )(at_least)
    rules = RuleSet(
        id="t",
        version="1",
        entries=[RuleEntry(id="r", rule=parse_rule("at_least", registry=registry))],
        registry=registry,
    )
    app = Application(id="a", person_id="p", cohort_id="c", submitted=dt.date(2025, 1, 1))
    assert rules.evaluate(app, as_of=dt.date(2025, 9, 1)).eligible
    assert set(seen) == {2}


def test_the_registry_refuses_what_it_cannot_hold() -> None:
    """A frozen registry takes nothing; a name must be a word the syntax does not use."""

    builtin = registry_or_builtin(None)
    spec = builtin.get_predicate("leads_staff_function")
    assert spec is not None
    with pytest.raises(ValueError, match="frozen"):
        builtin.register(spec)
    registry = default_registry()
    assert "leads_staff_function" in registry
    assert "nothing" not in registry
    assert repr(registry) == "<PredicateRegistry: 7 fields, 6 predicates>"
    for name in ("and", "är_chef", "min years", "1st"):  # names no rule could write
        with pytest.raises(InvalidValueError, match="expected a name a rule can write"):
            registry.register(attrs.evolve(spec, name=name))
    county = registry.get_predicate("municipality_in_county")
    assert county is not None
    argument = attrs.evolve(county.arguments[0], name="län")
    with pytest.raises(InvalidValueError, match="found 'län'"):
        registry.register(attrs.evolve(county, name="in_county", arguments=(argument,)))


def test_texts_come_in_both_languages() -> None:
    """A predicate's and a field's texts are one bilingual Text each."""
    registry = default_registry()
    spec = registry.get_predicate("leads_staff_function")
    field = registry.get_field("position")
    assert spec is not None
    assert field is not None
    assert spec.text("true").render("en") == "leads a staff function"
    assert spec.texts("sv").true == "leder en stabsfunktion"
    assert field.label_text.render("sv") == "befattningen"

    assert value_type(POSITION) is POSITION


def _raising(error: Exception) -> ValueType:
    """A value type of another tool's whose every conversion raises *error*."""

    def convert(value: object) -> object:
        raise error

    return ValueType(name="odd", convert=convert, source=lambda v: v, show=lambda v, _: str(v))


@pytest.mark.parametrize(
    ("error", "swedish", "english"),
    [
        (
            InvalidValueError(
                location="code",
                expected=Text("en kod", "a code"),
                found="x",
                hint=Text("menade du 'y'?", "did you mean 'y'?"),
            ),
            "argumentet 'code' till coded: code: förväntade en kod, fick 'x' (menade du 'y'?)",
            "argument 'code' of coded: code: expected a code, found 'x' (did you mean 'y'?)",
        ),
        (
            UsageError(Text("inget sådant", "no such thing")),
            "argumentet 'code' till coded: inget sådant",
            "argument 'code' of coded: no such thing",
        ),
        (
            ValueError("not a code"),
            "argument 'code' of coded: not a code",  # the tool's English alone: English whole
            "argument 'code' of coded: not a code",
        ),
    ],
)
def test_a_value_type_of_another_tool_is_said_as_it_words_its_errors(
    error: Exception, swedish: str, english: str
) -> None:
    """The library's errors from a tool's value type carry their Swedish into the rule's
    problem, their hint said once; a plain error leaves the problem in English, whole, never
    half translated."""
    registry = default_registry()

    @registry.predicate(
        "coded",
        description="Has the code.",
        sv=Texts(true="har koden", false="saknar koden", unknown="okänt"),
        en=Texts(true="has the code", false="lacks the code", unknown="unknown"),
        arguments={"code": _raising(error)},
    )
    def coded(app: Application, ctx: object, *, code: object) -> Check:
        return Check(True)

    with pytest.raises(RuleError) as caught:
        parse_rule("coded(code='x')", registry=registry)
    (problem,) = caught.value.problems
    assert (problem.message_in("sv"), problem.message_in("en")) == (swedish, english)


def _registered(function: object, **options: Any) -> PredicateRegistry:
    """A registry with *function* registered as the predicate ``early``."""
    registry = default_registry()
    texts = Texts(true="ja", false="nej", unknown="okänt")
    registry.predicate("early", description="", sv=texts, en=texts, **options)(function)  # type: ignore[arg-type]
    return registry


_BEFORE = {"arguments": {"before": "date"}}


@pytest.mark.parametrize(
    ("function", "options", "found", "problem", "expected"),
    [
        (
            lambda application: Check(True),
            {},
            "<lambda>(application)",
            "too many positional arguments",
            "early(application, context)",
        ),
        (
            lambda: Check(True),
            {},
            "<lambda>()",
            "too many positional arguments",
            "early(application, context)",
        ),
        (
            lambda application, context: Check(True),
            _BEFORE,
            "<lambda>(application, context)",
            "got an unexpected keyword argument 'before'",
            "early(application, context, *, before)",
        ),
        (
            lambda application, context, *, before, after: Check(True),
            _BEFORE,
            "<lambda>(application, context, *, before, after)",
            "missing a required argument: 'after'",
            "early(application, context, *, before)",
        ),
        (
            lambda application, context, extra: Check(True),
            {},
            "<lambda>(application, context, extra)",
            "missing a required argument: 'extra'",
            "early(application, context)",
        ),
        (
            lambda application, before: Check(True),
            _BEFORE,
            "<lambda>(application, before)",
            "the context, passed by position, would fill 'before'",
            "early(application, context, *, before)",
        ),
        (
            lambda before, context, application: Check(True),
            _BEFORE,
            "<lambda>(before, context, application)",
            "the application, passed by position, would fill 'before'",
            "early(application, context, *, before)",
        ),
        (
            lambda application, context, before, /: Check(True),
            _BEFORE,
            "<lambda>(application, context, before, /)",
            "'before' parameter is positional only, but was passed as a keyword",
            "early(application, context, *, before)",
        ),
    ],
    ids=[
        "one-positional",
        "none",
        "lacks-argument",
        "extra-required",
        "extra-positional",
        "context-fills-argument",
        "application-fills-argument",
        "positional-only",
    ],
)
def test_a_predicate_that_cannot_take_the_call_of_a_rule_is_refused_when_registered(
    function: object, options: dict[str, Any], found: str, problem: str, expected: str
) -> None:
    """The registry calls ``function(application, context, **arguments)``: a function that
    cannot take that call is a UsageError when registered, naming what was expected, not a
    bare TypeError from inside the library when a rule is evaluated."""
    with pytest.raises(UsageError) as raised:
        _registered(function, **options)
    assert str(raised.value) == (
        f"predicate 'early': {found} cannot be called as a rule calls a predicate ({problem}); "
        f"expected a function {expected} that returns a Check"
    )
    assert isinstance(raised.value, TypeError)


def test_a_predicate_refused_is_said_in_swedish_and_not_registered() -> None:
    registry = default_registry()
    texts = Texts(true="ja", false="nej", unknown="okänt")

    def early(application: Application, *, before: dt.date) -> Check:
        return Check(True)

    with pytest.raises(UsageError) as raised:
        registry.predicate(
            "early", description="", sv=texts, en=texts, arguments={"before": "date"}
        )(early)
    assert raised.value.render("sv") == (
        "predikatet 'early': early(application, *, before) kan inte anropas som en regel "
        "anropar ett predikat (för många positionella argument); förväntade en funktion "
        "early(application, context, *, before) som returnerar en Check"
    )
    assert "early" not in registry
    for function, said in [
        (lambda a, c, *, before, after: None, "argumentet 'after' saknas"),
        (lambda a, c: None, "den tar inget argument 'before'"),
        (lambda a, c, before, /: None, "argumentet 'before' tas bara efter position"),
        (lambda a, before: None, "kontexten, som ges efter position, skulle hamna i 'before'"),
    ]:
        with pytest.raises(UsageError) as raised:
            _registered(function, **_BEFORE)
        assert said in raised.value.render("sv")


class _InLinkoping:
    """A predicate as a callable object, configured when made."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __call__(self, application: Application, context: object) -> Check:
        town = application.municipality
        return Check(None if town is None else town.code == self.code)


class _Confused:
    def __call__(self, application: Application) -> Check:
        return Check(True)


@pytest.mark.parametrize(
    ("function", "options"),
    [
        (lambda application, context: Check(True), {}),
        (lambda application, context, *, before: Check(True), _BEFORE),
        (lambda application, context, before: Check(True), _BEFORE),  # by name, not by place
        (lambda application, context, *, before, more=1: Check(True), _BEFORE),
        (lambda *args, **kwargs: Check(True), _BEFORE),
        (lambda application, context, **arguments: Check(True), _BEFORE),
        (lambda application, *rest, before: Check(True), _BEFORE),
        (_InLinkoping("0580"), {}),
    ],
    ids=[
        "plain",
        "keyword",
        "positional-or-keyword",
        "own-optional",
        "args-kwargs",
        "kwargs",
        "rest",
        "callable-object",
    ],
)
def test_a_predicate_that_takes_the_call_of_a_rule_is_registered_and_decides(
    function: object, options: dict[str, Any]
) -> None:
    registry = _registered(function, **options)
    written = 'early(before="2025-05-01")' if options else "early"
    rules = RuleSet(
        id="t",
        version="1",
        entries=[RuleEntry(id="r", rule=parse_rule(written, registry=registry))],
        registry=registry,
    )
    app = Application(
        id="a",
        person_id="p",
        cohort_id="c",
        submitted=dt.date(2025, 1, 1),
        municipality="Linköping",
    )
    assert rules.evaluate(app, as_of=dt.date(2025, 9, 1)).eligible


def test_an_optional_argument_the_function_gives_a_default_may_be_left_out() -> None:
    """An optional argument whose default the function has is not passed: still taken."""
    registry = _registered(
        lambda application, context, *, years=2: Check(years == 2),
        arguments={"years": Argument(name="years", type=INTEGER, default=2, required=False)},
    )
    assert registry.get_predicate("early") is not None


def test_a_callable_object_that_cannot_take_the_call_is_refused_by_its_class_name() -> None:
    with pytest.raises(UsageError, match=r"predicate 'early': _Confused\(application\) cannot"):
        _registered(_Confused())


def test_what_is_not_callable_is_refused() -> None:
    registry = default_registry()
    spec = registry.get_predicate("leads_staff_function")
    assert spec is not None
    with pytest.raises(
        UsageError,
        match=r"^predicate 'staff': expected a function staff\(application, context\) that "
        r"returns a Check, found int$",
    ):
        registry.register(attrs.evolve(spec, name="staff", function=3))  # type: ignore[arg-type]


def test_a_spec_registered_or_given_to_a_new_registry_is_checked_alike() -> None:
    """``register`` and ``PredicateRegistry(predicates=...)`` check as the decorator does."""
    spec = default_registry().get_predicate("municipality_in_county")
    assert spec is not None
    wrong = attrs.evolve(spec, name="in_county", function=lambda application, context: Check(True))
    with pytest.raises(UsageError, match=r"got an unexpected keyword argument 'county'"):
        default_registry().register(wrong)
    with pytest.raises(UsageError, match=r"got an unexpected keyword argument 'county'"):
        PredicateRegistry(predicates=[wrong])
    assert PredicateRegistry(predicates=[spec]).copy().predicates == {spec.name: spec}


def test_a_builtin_whose_signature_cannot_be_read_is_taken_as_it_is() -> None:
    """Some built-in functions have no signature to read: the call is their own check."""
    with pytest.raises(ValueError, match="no signature found"):
        inspect.signature(max)
    registry = _registered(max)
    spec = registry.get_predicate("early")
    assert spec is not None
    assert spec.function is max


def test_the_built_in_predicates_take_the_call_of_a_rule() -> None:
    """The built-ins are registered through the same check."""
    builtin = registry_or_builtin(None)
    assert len(PredicateRegistry(predicates=builtin.predicates.values()).predicates) == 6


def test_a_problem_with_the_call_this_python_words_otherwise_is_shown_as_it_words_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What ``Signature.bind`` says is translated where it is known, else shown as it is."""

    def bind(self: inspect.Signature, *args: object, **kwargs: object) -> None:
        raise TypeError("a reason of a later Python")

    monkeypatch.setattr(inspect.Signature, "bind", bind)
    with pytest.raises(UsageError) as raised:
        _registered(lambda application, context: Check(True))
    assert "(a reason of a later Python)" in str(raised.value)
    assert "(a reason of a later Python)" in raised.value.render("sv")
