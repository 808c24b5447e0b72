"""Declared as tested: what the code imports is declared, and what CI installs is what is declared.

Reads pyproject.toml, constraints.txt and the source's import statements; needs no network.
"""

from __future__ import annotations

import ast
import importlib.metadata
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
OURS = {"summariser", "tests", "bench", "support"}  # support: tests/support.py, on the path


def _declared(*extras: str) -> dict[str, Requirement]:
    lines = list(PROJECT["dependencies"])
    for extra in extras:
        lines += PROJECT["optional-dependencies"][extra]
    return {canonicalize_name(Requirement(line).name): Requirement(line) for line in lines}


def _imported(folder: str) -> dict[str, str]:
    """Top-level third-party modules imported under `folder`, each with one file that does."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in OURS:
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def _undeclared(folder: str, *extras: str) -> list[str]:
    declared = _declared(*extras)
    providers = importlib.metadata.packages_distributions()
    missing = []
    for module, where in _imported(folder).items():
        names = {canonicalize_name(name) for name in providers.get(module, [module])}
        if not names & declared.keys():
            missing.append(f"{module} (imported in {where}; from {sorted(names)})")
    return missing


def test_the_package_imports_only_what_it_declares() -> None:
    # the extras that add imports: local (llama_cpp, numpy), ray (ray, numpy)
    assert _undeclared("summariser", "local", "ray") == []


def test_the_tests_import_only_what_they_declare() -> None:
    assert _undeclared("tests", "local", "test") == []


def test_every_declared_package_is_pinned_inside_its_range() -> None:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            (version,) = [spec.version for spec in requirement.specifier if spec.operator == "=="]
            pins[canonicalize_name(requirement.name)] = version
    outside = [
        f"{name} {pins.get(name)} not in {requirement.specifier or 'any'}"
        for name, requirement in _declared("local", "test", "ray").items()
        if name not in pins or not requirement.specifier.contains(pins[name], prereleases=True)
    ]
    assert outside == []


def test_the_python_ci_runs_is_the_one_declared() -> None:
    from packaging.specifiers import SpecifierSet

    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    declared = SpecifierSet(PROJECT["requires-python"])
    assert declared.contains(running)
    # the lowest release admitted is the one CI runs, so nothing older is promised untested
    assert not declared.contains(f"{sys.version_info.major}.{sys.version_info.minor - 1}")
