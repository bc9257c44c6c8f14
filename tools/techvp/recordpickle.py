"""What reading one record file gave, as bytes and back: quicker to unpickle than pickle's own.

Two places move many (record, document) pairs between processes or runs: the loading workers
hand theirs to the main process (techvp.reading), and the cache keeps them on disk (techvp.cache).
Both pack each pair (`pack`: the key and value positions marshalled, unpacked only when a rule
asks where a key was written) and pickle record models by `_model`, without pydantic's state
dictionary or a second validation.
"""

from __future__ import annotations

import io
import marshal
import pickle
from typing import Any

from pydantic import BaseModel

from techvp.yamlio import YamlDocument

# What reading a file gave: (record, document data, diagnostics, positions packed by marshal).
Payload = tuple[Any, Any, list[Any], bytes]


class LazyDocument(YamlDocument):
    """A cached document whose key and value positions are unpacked on first use: most
    documents are never asked where a key was written."""

    def __getattr__(self, name: str) -> Any:
        if name not in ("key_positions", "value_positions") or "_packed" not in self.__dict__:
            raise AttributeError(name)
        self.key_positions, self.value_positions = marshal.loads(self.__dict__.pop("_packed"))
        return getattr(self, name)


def pack(record: Any, doc: YamlDocument) -> Payload:
    positions = doc.__dict__.get("_packed")  # a document unpacked, not yet asked: as it came
    if positions is None:
        positions = marshal.dumps((doc.key_positions, doc.value_positions))
    return record, doc.data, doc.diagnostics, positions


def unpack(rel: str, payload: Payload) -> tuple[Any, YamlDocument]:
    record, data, diagnostics, positions = payload
    doc = LazyDocument.__new__(LazyDocument)
    doc.__dict__.update(file=rel, data=data, diagnostics=diagnostics, _packed=positions)
    return record, doc


def _model(cls: type[BaseModel], values: dict[str, Any], fields_set: set[str]) -> BaseModel:
    """A record model as pydantic's own unpickling makes it, without its state dictionary:
    a warm run rebuilds every model of the repository (a third less time to unpickle)."""
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", values)
    object.__setattr__(model, "__pydantic_fields_set__", fields_set)
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


class _Pickler(pickle.Pickler):
    """Pickles models with neither extra nor private attributes (every record's) by `_model`.
    Models of a class with the same set fields share one set object (pickled once): frozen
    models never change theirs (`model_copy` copies it first)."""

    def __init__(self, out: io.BytesIO) -> None:
        super().__init__(out, protocol=5)
        self.fields_sets: dict[tuple[type, frozenset[str]], set[str]] = {}

    def reducer_override(self, obj: Any) -> Any:
        if (
            isinstance(obj, BaseModel)
            and obj.__pydantic_extra__ is None
            and obj.__pydantic_private__ is None
        ):
            fields = obj.__pydantic_fields_set__
            if obj.model_config.get("frozen"):
                fields = self.fields_sets.setdefault((type(obj), frozenset(fields)), fields)
            return _model, (type(obj), obj.__dict__, fields)
        return NotImplemented


def dumps(payloads: Any) -> bytes:
    """`payloads` (payloads in any container) pickled, record models by `_model`."""
    out = io.BytesIO()
    _Pickler(out).dump(payloads)
    return out.getvalue()
