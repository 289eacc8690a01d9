"""The README's examples agree with what the command prints."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from wirediff.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

_FIELD = re.compile(
    r'"(?P<key>\w+)": (?P<value>"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null|\[[^\[\]{}]*\])'
)


def _json_sample() -> tuple[str, str]:
    """The command the JSON sample says it comes from, and the sample."""
    section = README[README.index("## JSON report") :]
    command = re.search(r"this is\n?`(wirediff report [^`]+)`", section)
    block = re.search(r"```json\n(.*?)```", section, re.DOTALL)
    assert command is not None and block is not None
    return " ".join(command.group(1).split()), block.group(1)


def _fields(value: object, key: str = "") -> Iterator[tuple[str, object]]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _fields(item, name)
    elif isinstance(value, list) and not all(
        isinstance(item, str | int | float | bool) or item is None for item in value
    ):
        for item in value:
            yield from _fields(item, key)
    else:
        yield key, value


def test_the_json_sample_is_what_the_command_writes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every field the sample shows in full (no "…", no <placeholder>) is in the real report."""
    command, sample = _json_sample()
    monkeypatch.chdir(ROOT)
    assert main(command.split()[1:]) == 0
    real = {(key, json.dumps(value)) for key, value in _fields(json.loads(capsys.readouterr().out))}
    shown = [
        (found["key"], json.dumps(json.loads(found["value"])))
        for found in _FIELD.finditer(sample)
        if "…" not in found["value"] and not found["value"].startswith('"<')
    ]
    assert len(shown) > 40
    assert [field for field in shown if field not in real] == []
