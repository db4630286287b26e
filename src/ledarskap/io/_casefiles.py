"""Reading rule case files: the checks behind :func:`ledarskap.io.rulecases.load_cases`.

Every problem of a file is collected, each located as ``line 12, case 'Kommunchef', key
applicant.municipality``, and raised once as a :class:`~ledarskap.errors.DocumentError`.
The line is the case's ``[[case]]`` header in TOML (or the line of its name).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
import tomllib
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ledarskap.errors import DocumentError, InvalidValueError, Problem, ProblemsError
from ledarskap.model import (
    Application,
    Cohort,
    Collaboration,
    PoliticalBodyKind,
    ProgramData,
    municipality,
    position,
)

if TYPE_CHECKING:
    from ledarskap.eligibility import Outcome, PredicateRegistry, RuleSet

    from .rulecases import RuleCase

Syntax = Literal["json", "toml"]

CASES_FORMAT = "ledarskap.rule-cases/1"
TOP_KEYS = ("format", "ruleset", "description", "defaults", "case")
DEFAULT_KEYS = ("as_of", "collaborating", "cohort", "applicant")
CASE_KEYS = (
    "name",
    "description",
    "as_of",
    "applicant",
    "collaborating",
    "cohort",
    "outcome",
    "reasons",
    "warnings",
    "missing",
    "skip",
    "xfail",
)
COHORT_KEYS = ("program", "id")
OUTCOMES = ("eligible", "not-eligible", "undetermined")
_TOML_CASE = re.compile(r"^\s*\[\[\s*case\s*\]\]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BODY_KINDS = (
    ("kommunstyrelse", PoliticalBodyKind.KOMMUNSTYRELSE),
    ("regionstyrelse", PoliticalBodyKind.KOMMUNSTYRELSE),
    ("fullmäktige", PoliticalBodyKind.FULLMAKTIGE),
    ("nämnd", PoliticalBodyKind.NAMND),
    ("styrelse", PoliticalBodyKind.STYRELSE),
)


def syntax_of(file: Path, source: str) -> Syntax:
    """``"toml"`` or ``"json"`` from the file's suffix; any other is a DocumentError."""
    suffix = file.suffix.lower()
    if suffix in (".toml", ".json"):
        return "toml" if suffix == ".toml" else "json"
    raise DocumentError(
        "unknown kind of file",
        [Problem("(file name)", f"expected a name ending .toml or .json, found {suffix!r}")],
        source=source,
    )


def parse(content: bytes, syntax: Syntax, source: str) -> tuple[dict[str, Any], str]:
    """The file's data and its text; a syntax error is a DocumentError naming the line."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DocumentError(
            "the rule cases are not UTF-8 text",
            [Problem(f"byte {error.start}", "expected UTF-8 text", "syntax")],
            source=source,
        ) from None
    try:
        data = tomllib.loads(text) if syntax == "toml" else json.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DocumentError(
            "the rule cases are not valid TOML",
            [Problem("(syntax)", str(error), "syntax")],
            source=source,
        ) from None
    except json.JSONDecodeError as error:
        raise DocumentError(
            "the rule cases are not valid JSON",
            [Problem(f"line {error.lineno}", f"{error.msg} (column {error.colno})", "syntax")],
            source=source,
        ) from None
    if not isinstance(data, dict):
        raise DocumentError(
            "the rule cases are not an object",
            [Problem("(top level)", "expected an object with the key 'case'", "type")],
            source=source,
        )
    return data, text


def describe(value: object) -> str:
    """A short, masked description of a value as found in a file."""
    from ledarskap._found import describe as describe_found

    return describe_found(value)


class Reader:
    """Reads the parts of one case file, collecting every problem on the way."""

    def __init__(
        self,
        *,
        base: Path,
        source: str,
        registry: PredicateRegistry | None,
        ruleset_cache: MutableMapping[Any, Any] | None,
    ) -> None:
        self.base = base
        self.source = source
        self.ruleset_cache = ruleset_cache
        self.registry = registry
        self.problems: list[Problem] = []
        self.defaults: Mapping[str, Any] = {}
        self.text_lines: list[str] = []
        self.ruleset_path: Path | None = None

    def add(self, where: str, message: str, code: str = "invalid") -> None:
        """Note a problem at *where*."""
        self.problems.append(Problem(where, message, code))

    def fail_if_problems(self) -> None:
        """Raise every problem noted, at once."""
        if self.problems:
            raise DocumentError("the rule cases cannot be read", self.problems, source=self.source)

    # The file ------------------------------------------------------------------------

    def header(self, data: Mapping[str, Any]) -> None:
        """Check the top-level keys, the ``format`` tag and ``defaults``."""
        self.check_keys(data, TOP_KEYS, lambda key: key)
        tag = data.get("format", CASES_FORMAT)
        if tag != CASES_FORMAT:
            self.add("format", f"expected {CASES_FORMAT!r}, found {describe(tag)}", "format")
        self.defaults = self.mapping(data.get("defaults", {}), "defaults")
        self.check_keys(self.defaults, DEFAULT_KEYS, lambda key: f"defaults.{key}")

    def ruleset(self, value: object) -> tuple[str, RuleSet | None]:
        """The rule set the file names: ``"default"`` or a file relative to the case file."""
        if value is None or not isinstance(value, str) or not value.strip():
            found = "none" if value is None else describe(value)
            self.add(
                "ruleset",
                'expected the rule set under test: "default" or a rule-set file relative '
                f"to the case file, found {found}",
                "missing" if value is None else "type",
            )
            return "", None
        key: Any = "default"
        if value != "default":
            target = self.ruleset_path = (self.base / value).resolve()
            try:
                key = (target, target.stat().st_mtime_ns)
            except OSError:
                self.add(
                    "ruleset",
                    f'expected "default" or an existing rule-set file, found {value!r} '
                    f"(looked for {target})",
                    "missing-file",
                )
                return value, None
        cache = self.ruleset_cache if self.ruleset_cache is not None else {}
        if key not in cache:
            try:
                cache[key] = _read_ruleset(key, self.registry)
            except ProblemsError as error:
                self.add("ruleset", f"the rule set {value!r} cannot be loaded:", "ruleset")
                self.problems += [
                    Problem(
                        f"ruleset: {p.location}", p.message, p.code, hint=p.hint, excerpt=p.excerpt
                    )
                    for p in error.problems
                ]
                return value, None
        return value, cache[key]

    def cases(self, data: Mapping[str, Any], text: str, syntax: Syntax) -> list[RuleCase]:
        """Every case that could be read, names checked unique."""
        raw_cases = data.get("case")
        if not isinstance(raw_cases, list):
            found = "none" if raw_cases is None else describe(raw_cases)
            self.add(
                "case", f"expected a list of cases ([[case]] tables), found {found}", "missing"
            )
            return []
        lines = case_lines(text, syntax, raw_cases)
        self.text_lines = text.splitlines()
        cases: list[RuleCase] = []
        names: dict[str, int] = {}
        for index, raw in enumerate(raw_cases):
            end = next((n for n in lines[index + 1 :] if n is not None), None)
            case = self.case(index, raw, lines[index], end)
            if case is None:
                continue
            if case.name in names:
                self.add(
                    where(index, self.key_line("name", lines[index], end), case.name, "name"),
                    f"the name is taken by case[{names[case.name]}]: names must be unique",
                    "duplicate",
                )
            names.setdefault(case.name, index)
            cases.append(case)
        return cases

    # One case ------------------------------------------------------------------------

    def key_line(self, key: str, start: int | None, end: int | None) -> int | None:
        """The line of *key* in the case on lines ``[start, end)``; else the case's first line."""
        if start is None:
            return None
        leaf = re.escape(key.rsplit(".", 1)[-1].split("[", 1)[0])
        pattern = re.compile(rf"(^|[\s{{,]){leaf}\s*=")
        stop = len(self.text_lines) if end is None else end - 1
        for number in range(start - 1, stop):
            if pattern.search(self.text_lines[number]):
                return number + 1
        return start

    def case(
        self, index: int, raw: object, line: int | None, end: int | None = None
    ) -> RuleCase | None:
        """The case *raw*, the *index*-th, on lines ``[line, end)``; ``None`` if it has problems."""
        from .rulecases import RuleCase

        if not isinstance(raw, dict):
            self.add(where(index, line, None), f"expected a table, found {describe(raw)}", "type")
            return None
        name = raw.get("name")
        before = len(self.problems)

        def at(key: str = "") -> str:
            return where(index, self.key_line(key, line, end) if key else line, name, key)

        self.check_keys(raw, CASE_KEYS, at)
        if not isinstance(name, str) or not name.strip():
            self.add(at("name"), f"expected the case's name as text, found {describe(name)}")
        elif "::" in name or "\n" in name:
            self.add(at("name"), "expected a name without '::' or a line break")
        as_of = self.date(raw.get("as_of", self.defaults.get("as_of")), at("as_of"))
        outcome = self.outcome(raw.get("outcome"), at("outcome"))
        texts = {k: self.text(raw.get(k), at(k)) for k in ("description", "skip", "xfail")}
        codes = {k: self.codes(raw.get(k), at(k)) for k in ("reasons", "warnings", "missing")}
        cohort, program = self.cohort(raw, as_of, at)
        application = self.applicant(raw, index, as_of, cohort, at)
        if len(self.problems) > before or application is None or outcome is None:
            return None
        assert as_of is not None
        return RuleCase(
            name=str(name),
            as_of=as_of,
            application=application,
            outcome=outcome,
            description=texts["description"],
            cohort=cohort,
            program=program,
            reasons=codes["reasons"],
            warnings=codes["warnings"],
            missing=codes["missing"],
            skip=texts["skip"],
            xfail=texts["xfail"],
            line=line,
        )

    def date(self, value: object, at: str) -> dt.date | None:
        """``as_of``: a TOML date or ``"YYYY-MM-DD"`` text; required."""
        if value is None:
            self.add(
                at,
                "expected the date the case is decided on (as_of = 2025-09-01), found none: "
                "every case needs one, nothing is decided for today's date",
                "missing",
            )
            return None
        if type(value) is dt.date:
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.add(at, f"expected a date YYYY-MM-DD, found {describe(value)}", "type")
        return None

    def outcome(self, value: object, at: str) -> Outcome | None:
        """The expected outcome, by its value (``"not-eligible"``)."""
        from ledarskap.eligibility import Outcome

        if isinstance(value, str) and value in OUTCOMES:
            return Outcome(value)
        if value is None:
            self.add(
                at, f"expected the outcome, one of {', '.join(OUTCOMES)}, found none", "missing"
            )
            return None
        self.add(
            at,
            f"expected one of {', '.join(OUTCOMES)}{_hint(value, OUTCOMES)}, found {describe(value)}",
        )
        return None

    def text(self, value: object, at: str) -> str | None:
        """An optional text."""
        if value is None or isinstance(value, str):
            return value
        self.add(at, f"expected text, found {describe(value)}", "type")
        return None

    def codes(self, value: object, at: str) -> frozenset[str] | None:
        """An optional list of codes (or fact names)."""
        if value is None:
            return None
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return frozenset(value)
        self.add(at, f"expected a list of codes (text), found {describe(value)}", "type")
        return None

    def mapping(self, value: object, at: str) -> Mapping[str, Any]:
        """A table, or ``{}`` after noting that it is not one."""
        if isinstance(value, dict):
            return value
        self.add(at, f"expected a table, found {describe(value)}", "type")
        return {}

    def check_keys(
        self, data: Mapping[str, Any], allowed: Sequence[str], at: Callable[[str], str]
    ) -> None:
        """Note every key of *data* not in *allowed*, with "did you mean …?"."""
        for key in data:
            if key not in allowed:
                self.add(
                    at(key),
                    f"unknown key {key!r}{_hint(key, allowed)}: expected one of {', '.join(allowed)}",
                    "unknown-field",
                )

    # The cohort ------------------------------------------------------------------------

    def cohort(
        self, raw: Mapping[str, Any], as_of: dt.date | None, at: Callable[[str], str]
    ) -> tuple[Cohort | None, ProgramData | None]:
        """The case's cohort (a program's, or a stand-in), or ``None`` if it names neither."""
        if "collaborating" in raw and "cohort" in raw:
            self.add(
                at("cohort"), "expected either collaborating or cohort, found both", "conflict"
            )
            return None, None
        own = "collaborating" in raw or "cohort" in raw
        source = raw if own else self.defaults
        if "cohort" in source:
            return self.cohort_ref(source["cohort"], at("cohort"))
        if "collaborating" in source:
            return self.collaborating(source["collaborating"], as_of, at("collaborating")), None
        return None, None

    def collaborating(self, value: object, as_of: dt.date | None, at: str) -> Cohort | None:
        """A stand-in cohort whose only data is its collaborating municipalities."""
        if not isinstance(value, list):
            self.add(at, f"expected a list of municipality names or codes, found {describe(value)}")
            return None
        codes: dict[str, None] = {}
        before = len(self.problems)
        for index, item in enumerate(value):
            try:
                codes[municipality(item).code] = None
            except (InvalidValueError, TypeError) as error:
                expected = getattr(error, "expected", "a municipality name or code")
                self.add(f"{at}[{index}]", f"expected {expected}, found {describe(item)}")
        if as_of is None or len(self.problems) > before:
            return None
        return Cohort(
            id="rule-case",
            program_id="rule-case",
            name="rule case",
            start=as_of,
            end=as_of,
            collaborations=[Collaboration(municipality=code) for code in codes],
        )

    def cohort_ref(self, value: object, at: str) -> tuple[Cohort | None, ProgramData | None]:
        """``{program = "program.toml", id = "c-2025"}``: a cohort of a program document."""
        if not isinstance(value, dict):
            self.add(
                at,
                'expected a table {program = "program.toml", id = "c-2025"}, found '
                + describe(value),
                "type",
            )
            return None, None
        self.check_keys(value, COHORT_KEYS, lambda key: f"{at}.{key}")
        reference, cohort_id = value.get("program"), value.get("id")
        if not isinstance(reference, str) or not isinstance(cohort_id, str):
            self.add(
                at,
                'expected the keys program (a program document relative to this file, or "example") '
                "and id (the cohort's id), as text",
                "missing",
            )
            return None, None
        try:
            program = _program(reference, self.base)
        except OSError as error:
            self.add(f"{at}.program", f"cannot read the program document: {error}", "io")
            return None, None
        except ProblemsError as error:
            self.add(f"{at}.program", f"the program document {reference!r} cannot be read:")
            self.problems += [
                Problem(
                    f"{at}.program: {p.location}", p.message, p.code, hint=p.hint, excerpt=p.excerpt
                )
                for p in error.problems
            ]
            return None, None
        known = [c.id for c in program.cohorts]
        if cohort_id not in known:
            self.add(
                f"{at}.id",
                f"expected the id of a cohort in {reference!r}{_hint(cohort_id, known)}: one of "
                f"{', '.join(known) or '(none)'}, found {cohort_id!r}",
                "unknown-reference",
            )
            return None, None
        return program.cohort(cohort_id), program

    # The applicant ---------------------------------------------------------------------

    def applicant(
        self,
        raw: Mapping[str, Any],
        index: int,
        as_of: dt.date | None,
        cohort: Cohort | None,
        at: Callable[[str], str],
    ) -> Application | None:
        """The applicant's facts (defaults, then the case's own) as an :class:`Application`."""
        base = self.mapping(self.defaults.get("applicant", {}), "defaults.applicant")
        facts: dict[str, Any] = {**base, **self.mapping(raw.get("applicant", {}), at("applicant"))}
        before = len(self.problems)
        if isinstance(facts.get("position"), str):
            try:
                facts["position"] = position(facts["position"]).slug
            except InvalidValueError as error:
                found = describe(facts.pop("position"))
                self.add(at("applicant.position"), f"expected {error.expected}, found {found}")
        if isinstance(facts.get("reports_to"), list):
            bodies = [
                self.political_body(body, at(f"applicant.reports_to[{n}]"))
                for n, body in enumerate(facts["reports_to"])
            ]
            facts["reports_to"] = [body for body in bodies if body is not None]
        facts.setdefault("id", f"case-{index + 1}")
        facts.setdefault("person_id", f"p-case-{index + 1}")
        facts.setdefault("cohort_id", cohort.id if cohort is not None else "rule-case")
        facts.setdefault("submitted", as_of or dt.date(2000, 1, 1))  # a bad as_of is noted
        try:
            application: Application = _converter().structure(facts, Application)
        except Exception as error:
            from ._problems import problems_of

            for problem in problems_of(error, "$"):
                key = problem.location.removeprefix("$").removeprefix(".")
                self.add(
                    at(f"applicant.{key}" if key else "applicant"), problem.message, problem.code
                )
            return None
        return None if len(self.problems) > before or as_of is None else application

    def political_body(self, value: object, at: str) -> object:
        """A body written as its name alone becomes ``{name, kind}``, the kind from the name."""
        if not isinstance(value, str):
            return value
        folded = value.casefold()
        for word, kind in _BODY_KINDS:
            if word in folded:
                return {"name": value, "kind": kind.value}
        kinds = ", ".join(k.value for k in PoliticalBodyKind)
        name = json.dumps(value, ensure_ascii=False)
        self.add(
            at,
            f"cannot tell the kind of political body from the name {value!r}: write "
            f'{{name = {name}, kind = "namnd"}} (kinds: {kinds})',
        )
        return None


def where(index: int, line: int | None, name: object, key: str = "") -> str:
    """``line 12, case 'Kommunchef', key applicant.title``: where a problem is."""
    parts = [f"line {line}"] if line is not None else []
    parts.append(f"case {name!r}" if isinstance(name, str) else f"case[{index}]")
    if key:
        parts.append(f"key {key}")
    return ", ".join(parts)


def case_lines(text: str, syntax: Syntax, raw_cases: Sequence[object]) -> list[int | None]:
    """The line each case starts on: the ``[[case]]`` headers in TOML, else its name's line."""
    lines = text.splitlines()
    if syntax == "toml":
        headers = [n for n, line in enumerate(lines, start=1) if _TOML_CASE.match(line)]
        if len(headers) == len(raw_cases):
            return list(headers)
    found: list[int | None] = []
    start = 0
    for raw in raw_cases:
        name = raw.get("name") if isinstance(raw, dict) else None
        line = None
        if isinstance(name, str):
            for number in range(start, len(lines)):
                if "name" in lines[number] and name in lines[number]:
                    line, start = number + 1, number + 1
                    break
        found.append(line)
    return found


def _hint(value: object, known: Sequence[str]) -> str:
    near = difflib.get_close_matches(str(value), known, n=1, cutoff=0.6)
    return f" (did you mean {near[0]!r}?)" if near else ""


def _read_ruleset(key: Any, registry: PredicateRegistry | None) -> RuleSet:
    if key == "default":
        from ledarskap.eligibility import default_ruleset

        return default_ruleset()
    from .rulesets import load_ruleset

    return load_ruleset(key[0], registry=registry)


def _program(reference: str, base: Path) -> ProgramData:
    if reference == "example":
        from .documents import example_program

        return example_program()
    target = (base / reference).resolve()
    return _load_program(target, target.stat().st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _load_program(target: Path, mtime: int) -> ProgramData:
    from .documents import load

    return load(target)


@functools.cache
def _converter() -> Any:
    from ._convert import make_converter

    return make_converter(flavour="json")


def applicant_data(application: Application) -> dict[str, Any]:
    """An application's facts as a case file writes them: known facts only, no ids.

    The municipality is written by name, and the position only when the title does not
    name it.
    """
    data: dict[str, Any] = _toml_converter().unstructure(application)
    written = {
        key: value
        for key, value in data.items()
        if value is not None
        and key not in ("id", "person_id", "cohort_id", "status", "appointment_id")
    }
    if application.municipality is not None:
        written["municipality"] = application.municipality.name
    if application.title is not None and application.position is not None:
        from ledarskap.model import match_title

        if match_title(application.title) == application.position:
            written.pop("position", None)  # the title says it
    return written


@functools.cache
def _toml_converter() -> Any:
    from ._convert import make_converter

    return make_converter(flavour="toml")
