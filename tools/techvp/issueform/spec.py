"""What each issue form asks, declared once: the record field behind each form element.

A form is a list of record paths with the widget that asks for it and how its answer is read.
Labels, descriptions, whether an answer is required, and who may see it come from the models
(techvp.models.introspect); drop-down options come from the model's allowed values or the batch
(its regions and industries). `techvp forms` writes these elements as GitHub issue forms and
`techvp from-issue` reads a submitted body back through the same elements, so the two cannot
disagree. ID-card and bank numbers are in no model, so in no form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from techvp.messages import issueform as text
from techvp.models import Batch, Expert, Need
from techvp.models.common import NO_WORDS, YES_WORDS
from techvp.models.introspect import FieldSpec, field_index

Path = tuple[str | int, ...]

# How an answer becomes a value: text as typed; code (NFKC, no spaces: credit codes, phones,
# e-mail, ids); count and money (numbers with units); date; choice (an option's text → its
# value); choices (ticked boxes); lines (one sentence a line); names (one a line, or split by
# 、，；); patents (number, title, kind a line).
READERS = (
    "text",
    "code",
    "count",
    "money",
    "date",
    "choice",
    "choices",
    "lines",
    "names",
    "patents",
)


@dataclass(frozen=True)
class Element:
    """One question of a form and the record field its answer fills."""

    id: str
    path: Path
    widget: str  # input, textarea, dropdown, checkboxes
    reader: str  # one of READERS
    label: str
    description: str
    required: bool
    options: tuple[str, ...] = ()  # what the submitter sees and GitHub writes into the body
    values: tuple[Any, ...] = ()  # the record value of each option
    unit: str = ""  # the model's unit of a money field (万元 or 元)

    def value_of(self, option: str) -> Any:
        return self.values[self.options.index(option)]


@dataclass(frozen=True)
class Form:
    name: str  # need, expert: the --form option and the file name
    kind: str  # the record kind written
    model: type[BaseModel]
    title: str
    about: str
    issue_title: str
    elements: tuple[Element, ...]
    batch: Batch

    def element(self, label: str) -> Element | None:
        return next((e for e in self.elements if e.label == label), None)


_YES_NO = (YES_WORDS[0], NO_WORDS[0])
_PREFERRED = [
    (("preferred_experts", n, key), widget, reader)
    for n in (0, 1)
    for key, widget, reader in (
        ("institution", "input", "text"),
        ("name", "input", "text"),
        ("agreed", "dropdown", "choice"),
        ("expert", "input", "code"),
    )
]
NEED_ELEMENTS: tuple[tuple[Path, str, str], ...] = (
    (("batch",), "dropdown", "choice"),
    (("region",), "dropdown", "choice"),
    (("enterprise", "name"), "input", "text"),
    (("enterprise", "credit_code"), "input", "code"),
    (("enterprise", "industry"), "dropdown", "choice"),
    (("enterprise", "employees"), "input", "count"),
    (("enterprise", "revenue_last_year"), "input", "money"),
    (("enterprise", "qualifications"), "checkboxes", "choices"),
    (("enterprise", "carrier"), "dropdown", "choice"),
    (("enterprise", "affiliated_institutions"), "textarea", "names"),
    (("category",), "dropdown", "choice"),
    (("expert_field",), "input", "text"),
    (("problem",), "textarea", "text"),
    (("cooperation",), "textarea", "text"),
    (("intended_amount",), "input", "money"),
    (("capacity",), "input", "count"),
    *_PREFERRED,
    (("contact", "name"), "input", "text"),
    (("contact", "phone"), "input", "code"),
    (("contact", "email"), "input", "code"),
)
EXPERT_ELEMENTS: tuple[tuple[Path, str, str], ...] = (
    (("batch",), "dropdown", "choice"),
    (("name",), "input", "text"),
    (("gender",), "dropdown", "choice"),
    (("birth_date",), "input", "date"),
    (("institution",), "input", "text"),
    (("department",), "input", "text"),
    (("institution_type",), "dropdown", "choice"),
    (("person_type",), "dropdown", "choice"),
    (("title",), "input", "text"),
    (("title_level",), "dropdown", "choice"),
    (("degree",), "dropdown", "choice"),
    (("position",), "input", "text"),
    (("research_fields",), "textarea", "names"),
    (("achievements",), "textarea", "lines"),
    (("patents",), "textarea", "patents"),
    (("core_ip",), "dropdown", "choice"),
    (("clean_record_3y",), "dropdown", "choice"),
    (("contract_end",), "input", "date"),
    (("renewal_proof",), "dropdown", "choice"),
    (("training_certificate",), "dropdown", "choice"),
    (("previous_term", "batch"), "input", "text"),
    (("previous_term", "result"), "dropdown", "choice"),
    (("applications",), "textarea", "code"),
    (("political_status",), "input", "text"),
    (("contact", "phone"), "input", "code"),
    (("contact", "email"), "input", "code"),
    (("summary",), "textarea", "text"),
)
# Fields a batch's policy may require although the model does not (profiles.Policy).
POLICY_REQUIRED = {
    ("enterprise", "credit_code"): "require_credit_code",
    ("category",): "require_category",
}


def _names(path: Path) -> tuple[str, ...]:
    return tuple(p for p in path if isinstance(p, str))


def _required(model: type[BaseModel], path: Path) -> bool:
    """Required in the form: the field and every structure above it are required."""
    index = field_index(model)
    names = _names(path)
    if any(isinstance(p, int) for p in path):
        return False  # an item of an optional list (a named expert)
    return all(index[names[: i + 1]].required for i in range(len(names)))


def _label(model: type[BaseModel], path: Path, spec: FieldSpec) -> str:
    label = spec.title
    if len(path) == 3 and isinstance(path[1], int):
        group = field_index(model)[(str(path[0]),)].title
        label = text.GROUP_LABEL.format(group=group, n=path[1] + 1, title=spec.title)
    if spec.visibility == "internal":
        label += text.INTERNAL_MARK
    return label


def _description(spec: FieldSpec, path: Path, reader: str, unit: str) -> str:
    own = text.DESCRIPTIONS.get(".".join(map(str, path)), spec.description)
    parts = [own] if own and own != spec.title else []
    hint = text.HINTS.get(reader, "")
    if reader == "code" and spec.is_list:
        hint = text.HINTS["ids"]
    if hint:
        parts.append(hint.format(unit=unit))
    if spec.visibility == "internal" and text.INTERNAL_MARK[1:-1] not in own:
        parts.append(text.INTERNAL_NOTE)
    return "。".join(p.rstrip("。") for p in parts) + ("。" if parts else "")


def _options(path: Path, spec: FieldSpec, batch: Batch) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    if path == ("batch",):
        return (text.BATCH_OPTION.format(title=batch.title, id=batch.id),), (batch.id,)
    if path == ("region",):
        return tuple(r.name for r in batch.regions), tuple(r.slug for r in batch.regions)
    if path == ("enterprise", "industry"):
        return tuple(batch.industries), tuple(batch.industries)
    if spec.choices == _YES_NO:
        return _YES_NO, (True, False)
    return spec.choices, spec.choices


def _unit(spec: FieldSpec) -> str:
    return next((u for u in text.UNITS if f"（{u}）" in spec.title), "")


def element(
    model: type[BaseModel], path: Path, widget: str, reader: str, batch: Batch, policy: Any
) -> Element:
    spec = field_index(model)[_names(path)]
    options, values = _options(path, spec, batch) if widget != "input" else ((), ())
    if widget == "textarea" and reader == "code":
        options = ()
    required = _required(model, path)
    demand = POLICY_REQUIRED.get(_names(path))
    if demand is not None and getattr(policy, demand, False):
        required = True
    unit = _unit(spec)
    return Element(
        id="-".join(str(p + 1) if isinstance(p, int) else p for p in path).replace("_", "-"),
        path=path,
        widget=widget,
        reader=reader,
        label=_label(model, path, spec),
        description=_description(spec, path, reader, unit),
        required=required,
        options=options,
        values=values,
        unit=unit,
    )


def build_form(name: str, batch: Batch, policy: Any) -> Form:
    """The need or expert form of a batch; `policy` is the batch's resolved policy parameters."""
    if name == "need":
        model: type[BaseModel] = Need
        decl, title, about, issue = (
            NEED_ELEMENTS,
            text.NEED_FORM,
            text.NEED_ABOUT,
            text.NEED_TITLE,
        )
    else:
        model = Expert
        decl, title, about, issue = (
            EXPERT_ELEMENTS,
            text.EXPERT_FORM,
            text.EXPERT_ABOUT,
            text.EXPERT_TITLE,
        )
    elements = tuple(element(model, p, w, r, batch, policy) for p, w, r in decl)
    return Form(name, name, model, title, about, issue, elements, batch)


FORM_NAMES = ("need", "expert")
