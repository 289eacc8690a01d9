"""The public API: the README's example runs, and scores do not depend on the other documents."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import wirediff
from wirediff.core import Document

ROOT = Path(__file__).resolve().parent.parent


def readme_example() -> str:
    """The first ``python`` block under the README's "Python API" heading."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") :]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the README's Python API section has no python block"
    return match.group(1)


def test_the_readme_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(readme_example(), "README.md", "exec"), {"__name__": "readme"})
    printed = out.getvalue()
    assert "similar" in printed
    assert "looks like the original" in printed


def test_a_pair_scores_the_same_alone_and_among_five(
    seed_documents: dict[str, Document],
) -> None:
    documents = list(seed_documents.values())
    assert len(documents) == 5
    weights = wirediff.TermWeights.fit(documents)
    among = wirediff.compare(documents, weights=weights)
    for other in range(1, len(documents)):
        alone = wirediff.compare([documents[0], documents[other]], weights=weights)
        together = among.comparison(0, other)
        assert together is not None
        single = alone.comparisons[0]
        assert single.links == together.links  # same groups, kinds, scores, flags and edits
        assert (single.similarity, single.base_reused, single.other_reused) == (
            together.similarity,
            together.base_reused,
            together.other_reused,
        )
        assert (single.omitted, single.added) == (together.omitted, together.added)


def test_python_dash_m_wirediff_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "wirediff", "report", "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("\ufeffcomparison,entry,")


def _package_folders() -> set[str]:
    """The top-level folders pyproject maps to wirediff's packages (the layers, wirediff/, ...)."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        folders = tomllib.load(handle)["tool"]["setuptools"]["package-dir"].values()
    return {folder.split("/")[0] for folder in folders}


def _lint_copy(tmp_path: Path, breach: str | None) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on a copy of the package, ``breach`` appended to core/collation.py."""
    for name in _package_folders():
        shutil.copytree(ROOT / name, tmp_path / name, symlinks=True)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    if breach is not None:
        with (tmp_path / "core" / "collation.py").open("a", encoding="utf-8") as handle:
            handle.write(f"\n{breach}\n")
    lint = shutil.which("lint-imports")
    assert lint is not None
    return subprocess.run(
        [lint, "--no-cache"],  # reads the copy's pyproject.toml in the working directory
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": str(Path(sys.executable).parent)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.parametrize(
    "breach",
    [
        "import wirediff.reports.json_report  # noqa",
        "from wirediff.present import legend  # noqa",
    ],
)
def test_a_lower_layer_importing_a_higher_one_fails_lint_imports(
    tmp_path: Path, breach: str
) -> None:
    done = _lint_copy(tmp_path, breach)
    assert done.returncode != 0
    assert "BROKEN" in done.stdout
    assert "wirediff.core.collation" in done.stdout


def test_the_layers_are_kept_in_a_clean_copy(tmp_path: Path) -> None:
    done = _lint_copy(tmp_path, None)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "BROKEN" not in done.stdout


def test_a_report_imports_only_what_it_needs(tmp_path: Path) -> None:
    """No Textual or Rich for a report; no nltk when no sentence needs Punkt to split it."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Rain fell on Monday in Paris.\n", encoding="utf-8")
    second.write_text("Rain fell on Tuesday in Lyon.\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from wirediff.cli.main import main\n"
        f"assert main(['report', {str(first)!r}, {str(second)!r}, '-o', '-']) == 0\n"
        "heavy = {'nltk', 'textual', 'rich', 'jinja2'}\n"
        "print('LOADED', sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout
