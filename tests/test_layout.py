"""The house's rules, checked on the code itself: arrows run one way between the parts, no
module imports itself round in a circle, only config.py reads the environment, and every
folder of the package ships."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.support import ROOT

PACKAGE = ROOT / "summariser"
# Each part may import only parts of a lower rank (and itself): the pipeline reads top down,
# cli → evaluation, stories → batch → client → stages → pipeline/providers → prompting →
# briefing, nlp.
RANKS = {
    "cli": 9,
    "evaluation": 8,
    "stories": 8,  # the store and stories read batch records
    "batch": 7,
    "client": 6,
    "stages": 5,
    "pipeline": 4,
    "providers": 4,
    "prompting": 3,
    "sources": 3,
    "briefing": 2,
    "nlp": 2,
    "config": 1,
    "sqlite_store": 1,
    "text": 1,
    "errors": 0,
    "redaction": 0,  # secrets out of messages: needs nothing, so config may use it too
    "testing": 0,
}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path) -> set[str]:
    """The package's modules that `name` imports anywhere in its body (lazy ones too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            targets |= {base, *(f"{base}.{alias.name}" for alias in node.names)}
        elif isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names}
    return targets


def graph() -> dict[str, set[str]]:
    found = modules()
    faces = {name for name, path in found.items() if path.name == "__init__.py"}
    return {
        name: {t for t in imports(name, path) if t in found and t not in faces and t != name}
        for name, path in found.items()
        if name not in faces and not name.endswith("__main__")
    }


def part(module: str) -> str:
    return module.split(".")[1]


def test_every_part_has_a_rank() -> None:
    assert {part(m) for m in graph()} == set(RANKS)


def test_arrows_run_one_way_between_the_parts() -> None:
    upward = [
        f"{source} -> {target}"
        for source, targets in graph().items()
        for target in targets
        if part(source) != part(target) and RANKS[part(source)] <= RANKS[part(target)]
    ]
    assert upward == []


def test_no_module_imports_itself_round_a_circle() -> None:
    edges, cycles = graph(), []

    def visit(module: str, trail: list[str]) -> None:
        for target in sorted(edges[module]):
            if target in trail:
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in done:
                visit(target, [*trail, target])
        done.add(module)

    done: set[str] = set()
    for module in sorted(edges):
        if module not in done:
            visit(module, [module])
    assert cycles == []


ENVIRONMENT = re.compile(r"\bos\.environ\b|\bgetenv\b|\benviron\.get\b|from os import .*environ")


def test_only_the_config_module_reads_the_environment() -> None:
    readers = [
        str(path.relative_to(ROOT))
        for name, path in modules().items()
        if name != "summariser.config" and ENVIRONMENT.search(path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_every_folder_of_the_package_ships() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = set(config["tool"]["setuptools"]["packages"])
    folders = {name for name, path in modules().items() if path.name == "__init__.py"}
    assert folders <= shipped, folders - shipped


_WORD = re.compile(r"[a-z][a-z'’-]*(?: [a-z][a-z'’-]*)*")
_ALTERNATION = re.compile(r"(?:[a-z][a-z ]*\|){3,}[a-z][a-z ]*")
# The key format's reference scorer's words: the format's definition, not ours to change.
_NOT_OURS = {"summariser.evaluation.keys"}


def word_lists() -> dict[str, set[str]]:
    """Every literal list of words in the package, by where it stands: a string split into
    words, a collection of word strings, a regex alternation of words."""
    found: dict[str, set[str]] = {}
    for name, path in modules().items():
        if name in _NOT_OURS:
            continue
        literal_types: set[int] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            words: set[str] = set()
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                target = node.func.value
                if node.func.attr == "split" and isinstance(target, ast.Constant):
                    words = set(str(target.value).split())
            elif isinstance(node, ast.Subscript):
                literal_types.add(id(node.slice))  # Literal["person", ...]: a type, not words
            elif isinstance(node, ast.Set | ast.List | ast.Tuple) and id(node) not in literal_types:
                items = [e.value for e in node.elts if isinstance(e, ast.Constant)]
                if len(items) == len(node.elts) and all(
                    isinstance(i, str) and _WORD.fullmatch(i) for i in items
                ):
                    words = set(items)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                for run in _ALTERNATION.findall(node.value):
                    words |= set(run.split("|"))
            if len(words) >= 4:
                found[f"{name}:{node.lineno}"] = words
    return found


def test_no_word_list_is_defined_twice() -> None:
    """Words live in one place (nlp/lexicon/, one module per language): two lists in two
    modules that share most of their words are one list written twice, and drift apart. (In
    one module, lists stand side by side, each named for the rule it serves.)"""
    lists = sorted(word_lists().items())
    twice = [
        f"{a} ~ {b}: {sorted(shared)[:6]}"
        for i, (a, left) in enumerate(lists)
        for b, right in lists[i + 1 :]
        if a.split(":")[0] != b.split(":")[0]
        and len(shared := left & right) >= 3
        and len(shared) * 2 >= min(len(left), len(right))
    ]
    assert twice == []
