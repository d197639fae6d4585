"""After-care templates: read from resources/aftercare (or an owner's edited copy) and filled in safely."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from dermadesk.documents.formatting import format_date, normalise_language
from dermadesk.domain.printables import AftercareAdvice, ClinicLetterhead
from dermadesk.system.resources import resource

PLACEHOLDERS = (
    "patient",
    "treatment",
    "date",
    "practitioner",
    "clinic",
    "clinic_phone",
    "emergency_phone",
    "follow_up_date",
)
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_CODE = re.compile(r"[a-z0-9_]{1,64}")  # a template code is a file name: never a path
_LIST_FIELDS = ("first_48h", "first_week", "warning_signs", "emergency", "products")


class TemplateError(ValueError):
    """A template is missing or malformed; the message names the template and the field."""


def template_codes() -> tuple[str, ...]:
    """The codes of the bundled default templates (their English files)."""
    return tuple(sorted(path.stem for path in resource("aftercare").glob("*.json") if "." not in path.stem))


def template_languages(code: str) -> tuple[str, ...]:
    """The languages a bundled template exists in, English first."""
    found = [lang for lang in ("en", "zh_CN") if _path(code, lang).is_file()]
    return tuple(found)


def load_template(code: str, language: str = "en") -> AftercareAdvice:
    """The bundled template in the language, falling back to English when there is no translation."""
    if not _CODE.fullmatch(code):
        raise TemplateError(f"not a template code: {code!r}")
    for lang in dict.fromkeys((normalise_language(language), "en")):
        if _path(code, lang).is_file():
            return _read(code, lang)
    raise TemplateError(f"no after-care template {code!r}")


@functools.cache
def _read(code: str, language: str) -> AftercareAdvice:
    return parse_template(_path(code, language).read_text(encoding="utf-8"), name=f"{code} ({language})")


def template_source(code: str, language: str = "en") -> str:
    """The bundled template's JSON text (English where the language has none): what an owner starts editing."""
    path = _path(code, language)
    return (path if path.exists() else _path(code, "en")).read_text(encoding="utf-8")


def _path(code: str, language: str) -> Path:
    return resource("aftercare", f"{code}.json" if language == "en" else f"{code}.{language}.json")


def parse_template(text: str, name: str = "template") -> AftercareAdvice:
    """A template from its JSON text (a bundled file or the edited copy an owner keeps in the database)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TemplateError(f"{name}: not valid JSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise TemplateError(f"{name}: expected an object")
    first_24h = data.get("first_24h", {})
    if not isinstance(first_24h, dict):
        raise TemplateError(f"{name}: first_24h must hold 'do' and 'avoid' lists")
    return AftercareAdvice(
        title=_text(data, "title", name, required=True),
        intro=_text(data, "intro", name),
        first_24h_do=_lines(first_24h, "do", name),
        first_24h_avoid=_lines(first_24h, "avoid", name),
        **{field: _lines(data, field, name) for field in _LIST_FIELDS},
        follow_up=_text(data, "follow_up", name),
    )


def _text(data: Mapping[str, Any], key: str, name: str, required: bool = False) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise TemplateError(f"{name}: {key} must be {'non-empty ' if required else ''}text")
    return value


def _lines(data: Mapping[str, Any], key: str, name: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(line, str) for line in value):
        raise TemplateError(f"{name}: {key} must be a list of text lines")
    return tuple(value)


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace {name} with its value in one pass; unknown names stay visible, values are never re-read."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def fill_template(advice: AftercareAdvice, values: Mapping[str, str]) -> AftercareAdvice:
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(advice):
        current = getattr(advice, field.name)
        if isinstance(current, str):
            changes[field.name] = fill(current, values)
        else:
            changes[field.name] = tuple(fill(line, values) for line in current)
    return dataclasses.replace(advice, **changes)


def placeholder_values(
    *,
    patient: str,
    treatment: str,
    visit_date: date,
    practitioner: str,
    clinic: ClinicLetterhead,
    follow_up_on: date | None,
    language: str = "en",
) -> dict[str, str]:
    """What each placeholder stands for, with dates written for the language."""
    return {
        "patient": patient,
        "treatment": treatment,
        "date": format_date(visit_date, language),
        "practitioner": practitioner,
        "clinic": clinic.name,
        "clinic_phone": clinic.phone or clinic.urgent_phone,
        "emergency_phone": clinic.urgent_phone,
        "follow_up_date": format_date(follow_up_on, language) if follow_up_on else "",
    }


def resolve_advice(
    advice: AftercareAdvice,
    *,
    patient: str,
    treatment: str,
    visit_date: date,
    practitioner: str,
    clinic: ClinicLetterhead,
    follow_up_on: date | None,
    language: str = "en",
) -> AftercareAdvice:
    """A template filled in for one treatment; without a follow-up date its follow-up sentence is dropped."""
    values = placeholder_values(
        patient=patient,
        treatment=treatment,
        visit_date=visit_date,
        practitioner=practitioner,
        clinic=clinic,
        follow_up_on=follow_up_on,
        language=language,
    )
    filled = fill_template(advice, values)
    return filled if follow_up_on else dataclasses.replace(filled, follow_up="")
