"""Who is related to whom: conflicts of interest, and which expert a need's 指定专家 entry means.

These are the checks the rules and the future matching share, so an assignment can never pair an
expert with an enterprise the conflict rule would flag, nor miss a pairing a need asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from techvp.models import Expert, Need
from techvp.models.need import PreferredExpert
from techvp.policies.names import Institutions, normalise


def conflict_of_interest(institutions: Institutions, expert: Expert, need: Need) -> str | None:
    """The institution that founded, invested in or incubated the need's enterprise and is the
    expert's own institution (or a school of it), as the need wrote it; None if there is none.

    `institutions` carries the batch's alias table, so 华中科大 and 华中科技大学机械学院 both
    match 华中科技大学 (seed 001 二(二)1).
    """
    for affiliated in need.enterprise.affiliated_institutions:
        if institutions.same(expert.institution, affiliated):
            return affiliated
    return None


def refers_to(
    expert: Expert,
    institutions: Institutions,
    *,
    expert_id: str | None,
    name: str,
    institution: str,
) -> bool:
    """Whether a 指定专家 entry means this expert: by id when the entry gives one (the name is
    then not compared), otherwise the same name (normalised) at the same institution."""
    if expert_id is not None:
        return expert_id == expert.id
    return normalise(name) == normalise(expert.name) and institutions.same(
        expert.institution, institution
    )


@dataclass
class ExpertDirectory:
    """The experts one need may name (those of its batch), indexed by id and by name."""

    experts: Sequence[Expert]
    _ids: frozenset[str] = frozenset()
    _by_name: dict[str, list[Expert]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._ids = frozenset(e.id for e in self.experts)
        for expert in self.experts:
            self._by_name.setdefault(normalise(expert.name), []).append(expert)

    def find(self, pref: PreferredExpert, institutions: Institutions) -> list[str]:
        """The ids of the experts this entry means (see `refers_to`), in file order."""
        return self.lookup(pref.expert, pref.name, pref.institution, institutions)

    def lookup(
        self, expert_id: str | None, name: str, institution: str, institutions: Institutions
    ) -> list[str]:
        """The ids of the experts an entry with these values means (see `refers_to`)."""
        if expert_id is not None:
            return [expert_id] if expert_id in self._ids else []
        candidates = self._by_name.get(normalise(name), [])
        return [
            e.id
            for e in candidates
            if refers_to(e, institutions, expert_id=None, name=name, institution=institution)
        ]


_DISAGREED = frozenset({"否", "false", "no", "n", "off", "0"})


def raw_preferences(data: Any) -> list[tuple[str | None, str, str]]:
    """(expert id, name, institution) of each 指定专家 entry in the raw data of a need that did
    not load, except entries plainly marked not agreed: what that need may have asked for."""
    prefs = data.get("preferred_experts") if isinstance(data, dict) else None
    out: list[tuple[str | None, str, str]] = []
    for entry in prefs if isinstance(prefs, list) else []:
        if not isinstance(entry, dict):
            continue
        agreed = entry.get("agreed")
        if agreed is False or str(agreed).strip().lower() in _DISAGREED:
            continue
        expert_id = entry.get("expert")
        name, institution = entry.get("name"), entry.get("institution")
        out.append(
            (
                expert_id if isinstance(expert_id, str) else None,
                name if isinstance(name, str) else "",
                institution if isinstance(institution, str) else "",
            )
        )
    return out


@dataclass(frozen=True)
class Naming:
    need: str  # need id
    index: int  # position in preferred_experts


def named_experts(
    need: Need, directory: ExpertDirectory, institutions: Institutions, *, agreed_only: bool = True
) -> list[tuple[Naming, str]]:
    """Each (naming, expert id) of a live need's 指定专家 entries that means a known expert;
    with `agreed_only`, only entries marked 已协商一致 (what relaxes the age limit)."""
    if need.withdrawn:
        return []
    out: list[tuple[Naming, str]] = []
    for i, pref in enumerate(need.preferred_experts):
        if pref.agreed or not agreed_only:
            out.extend((Naming(need.id, i), e) for e in directory.find(pref, institutions))
    return out


def named_agreed(
    needs: Iterable[Need], experts: Sequence[Expert], institutions: Institutions
) -> dict[str, list[Naming]]:
    """Expert id → the live needs that named this expert with agreed: true, in need order."""
    directory = ExpertDirectory(experts)
    out: dict[str, list[Naming]] = {}
    for need in needs:
        for naming, expert_id in named_experts(need, directory, institutions):
            out.setdefault(expert_id, []).append(naming)
    return out
