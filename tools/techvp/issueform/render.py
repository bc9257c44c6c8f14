"""`techvp forms`: the form elements (spec.py) as GitHub issue forms in .github/ISSUE_TEMPLATE/.

Each form opens with a Markdown note (required answers, what is published and what is not,
never an ID-card or bank number), asks its elements in the models' order and ends with a
required confirmation box. The issue gets the submission label and the form's own label, which
the form-to-PR workflow reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from techvp.excel.forms import batch_of
from techvp.issueform.spec import FORM_NAMES, Element, Form, build_form
from techvp.messages import issueform as text
from techvp.models import Batch
from techvp.policies.profiles import resolve
from techvp.repo import Dataset
from techvp.validate import load
from techvp.yamlwrite import dump_yaml

FOLDER = ".github/ISSUE_TEMPLATE"
SUBMISSION_LABEL = "submission"
HEADER = (
    "# 由 techvp forms 从记录模型和批次生成，请勿手工修改；修改后运行 techvp forms 重新生成。\n"
)


def _element(element: Element) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": element.label}
    if element.description:
        attributes["description"] = element.description
    if element.widget == "dropdown":
        attributes["options"] = list(element.options)
        if len(element.options) == 1:
            attributes["default"] = 0  # the batch: already chosen
    elif element.widget == "checkboxes":
        attributes["options"] = [{"label": option} for option in element.options]
    out: dict[str, Any] = {"type": element.widget, "id": element.id, "attributes": attributes}
    if element.widget != "checkboxes":
        out["validations"] = {"required": element.required}
    return out


def form_document(form: Form) -> dict[str, Any]:
    """One issue form as the YAML document GitHub reads."""
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": text.INTRO}}]
    body.extend(_element(e) for e in form.elements)
    confirm = {"label": text.CONFIRM_OPTION, "required": True}
    body.append(
        {
            "type": "checkboxes",
            "id": "confirm",
            "attributes": {"label": text.CONFIRM_LABEL, "options": [confirm]},
        }
    )
    return {
        "name": form.title,
        "description": form.about,
        "title": form.issue_title,
        "labels": [SUBMISSION_LABEL, form.name],
        "body": body,
    }


def chosen_batch(dataset: Dataset, batch_id: str | None) -> Batch:
    """The batch asked for, else the one with the latest reference date (the current round)."""
    if batch_id is not None or not dataset.batches:
        return batch_of(dataset, batch_id or "")
    latest = max(dataset.batches.values(), key=lambda b: (b.record.reference_date, b.record.id))
    return latest.record


def forms_text(root: Path, batch_id: str | None) -> dict[str, str]:
    """Relative path → file text of every form for the batch."""
    dataset, _ = load(root)
    batch = chosen_batch(dataset, batch_id)
    params = resolve(dataset.batches[batch.id])[0].params
    return {
        f"{FOLDER}/{name}.yml": HEADER + dump_yaml(form_document(build_form(name, batch, params)))
        for name in FORM_NAMES
    }


def write_forms(root: Path, batch_id: str | None) -> list[str]:
    written = []
    for rel, content in forms_text(root, batch_id).items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        written.append(rel)
    return written
