"""What the models say about each field: scalar or list, nested model, foreign key target."""

from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .fieldtypes import Ref


@dataclass(frozen=True)
class FieldShape:
    """One model field reduced to what tables, checks and schemas need."""

    name: str
    base: Any
    optional: bool
    is_list: bool
    ref: str | None
    model: type[BaseModel] | None


def _strip(annotation: Any) -> tuple[Any, list[Any]]:
    """Peel Annotated layers, collecting their metadata."""
    metadata: list[Any] = []
    while get_origin(annotation) is Annotated:
        args = get_args(annotation)
        annotation, metadata = args[0], [*metadata, *args[1:]]
    return annotation, metadata


def _shape(name: str, annotation: Any, metadata: list[Any]) -> FieldShape:
    annotation, more = _strip(annotation)
    metadata = [*metadata, *more]
    optional = False
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(args) < len(get_args(annotation))
        annotation, more = _strip(args[0])
        metadata = [*metadata, *more]
    is_list = get_origin(annotation) is list
    if is_list:
        annotation, more = _strip(get_args(annotation)[0])
        metadata = [*metadata, *more]
    ref = next((m.resource for m in metadata if isinstance(m, Ref)), None)
    model = (
        annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    )
    return FieldShape(name, annotation, optional, is_list, ref, model)


@cache
def shapes(model: type[BaseModel]) -> tuple[FieldShape, ...]:
    """The shape of every field of a model, in declaration order."""
    return tuple(
        _shape(name, info.annotation, list(info.metadata))
        for name, info in model.model_fields.items()
    )


@cache
def _linking(model: type[BaseModel]) -> tuple[FieldShape, ...]:
    """The fields of a model that hold foreign keys or nested models (the rest hold neither)."""
    return tuple(s for s in shapes(model) if s.ref or s.model is not None)


Reference = tuple[tuple[str | int, ...], str, str]
"""One foreign key in a record: (location, target resource, id)."""


def references(record: BaseModel, loc: tuple[str | int, ...] = ()) -> list[Reference]:
    """Every foreign key in a record: (location, target resource, id)."""
    found: list[Reference] = []
    for shape in _linking(type(record)):
        value = getattr(record, shape.name)
        if value is None:
            continue
        values = list(enumerate(value)) if shape.is_list else [(None, value)]
        for index, item in values:
            where = (*loc, shape.name) if index is None else (*loc, shape.name, index)
            if shape.ref:
                found.append((where, shape.ref, str(item)))
            elif shape.model is not None:
                found.extend(references(item, where))
    return found
