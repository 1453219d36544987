"""The package's house rules: stage packages, nothing else at the top, no import circle.

Every module imports alone (in a fresh set of ``clusterwatch`` modules, so no import order can
hide a circle), and the imports written anywhere in a module — at the top or inside a function —
make a graph without a cycle, between modules and between the stage packages.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import clusterwatch

PACKAGE = Path(clusterwatch.__file__).parent
TOP = {"__init__.py", "__main__.py", "config.py", "paths.py", "text.py"}
# public import paths kept from before the stage packages, one re-export line each
RE_EXPORTS = {"settings.py", "spiders_base.py"}
# the stages as the README's map draws them, top-down
LAYERS = [
    "cli",
    "schedule",
    "serve",
    "digest",
    "demo",
    "distributed",
    "crawl",
    "archive",
    "extract",
    "alerts",
    "search",
    "zoo",
]
BASE = ["config", "paths", "text"]
# the configuration checks topic rules with the rule language it configures
ALLOWED = {("clusterwatch.config", "clusterwatch.alerts")}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports, wherever in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = ".".join(base[: len(base) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {target for target in found if target in known and target != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, set(known)) for name, path in known.items()}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as the list of its nodes (first repeated last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def stage(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:2])


def test_the_top_holds_the_five_modules_and_one_line_re_exports():
    top = {p.name for p in PACKAGE.glob("*.py")}
    assert top == TOP | RE_EXPORTS
    for name in RE_EXPORTS:
        lines = (PACKAGE / name).read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and lines[0].startswith("from clusterwatch."), name
    stages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    for name in stages:
        doc = ast.get_docstring(ast.parse((PACKAGE / name / "__init__.py").read_text()))
        assert doc and "TODO" not in doc, f"{name}/__init__.py says what the stage takes and gives"


def test_the_public_import_paths_of_before_still_import():
    """What spiders of one's own and ``scrapy.cfg`` name: the same objects as in their stage."""
    from clusterwatch import extract, settings, spiders_base
    from clusterwatch.crawl import settings as crawl_settings
    from clusterwatch.crawl import spiders
    from clusterwatch.extract import article

    assert spiders_base.ClusterwatchSpider is spiders.ClusterwatchSpider
    assert extract.SiteRules is article.SiteRules
    names = {name for name in dir(crawl_settings) if name.isupper()}
    assert {name for name in dir(settings) if name.isupper()} == names
    assert "ITEM_PIPELINES" in names and settings.SPIDER_MODULES == crawl_settings.SPIDER_MODULES


def test_no_import_circle_between_modules():
    edges = graph()
    assert sum(len(targets) for targets in edges.values()) > 150  # the walk reads the imports
    assert cycle(edges) is None, " -> ".join(cycle(edges) or [])


def test_each_stage_imports_only_the_stages_below_it():
    """The README's map, top-down: a package imports only those on lines below its own."""
    rank = {f"clusterwatch.{name}": i for i, name in enumerate(LAYERS)}
    rank.update({f"clusterwatch.{name}": len(LAYERS) for name in BASE})
    entry_points = {"clusterwatch", "clusterwatch.__main__"}
    entry_points |= {f"clusterwatch.{name[:-3]}" for name in RE_EXPORTS}
    assert {stage(name) for name in graph()} - entry_points == set(rank)
    upward = [
        f"{name} -> {target}"
        for name, targets in graph().items()
        for target in targets
        if stage(name) in rank
        and stage(target) in rank
        and stage(target) != stage(name)
        and rank[stage(target)] <= rank[stage(name)]
        and not rank[stage(name)] == rank[stage(target)] == len(LAYERS)  # config, paths, text
        and (stage(name), stage(target)) not in ALLOWED
    ]
    assert upward == []
    # the one exception above makes no circle either
    edges: dict[str, set[str]] = {}
    for name, targets in graph().items():
        edges.setdefault(stage(name), set()).update(
            stage(t) for t in targets if stage(t) != stage(name)
        )
    assert cycle(edges) is None, " -> ".join(cycle(edges) or [])


def test_every_module_imports_alone():
    script = (
        "import importlib, sys\n"
        "failed = []\n"
        "for name in sys.argv[1:]:\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] in ('clusterwatch', 'spiders')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as exc:\n"
        "        failed.append(f'{name}: {exc!r}')\n"
        "print('\\n'.join(failed))\n"
    )
    names = [n for n in modules() if n != "clusterwatch.__main__"] + ["spiders"]
    result = subprocess.run(
        [sys.executable, "-c", script, *names], capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "", result.stdout
