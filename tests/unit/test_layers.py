"""Imports point one way (docs/ARCHITECTURE.md, "Layers"): the core never imports Qt or the
widgets, each part of ui/ imports only the parts below it, and no module imports itself in a circle.

An AST scan of every import statement, function-level (lazy) imports included.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "backcompanion"

# folder -> packages it must never import
FORBIDDEN = {
    "program": (
        "PySide6",
        "backcompanion.session",
        "backcompanion.history",
        "backcompanion.report",
        "backcompanion.ui",
        "backcompanion.app",
        "backcompanion.cli",
    ),
    "session": (
        "PySide6",
        "backcompanion.history",
        "backcompanion.report",
        "backcompanion.ui",
        "backcompanion.app",
        "backcompanion.cli",
    ),
    "history": (
        "PySide6",
        "backcompanion.report",
        "backcompanion.ui",
        "backcompanion.app",
        "backcompanion.cli",
    ),
    "figure": (
        "PySide6",
        "backcompanion.session",
        "backcompanion.history",
        "backcompanion.report",
        "backcompanion.ui",
        "backcompanion.app",
        "backcompanion.cli",
    ),
    "report": ("backcompanion.ui", "backcompanion.app", "backcompanion.cli"),
    "ui": ("backcompanion.app", "backcompanion.cli"),
}
# the few files allowed a Qt import inside a core folder, and why
ALLOWED_QT = {
    "history/paths.py",  # QStandardPaths for the default data folder, imported lazily
    # the PDF is drawn with QPdfWriter; the numbers in summary.py (and pdf/words.py) stay Qt-free
    "report/pdf/__init__.py",
    "report/pdf/chart.py",
    "report/pdf/document.py",
    "report/pdf/glance.py",
    "report/pdf/sections.py",
    "report/pdf/style.py",
    "report/pdf/tables.py",
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _files(folder: str) -> list[Path]:
    return sorted((PKG / folder).rglob("*.py"))


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_folder_respects_its_import_direction(folder):
    problems = []
    for path in _files(folder):
        rel = path.relative_to(PKG).as_posix()
        for line, module in _imports(path):
            for bad in FORBIDDEN[folder]:
                if module == bad or module.startswith(bad + "."):
                    if bad == "PySide6" and rel in ALLOWED_QT:
                        continue
                    problems.append(f"{rel}:{line} imports {module}")
    assert not problems, "\n".join(problems)


def test_the_scan_sees_lazy_imports(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from PySide6.QtCore import QTimer\n")
    assert _imports(probe) == [(2, "PySide6.QtCore")]


# ---------------------------------------------------------------- inside ui/
# docs/ARCHITECTURE.md, "Layers": each part of ui/ and the parts it may import.
# The floor is ui/theme.py, ui/language.py and ui/settings_model.py.
UI_MAY_IMPORT = {
    "floor": set(),
    "widgets": {"floor"},
    "services": {"floor"},
    "home": {"floor", "widgets"},
    "session_screens": {"floor", "widgets"},
    "progress": {"floor", "widgets"},
    "dialogs": {"floor", "widgets", "services"},
    "window": {"floor", "widgets", "services", "home", "session_screens", "progress", "dialogs"},
    "devtools": {
        "floor",
        *("widgets", "services", "home", "session_screens", "progress", "dialogs", "window"),
    },
}
FLOOR = {"theme", "language", "settings_model"}


def _ui_part(module: str) -> str | None:
    """The part of ui/ a dotted module belongs to; None outside ui/."""
    parts = module.split(".")
    if parts[:2] != ["backcompanion", "ui"]:
        return None
    if len(parts) == 2 or parts[2] in FLOOR:
        return "floor"
    return parts[2]


def _ui_imports(path: Path) -> list[tuple[int, str]]:
    """Imports of ui modules, ``from backcompanion.ui import language`` as the module itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "backcompanion.ui":
                found += [(node.lineno, f"backcompanion.ui.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
    return [(line, m) for line, m in found if _ui_part(m)]


def test_ui_has_only_the_known_parts_and_a_small_floor():
    ui = PKG / "ui"
    parts = {p.name for p in ui.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert parts == set(UI_MAY_IMPORT) - {"floor"}
    top = {p.stem for p in ui.glob("*.py")} - {"__init__"}
    assert top == FLOOR, "a new module at the top of ui/ belongs in one of its parts"


@pytest.mark.parametrize("part", sorted(UI_MAY_IMPORT))
def test_ui_part_imports_only_what_its_layer_allows(part):
    files = (
        [PKG / "ui" / f"{name}.py" for name in sorted(FLOOR)] + [PKG / "ui" / "__init__.py"]
        if part == "floor"
        else sorted((PKG / "ui" / part).rglob("*.py"))
    )
    problems = []
    for path in files:
        for line, module in _ui_imports(path):
            other = _ui_part(module)
            if other != part and other not in UI_MAY_IMPORT[part]:
                rel = path.relative_to(PKG).as_posix()
                problems.append(f"{rel}:{line} imports {module} ({other})")
    assert not problems, "\n".join(problems)


def test_ui_part_scan_catches_a_peer_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from backcompanion.ui.home.carousel import X\nfrom backcompanion.ui import language\n"
    )
    assert [_ui_part(m) for _, m in _ui_imports(probe)] == ["home", "floor"]


# ---------------------------------------------------------------- no circles


def _module_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (lazy imports too; TYPE_CHECKING blocks not).

    ``from pkg import sub`` is an edge to ``pkg.sub`` only: importing a package's
    submodule runs the package's ``__init__`` first, which is not a circle.
    """
    modules = {}
    for path in PKG.rglob("*.py"):
        parts = ("backcompanion", *path.relative_to(PKG).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, path in modules.items():
        edges = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        todo = [tree]
        while todo:
            node = todo.pop()
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                    continue
                if isinstance(child, ast.Import):
                    edges |= {owner(a.name) for a in child.names}
                elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                    for a in child.names:
                        full = f"{child.module}.{a.name}"
                        edges.add(full if full in modules else owner(child.module))
                todo.append(child)
        graph[name] = {e for e in edges if e and e != name}
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_import_circle_in_the_package():
    assert _circles(_module_graph()) == []


def test_the_circle_finder_finds_one():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# ---------------------------------------------------------------- room sizes
MAX_CLASS_LINES = 400
MAX_MODULE_LINES = 700
REASON = "# long module:"  # a module may be longer when its first lines say why


def test_no_room_is_too_big():
    """No class over 400 lines; no module over 700 unless a line at its top gives the reason
    (``# long module: ...`` within its first five lines): split a room by its jobs instead."""
    problems = []
    for path in sorted(PKG.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = path.relative_to(PKG).as_posix()
        lines = text.count("\n") + 1
        if lines > MAX_MODULE_LINES and not any(
            line.startswith(REASON) and len(line) > len(REASON) + 3
            for line in text.splitlines()[:5]
        ):
            problems.append(f"{rel}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_CLASS_LINES:
                    problems.append(f"{rel}: class {node.name} has {size} lines")
    assert not problems, "\n".join(problems)
