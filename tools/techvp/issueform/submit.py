"""`techvp from-issue`: a submitted issue form → one record, written where it belongs, validated.

The body is read through the same form elements `techvp forms` writes (techvp.issueform.spec).
A body that cannot be read (a required answer missing, a number that is not one) writes
nothing; each problem names the form field by its label. A readable body is written with the
one record writer, then the whole repository is validated as `techvp validate` does, and the
problems of the new record are reported against the form fields they come from.

The id comes from the enterprise's name (need) or the person's name (expert) through
techvp.recordids, as the Excel import derives it; an existing record of the same enterprise or
person keeps its id, so editing the issue rewrites the same file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from techvp.build import run
from techvp.diagnostics import Diagnostic, Location, Severity, error
from techvp.excel.forms import batch_of
from techvp.issueform.body import NO_SELECTION, Answers, split_body
from techvp.issueform.spec import Element, Form, build_form
from techvp.issueform.values import Unreadable, read
from techvp.layout import record_path
from techvp.models import Batch
from techvp.policies.profiles import resolve
from techvp.recordids import enterprise_key, expert_id, need_id
from techvp.repo import Dataset
from techvp.validate import load
from techvp.yamlwrite import dump_record, schema_ref


@dataclass(frozen=True)
class Problem:
    """A diagnostic and the form field it is about ("" for the record as a whole)."""

    diagnostic: Diagnostic
    label: str


@dataclass
class Outcome:
    form: str
    path: str | None = None  # the record written, relative to the root
    record_id: str | None = None
    name: str = ""  # the enterprise, or the person and their institution
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.diagnostic.severity == Severity.ERROR for p in self.problems)


def _problem(code: str, element: Element, answers: Answers, shown: str, **params: Any) -> Problem:
    loc = Location(shown, answers.lines.get(element.label), None, element.path)
    return Problem(error(code, loc, label=element.label, **params), element.label)


def _put(record: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    here: Any = record
    for key in path[:-1]:
        here = here.setdefault(key, {})  # an int key holds a list item until _lists
    here[path[-1]] = value


def _lists(value: Any) -> Any:
    """Items held under int keys (a named expert's answers) → a list, in their order."""
    if isinstance(value, dict):
        if value and all(isinstance(k, int) for k in value):
            return [_lists(value[k]) for k in sorted(value)]
        return {k: _lists(v) for k, v in value.items()}
    return value


def read_answers(form: Form, answers: Answers, shown: str) -> tuple[dict[str, Any], list[Problem]]:
    """The record the answers give (without id), and what could not be read."""
    record: dict[str, Any] = {}
    problems: list[Problem] = []
    for element in form.elements[1:]:  # the batch is read first, by _batch
        if element.label not in answers.texts:
            if element.required:
                problems.append(_problem("form.missing-heading", element, answers, shown))
            continue
        answer = answers.texts[element.label]
        if element.widget == "dropdown" and answer is not None and answer.strip() == NO_SELECTION:
            answer = None
        value: Any = None
        if answer is not None:
            try:
                value = read(element, answer)
            except Unreadable as exc:
                problems.append(_problem(exc.code, element, answers, shown, **exc.params))
                continue
        if value is None or value == []:
            if element.required:
                problems.append(_problem("form.required", element, answers, shown))
            continue
        _put(record, element.path, value)
    ordered = {k: record[k] for k in form.model.model_fields if k in record}
    return _lists(ordered), problems


def _not_a_form(form: Form, shown: str) -> Problem:
    return Problem(error("form.not-a-form", Location(shown), form=form.title), "")


def _batch(
    dataset: Dataset, body: str, batch_id: str | None, form_name: str, shown: str
) -> Batch | Problem:
    """The batch given with --batch, else the one chosen in the form (its id in brackets)."""
    if batch_id is not None:
        return batch_of(dataset, batch_id)
    any_batch = next(iter(dataset.batches.values())).record if dataset.batches else None
    if any_batch is None:
        return batch_of(dataset, "")  # no batch at all: the unknown-batch error
    form = build_form(form_name, any_batch, None)
    batch_element = form.elements[0]
    answers = split_body(form, body)
    if not answers.lines:
        return _not_a_form(form, shown)
    answer = (answers.texts.get(batch_element.label) or "").strip()
    for loaded in dataset.batches.values():
        candidate = build_form(form_name, loaded.record, None).elements[0]
        if answer in (*candidate.options, loaded.record.id) or answer.endswith(
            f"（{loaded.record.id}）"
        ):
            return loaded.record
    code = "form.unknown-batch" if answer else "form.required"
    params = {"value": answer, "choices": sorted(dataset.batches)} if answer else {}
    return _problem(code, batch_element, answers, shown, **params)


def _record_id(form: Form, record: dict[str, Any], dataset: Dataset) -> str:
    """The enterprise's or person's id; the id a record of the same one in the same batch
    already has is kept (ids are unique across batches: another batch's is taken)."""
    batch = record["batch"]
    if form.kind == "need":
        name = record["enterprise"]["name"]
        same = {
            k
            for k, v in dataset.needs.items()
            if v.record.batch == batch
            and enterprise_key(v.record.enterprise.name) == enterprise_key(name)
        }
        taken = dataset.known_ids.get("need", frozenset()) - same
        return need_id(name, taken)
    name, institution = record["name"], record["institution"]
    same = {
        k
        for k, v in dataset.experts.items()
        if (v.record.batch, v.record.name, v.record.institution) == (batch, name, institution)
    }
    taken = dataset.known_ids.get("expert", frozenset()) - same
    return expert_id(name, institution, taken)


def _name(record: dict[str, Any]) -> str:
    if "enterprise" in record:
        return str(record["enterprise"]["name"])
    return f"{record['name']}（{record['institution']}）"


def _label_of(form: Form, key_path: tuple[str | int, ...]) -> str:
    """The form field a validation problem is about: the element whose path is the longest
    prefix of the problem's key path."""
    best = max(
        (e for e in form.elements if key_path[: len(e.path)] == e.path),
        key=lambda e: len(e.path),
        default=None,
    )
    if best is None and key_path[:1] and isinstance(key_path[0], str):
        best = next((e for e in form.elements if e.path[:1] == key_path[:1]), None)
    return best.label if best is not None else ""


def from_issue(
    root: Path,
    form_name: str,
    body: str,
    shown: str,
    now: datetime,
    batch_id: str | None = None,
    author: str | None = None,
) -> Outcome:
    """Read the body, write the record if it is readable, and validate it (module docstring)."""
    outcome = Outcome(form_name)
    dataset, _ = load(root)
    batch = _batch(dataset, body, batch_id, form_name, shown)
    if isinstance(batch, Problem):
        outcome.problems.append(batch)
        return outcome
    policy, _ = resolve(dataset.batches[batch.id])
    form = build_form(form_name, batch, policy.params)
    answers = split_body(form, body)
    if not answers.lines:
        outcome.problems.append(_not_a_form(form, shown))
        return outcome
    record, outcome.problems = read_answers(form, answers, shown)
    if not outcome.ok:
        return outcome
    record["batch"] = batch.id
    record_id = _record_id(form, record, dataset)
    if form.kind == "need" and author:
        record["submitted_by"] = author
    record["id"] = record_id
    record = {k: record[k] for k in form.model.model_fields if k in record}
    rel = record_path(form.kind, record)
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dump_record(record, schema_ref(form.kind, rel)), encoding="utf-8")
    outcome.path, outcome.record_id = rel, record_id
    outcome.name = _name(record)
    for diagnostic in run(root, now).findings.sorted():
        if diagnostic.location.file == rel:
            label = _label_of(form, diagnostic.location.key_path)
            outcome.problems.append(Problem(diagnostic, label))
    return outcome
