"""`techvp codeowners`: .github/CODEOWNERS from the reviewers named in the batch files.

Each region's needs folder goes to its district reviewers; the batch file and every other folder
of the batch (its needs by default, experts, appointments, reports, assessments) to the batch's
city-office reviewers. GitHub applies the last matching line, so a region's line comes after its
batch's. Whatever the file holds above the marker line (rules for the code, say) is kept as it is.
"""

from __future__ import annotations

from pathlib import Path

from techvp.diagnostics import Findings, Severity
from techvp.layout import LAYOUT, SUBMISSIONS, find_candidates
from techvp.messages import forge as text
from techvp.models.batch import Batch
from techvp.reading import load_file

CODEOWNERS = Path(".github") / "CODEOWNERS"
# Every folder of a batch but the needs folder, whose regions have reviewers of their own.
_STAFF_FOLDERS = [folder for folder, (kind, _) in LAYOUT.items() if kind not in ("batch", "need")]


def load_batches(root: Path) -> tuple[list[Batch], Findings]:
    """The valid batch files under root/submissions, by id; their problems as findings."""
    findings = Findings()
    batches = []
    for cand in find_candidates(root, Findings()):
        if cand.kind.name != "batch":
            continue
        findings.files_checked += 1
        record, doc = load_file(cand)
        findings.extend(d for d in doc.diagnostics if d.severity is Severity.ERROR)
        if record is not None:
            batches.append(record)
    return sorted(batches, key=lambda b: b.id), findings


def _line(path: str, owners: list[str]) -> str:
    return f"{path:<48} {' '.join('@' + o for o in owners)}".rstrip()


def _comment(value: str) -> str:
    return " ".join(value.split())  # a title typed with a line break stays one comment line


def batch_rules(batch: Batch) -> list[str]:
    """The lines for one batch: its city office first, then each region with reviewers."""
    base = f"/{SUBMISSIONS}"
    out = [f"# {batch.id}：{_comment(batch.title)}"]
    if batch.reviewers:
        out.append(_line(f"{base}/batches/{batch.id}.yaml", batch.reviewers))
        out.append(_line(f"{base}/needs/{batch.id}/", batch.reviewers))
        out += [_line(f"{base}/{folder}/{batch.id}/", batch.reviewers) for folder in _STAFF_FOLDERS]
    else:
        out.append(text.NO_CITY_REVIEWERS)
    for region in batch.regions:
        if region.reviewers:
            out.append(_line(f"{base}/needs/{batch.id}/{region.slug}/", region.reviewers))
    return out


def kept_part(existing: str | None) -> str:
    """What the file says above the generated part; a hand-written file is kept whole."""
    if not existing:
        return ""
    head, marker, _ = existing.partition(text.CODEOWNERS_MARKER)
    kept = head if marker else existing
    return kept.rstrip("\n") + "\n\n" if kept.strip() else ""


def codeowners_text(batches: list[Batch], existing: str | None) -> str:
    lines = [text.CODEOWNERS_MARKER, *text.CODEOWNERS_INTRO]
    for batch in batches:
        lines += ["", *batch_rules(batch)]
    return kept_part(existing) + "\n".join(lines) + "\n"


def fresh_codeowners(root: Path) -> tuple[str, Findings]:
    """The file as `techvp codeowners` would write it now, and any problem with a batch file."""
    batches, findings = load_batches(root)
    path = root / CODEOWNERS
    existing = path.read_text(encoding="utf-8") if path.exists() else None
    return codeowners_text(batches, existing), findings


def write_codeowners(root: Path) -> tuple[Path, Findings]:
    """Write root/.github/CODEOWNERS unless a batch file has an error (then nothing is written)."""
    content, findings = fresh_codeowners(root)
    path = root / CODEOWNERS
    if findings.ok:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
    return path, findings
