"""Join keys: what relates one record file to others, and so which files a change can affect.

A record file's keys are its own id, the ids it refers to, its enterprise's credit code and the
normalised names of the people it is or names. Every rule relates records only through these
(an expert's applications, a need's 指定专家, the enterprise behind several needs, the
appointments of one need or one expert), and a rule's finding about a record depends only on
that record, the records sharing a key with it, and the batches. An appointment's findings also
depend on its need's and its expert's neighbours (the enterprise's other appointments; whether
the need and the expert are eligible), so it carries their keys too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from itertools import accumulate
from typing import Any

from techvp.layout import SUBMISSIONS
from techvp.models import KINDS
from techvp.policies.names import normalise
from techvp.policies.relations import raw_preferences

Keys = tuple[str, ...]
Owners = Mapping[str, Mapping[Any, str]]  # kind → id → its file (techvp.repo.Dataset.owners)
# Codes whose message suggests the closest known id: they depend on every id of their kind.
HINTED = frozenset({"ref.unknown-need", "ref.unknown-expert"})
IDS = "ids"  # the key of those findings, and of any change to the set of ids
_SEP = "\0"  # no key holds it
_FEW = 64  # keys looked for one by one
APPOINTMENTS = f"{SUBMISSIONS}/{KINDS['appointment'].folder}/"
_STAFF = frozenset({"appointment", "report", "assessment"})  # a file per expert


def join_keys(kind: str, key: Any, record: Any, data: Any) -> Keys:
    """The keys of a record file of `kind` holding `key`: its record, or (when it did not
    load) the raw YAML `data`."""
    own = key[0] if kind == "report" else key
    keys = {f"{'expert' if kind in _STAFF else kind}:{own}"}
    if record is None:
        for expert_id, name, _ in raw_preferences(data):
            keys.add(f"expert:{expert_id}" if expert_id else f"person:{normalise(name)}")
    elif kind == "need":
        if record.enterprise.credit_code:
            keys.add(f"credit:{record.batch}:{record.enterprise.credit_code}")
        for pref in record.preferred_experts:
            keys.add(f"person:{normalise(pref.name)}")
            if pref.expert:
                keys.add(f"expert:{pref.expert}")
    elif kind == "expert":
        keys.add(f"person:{normalise(record.name)}")
        keys.update(f"need:{need_id}" for need_id in record.applications)
    elif kind in _STAFF:
        keys.add(f"expert:{record.expert}")
        if getattr(record, "need", None):
            keys.add(f"need:{record.need}")
        if getattr(record, "replaced_by", None):
            keys.add(f"expert:{record.replaced_by}")
    return tuple(sorted(keys))


def joined(keys: Keys) -> str:
    """Keys as one string, each between separators: how the memo keeps them, and what
    `neighbourhood` searches without splitting."""
    return f"{_SEP}{_SEP.join(keys)}{_SEP}" if keys else ""


def split(text: str) -> Keys:
    return tuple(text[1:-1].split(_SEP)) if text else ()


def widen(rel: str, table: Mapping[str, str], owners: Owners) -> str:
    """A file's keys as `joined`; an appointment's with its need's and its expert's."""
    text = table.get(rel, "")
    if not rel.startswith(APPOINTMENTS):
        return text
    keys = set(split(text))
    for key in split(text):
        kind, _, ident = key.partition(":")
        ref = owners.get(kind, {}).get(ident) if kind in ("need", "expert") else None
        keys.update(split(table.get(ref, "")) if ref is not None else ())
    return joined(tuple(sorted(keys)))


def neighbourhood(
    table: Mapping[str, str],
    owners: Owners,
    touched: set[str],
    seeds: set[str],
    appointments: Iterable[str],
) -> tuple[set[str], set[str]]:
    """(the files to check again, the files to load for that): the touched files and every
    file sharing a key with `seeds` (the touched files' keys before and after), then those
    files' own neighbours, whose records the rules read to check them. `table`: each file's
    keys as `joined`; `appointments`: the appointment files among them."""
    keys = dict(table)
    for rel in appointments:
        if rel in table:
            keys[rel] = widen(rel, table, owners)
    having = _Having(keys)
    again = touched | having(seeds)
    wanted = {key for rel in again for key in split(keys.get(rel, ""))}
    return again, again | having(wanted)


class _Having:
    """The files with any of a few keys: each key is looked for in every file's keys joined
    in one text (a change asks about a few keys; an index of every key costs more than it
    saves, unless many are asked about)."""

    def __init__(self, keys: Mapping[str, str]) -> None:
        self.keys = keys
        self.files = list(keys)
        found = list(keys.values())
        self.text = "".join(found)
        self.ends = list(accumulate(map(len, found)))  # where each file's keys end

    def __call__(self, wanted: set[str]) -> set[str]:
        if len(wanted) > _FEW:
            return {rel for rel, found in self.keys.items() if not wanted.isdisjoint(split(found))}
        out: set[str] = set()
        text, ends, files = self.text, self.ends, self.files
        for key in wanted:
            needle = f"{_SEP}{key}{_SEP}"  # keys hold no separator: a match is one whole key
            at = text.find(needle)
            while at >= 0:
                out.add(files[bisect_right(ends, at)])
                at = text.find(needle, at + 1)
        return out
