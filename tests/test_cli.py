"""The command line: reports, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wirediff.cli.main import main

from .conftest import AFP, PARAPHRASE, SEEDS


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wirediff.cli.main", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_report_of_the_seed_pair() -> None:
    result = run("report", str(AFP), str(PARAPHRASE), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == 1
    base, other = report["documents"]
    comparison = report["comparisons"][0]
    assert (comparison["base"], comparison["other"]) == (0, 1)
    flagged = {
        flag: [
            base["sentences"][i]["text"]
            for link in comparison["links"]
            for i in link["base"]
            if flag in link["flags"]
        ]
        for flag in ("quote_altered",)
    }
    assert any("win-win value proposition" in text for text in flagged["quote_altered"])
    omitted = [base["sentences"][i]["text"] for i in comparison["omitted"]]
    assert any(text.startswith('"It would be wonderful') for text in omitted)
    for document in report["documents"]:
        for sentence in document["sentences"]:
            assert document["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    base_seen = sorted(
        [i for link in comparison["links"] for i in link["base"]] + comparison["omitted"]
    )
    other_seen = sorted(
        [j for link in comparison["links"] for j in link["other"]] + comparison["added"]
    )
    assert base_seen == list(range(len(base["sentences"])))
    assert other_seen == list(range(len(other["sentences"])))
    assert report["matrix"][0][0] == 1.0


def test_txt_report_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    assert main(["report", str(SEEDS), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "quote altered" in text
    assert "Omitted from the other version" in text


def test_default_input_is_the_bundled_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["documents"]) == 5


def test_the_bundled_seeds_are_named_seeds_slash_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--format", "txt"]) == 0
    out = capsys.readouterr().out
    assert "seeds/000_5fd63220c0a3b547.txt" in out
    assert "site-packages" not in out and "/seeds/000_" not in out
    assert main(["report", "--format", "json", "--base", "seeds/001_d2c0166b2a2dd97c.txt"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["base"] == 1


def test_all_pairs_and_base_choice(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS), "--format", "json", "--all-pairs", "--base", "auto"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["comparisons"]) == 10
    assert report["base_is_guess"] is True
    assert main(["report", str(AFP), str(PARAPHRASE), "--format", "json", "--base", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["comparisons"][0]["base"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "missing.txt", str(AFP)], "missing.txt: no such file"),
        (["report", str(AFP)], "at least two"),
        (["report", str(AFP), str(PARAPHRASE), "--base", "7"], "--base 7"),
        (["report", str(AFP), str(PARAPHRASE), "--base", "nope.txt"], "nope.txt"),
    ],
)
def test_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_binary_and_empty_input(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path, word in ((binary, "binary"), (empty, "empty")):
        result = run("report", str(path), str(AFP))
        assert result.returncode == 2
        assert str(path) in result.stderr and word in result.stderr


def test_standard_input_is_a_version() -> None:
    result = run("report", "-", str(AFP), "--format", "json", stdin=PARAPHRASE.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["path"] == "-"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty file"), (b"\x89PNG\r\n\x1a\n" + bytes(200), "looks like a binary file")],
)
def test_bad_standard_input_is_named_as_such(data: bytes, message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wirediff.cli.main", "report", "-", str(AFP)],
        input=data,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.decode() == f"wirediff: standard input: {message}" + (
        ", not text\n" if data else "\n"
    )


def test_standard_input_twice_is_one_line() -> None:
    result = run("report", "-", "-", stdin=AFP.read_bytes())
    assert result.returncode == 2
    assert result.stderr == (
        "wirediff: standard input: given more than once (it can be read only once)\n"
    )


def test_standard_input_is_labelled_stdin() -> None:
    """Not "- 2025-02-06", which reads as a dash in column titles and "copied from" lines."""
    result = run("report", "-", str(PARAPHRASE), "--format", "json", stdin=AFP.read_bytes())
    assert result.returncode == 0, result.stderr
    first, second = json.loads(result.stdout)["documents"]
    assert first["label"] == "stdin 2025-02-06"
    assert second["label"] == "000"


def test_report_path_does_not_import_textual() -> None:
    code = (
        "import sys; from wirediff.cli.main import main; "
        f"main(['report', {str(AFP)!r}, {str(PARAPHRASE)!r}, '-o', '/dev/null']); "
        "print('textual' in sys.modules, 'wirediff.tui' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["False", "False"]


def test_help_everywhere() -> None:
    for args in (["--help"], ["report", "--help"]):
        result = run(*args)
        assert result.returncode == 0
        assert "usage: wirediff" in result.stdout


def test_output_does_not_depend_on_hash_randomisation() -> None:
    outputs = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "wirediff.cli.main",
                "report",
                str(SEEDS),
                "--format",
                "json",
                "--all-pairs",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_no_core_module_imports_textual_or_rich() -> None:
    code = (
        "import pkgutil, importlib, sys, wirediff.core as core; "
        "[importlib.import_module('wirediff.core.' + m.name) for m in pkgutil.iter_modules(core.__path__) if m.name != 'cli']; "
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", str(AFP), str(PARAPHRASE), "--bogus"], "unrecognized arguments: --bogus"),
        (["report", str(AFP), str(PARAPHRASE), "--format", "pdf"], "invalid choice: 'pdf'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["stories"], "the following arguments are required: PILE"),
        (["find", str(AFP)], "the following arguments are required: PILE"),
    ],
)
def test_usage_errors_are_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad option is one line saying what is wrong and where the options are, not argparse's
    usage block."""
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1, error
    assert message in error and "--help')" in error
    assert error.startswith("wirediff")


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("report.htm", "<!DOCTYPE html>"),
        ("report.HTML", "<!DOCTYPE html>"),
        ("report.markdown", "# wirediff report"),
        ("report", "wirediff "),
    ],
)
def test_output_extension_names_the_format(tmp_path: Path, name: str, start: str) -> None:
    out = tmp_path / name
    assert main(["report", str(AFP), str(PARAPHRASE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)


def test_an_unknown_output_extension_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o report.pdf`` does not write a text report under a PDF's name."""
    out = tmp_path / "report.pdf"
    assert main(["report", str(AFP), str(PARAPHRASE), "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert f"{out}: cannot tell the format from the extension '.pdf'" in error
    assert ".html" in error and "--format" in error
    assert not out.exists()
    assert main(["report", str(AFP), str(PARAPHRASE), "-o", str(out), "--format", "txt"]) == 0
    assert out.read_text(encoding="utf-8").startswith("wirediff ")


def test_base_given_as_another_spelling_of_the_path(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--base ./seeds/001_….txt`` names the version given as ``seeds/001_….txt``."""
    monkeypatch.chdir(SEEDS.parent)
    for spelling in ("./seeds/001_d2c0166b2a2dd97c.txt", "seeds//001_d2c0166b2a2dd97c.txt"):
        assert main(["report", "seeds", "--format", "json", "--base", spelling]) == 0
        assert json.loads(capsys.readouterr().out)["base"] == 1


def test_a_misspelt_command_is_named_as_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reprot", str(AFP), str(PARAPHRASE)]) == 2
    assert capsys.readouterr().err == (
        "wirediff: reprot: no such file or folder, nor a command (report, stories, find; "
        "see 'wirediff --help')\n"
    )


def test_txt_word_edits_read_as_written_and_wrap(capsys: pytest.CaptureFixture[str]) -> None:
    """Word edits were printed as Python reprs ('a' -> "b's", '\\u200b'), on unwrapped lines."""
    assert main(["report", str(PARAPHRASE), str(AFP), "--format", "txt"]) == 0
    out = capsys.readouterr().out
    assert '        "goal" -> "intention"\n' in out
    assert "        'goal'" not in out
    long_lines = [line for line in out.splitlines() if len(line) > 100]
    # only the headers stay on one line: a link's, and a comparison's counts (grep-able)
    assert [line for line in long_lines if not line.startswith(("  ~ ", "   similarity"))] == []
