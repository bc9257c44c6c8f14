"""What several rules derive from one Dataset, computed once per run and shared.

Each view is computed on first use (`functools.cached_property`), so a rule that needs none of
them costs nothing, and a rule that needs one never rebuilds it.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from techvp.diagnostics import Diagnostic
from techvp.layout import Candidate, classify
from techvp.models import Expert, Need
from techvp.models.batch import Region
from techvp.policies.names import Institutions
from techvp.policies.profiles import Policy, resolve
from techvp.policies.relations import ExpertDirectory, Naming, named_agreed, raw_preferences
from techvp.repo import Dataset, Loaded


class DatasetViews:
    """Per-batch views of one Dataset: policies, alias tables, records by batch, namings."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    @cached_property
    def resolved(self) -> dict[str, tuple[Policy, list[Diagnostic]]]:
        """Batch id → its policy and the problems found in its overrides, by batch id."""
        ds = self.dataset
        return {batch_id: resolve(ds.batches[batch_id]) for batch_id in sorted(ds.batches)}

    @cached_property
    def policies(self) -> dict[str, Policy]:
        """Every loaded batch's policy after its overrides, by batch id."""
        return {batch_id: found[0] for batch_id, found in self.resolved.items()}

    @cached_property
    def institutions(self) -> dict[str, Institutions]:
        """Batch id → its institution alias table (names compared tolerantly)."""
        ds = self.dataset
        return {b: Institutions(ds.batches[b].record.institution_aliases) for b in ds.batches}

    @cached_property
    def regions(self) -> dict[str, dict[str, Region]]:
        """Batch id → its regions by slug."""
        ds = self.dataset
        return {b: {r.slug: r for r in ds.batches[b].record.regions} for b in ds.batches}

    @cached_property
    def needs_by_batch(self) -> dict[str, list[Loaded[Need]]]:
        """Batch id → its loaded needs, sorted by id (batches may be unknown)."""
        return _by_batch(self.dataset.needs)

    @cached_property
    def experts_by_batch(self) -> dict[str, list[Loaded[Expert]]]:
        """Batch id → its loaded experts, sorted by id (batches may be unknown)."""
        return _by_batch(self.dataset.experts)

    @cached_property
    def namings(self) -> dict[str, list[Naming]]:
        """Expert id → the needs of its batch that named it with agreed: true."""
        out: dict[str, list[Naming]] = {}
        for batch_id, experts in self.experts_by_batch.items():
            inst = self.institutions.get(batch_id)
            if inst is None:
                continue  # unknown batch: reported by the reference rules
            needs = [n.record for n in self.needs_by_batch.get(batch_id, [])]
            out.update(named_agreed(needs, [e.record for e in experts], inst))
        return out

    @cached_property
    def unconfirmed_namings(self) -> dict[str, list[tuple[str, str]]]:
        """Expert id → (need id, file) of needs of its batch that did not load but may have
        named it: their raw 指定专家 entries mean this expert or, when the file could not be read
        as a mapping at all, the expert applied to that need. A relaxation that rests on such a
        need can be neither granted nor refused until the need is fixed."""
        out: dict[str, list[tuple[str, str]]] = {}
        broken = self.dataset.unloaded.get("need", {})
        for need_id in sorted(broken):
            doc = broken[need_id]
            batch_id = _batch_of(doc.file)
            experts = [e.record for e in self.experts_by_batch.get(batch_id or "", [])]
            if batch_id is None or batch_id not in self.institutions or not experts:
                continue
            for expert_id in self._may_name(need_id, doc.data, experts, batch_id):
                out.setdefault(expert_id, []).append((need_id, doc.file))
        return out

    def _may_name(self, need_id: str, data: Any, experts: list[Expert], batch_id: str) -> list[str]:
        """The experts a broken need's raw data names (or, unreadable, who applied to it)."""
        if not isinstance(data, dict):
            return [e.id for e in experts if need_id in e.applications]
        directory, inst = ExpertDirectory(experts), self.institutions[batch_id]
        found: list[str] = []
        for expert_id, name, institution in raw_preferences(data):
            found += directory.lookup(expert_id, name, institution, inst)
        return sorted(set(found))


def _batch_of(file: str) -> str | None:
    """The batch folder of a record file, read the way the loader placed it (techvp.layout)."""
    found = classify(file.split("/")[1:], file, file)
    return found.folders.get("batch") if isinstance(found, Candidate) else None


def _by_batch(table: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for key in sorted(table):
        item = table[key]
        out.setdefault(item.record.batch, []).append(item)
    return out
