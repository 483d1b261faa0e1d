"""The import graph has one direction (issue 11): each package imports only from the layers below
it, never from a sibling of its own layer, and no two modules import each other in a cycle.

    __main__ → cli                the command line, above everything it calls
    app → selftest                the composition root of the window (Qt), and its self-test
    ui                            views and controllers
    bootstrap, demo               builds the Qt-free services from settings
    services | web                casework, visits, supervisor, printing | the resident's page builder
    settings                      the typed settings (knows the log's column sizes)
    qr | pdf | store | card       codes, PDFs, the visit log, the My Number card — none imports another
    keys, instance, logsafe, resources   small infrastructure
    domain                        pure Python (tests/domain/test_purity.py)
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "kakanai"
LAYERS = [
    {"domain"},
    {"keys", "instance", "logsafe", "resources"},
    {"qr", "pdf", "store", "card"},
    {"settings"},
    {"services", "web"},
    {"bootstrap", "demo"},
    {"ui"},
    {"selftest"},
    {"app"},
    {"cli"},
    {"__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {name for name in found if name.split(".")[0] == "kakanai"}


def _modules(extra: dict[str, str] | None = None) -> dict[str, set[str]]:
    """Each module of the package and the modules it imports (``extra``: more modules, as source)."""
    sources = {_module(p): p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    sources.update(extra or {})
    graph: dict[str, set[str]] = {}
    for name, source in sources.items():
        graph[name] = {m for m in (_longest(i, sources) for i in _imports(source)) if m and m != name}
    return graph


def _longest(name: str, modules: dict[str, str]) -> str:
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name


def _top(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_every_package_has_a_layer() -> None:
    assert {_top(m) for m in _modules() if m != "kakanai"} <= set(RANK)


def test_imports_go_only_to_lower_layers() -> None:
    assert _wrong_arrows() == []


def _wrong_arrows(extra: dict[str, str] | None = None) -> list[str]:
    return sorted(f"{a} → {b}" for a, targets in _modules(extra).items() for b in targets
                  if a != "kakanai" and b != "kakanai" and _top(a) != _top(b) and RANK[_top(b)] >= RANK[_top(a)])


def test_no_module_cycle() -> None:
    assert _cycles(_modules()) == []


def test_the_cycle_check_catches_a_cycle() -> None:
    probe = {"kakanai.domain._a": "from kakanai.domain import _b\n", "kakanai.domain._b": "import kakanai.domain._a\n"}
    assert ["kakanai.domain._a", "kakanai.domain._b", "kakanai.domain._a"] in _cycles(_modules(probe))


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = defaultdict(int)  # 0 new, 1 on the path, 2 done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state[target] == 1:
                cycles.append(path[path.index(target):] + [target])
            elif state[target] == 0:
                visit(target, path + [target])
        state[node] = 2

    for start in sorted(graph):
        if state[start] == 0:
            visit(start, [start])
    return cycles


def test_the_layer_check_catches_an_upward_import() -> None:
    """The check itself can fail: a domain module importing the window is a wrong arrow."""
    probe = {"kakanai.domain._probe": "from kakanai.ui import main_window\n"}
    assert "kakanai.domain._probe → kakanai.ui.main_window" in _wrong_arrows(probe)
