"""The package's stages import only downwards (what each package's docstring promises)."""

import ast

import pytest
from conftest import ROOT

PACKAGE = ROOT / "ivig_blina"
# higher may import lower; equal levels of different stages may not import each other
LEVELS = {"errors": 0, "stats": 1, "io": 2, "cohort": 3, "analyses": 4, "render": 5, "figures": 5, "cli": 6}
FACADE = 7  # ivig_blina/__init__.py, __main__.py and top-level modules (manuscript.py): the public API, over everything


def stage_of_module(path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0] if parts[0] in LEVELS else "<facade>"


def imported_stages(tree: ast.AST):
    """(line, stage) of every ivig_blina import; ``from ivig_blina import X`` counts X's stage."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [(a.name, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [(node.module, a.name) for a in node.names]
        else:
            continue
        for module, name in names:
            parts = module.split(".")
            if parts[0] != "ivig_blina":
                continue
            if len(parts) > 1:
                yield node.lineno, parts[1] if parts[1] in LEVELS else "<facade>"  # a top-level module
            elif name == "__version__":
                continue  # the root module holds only the version and lazy names
            else:
                yield node.lineno, name if name in LEVELS else "<facade>"


def modules():
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_only_go_down_the_stages(path):
    own = stage_of_module(path)
    level = LEVELS.get(own, FACADE)
    for line, stage in imported_stages(ast.parse(path.read_text(), str(path))):
        other = LEVELS.get(stage, FACADE)
        assert other < level or stage == own, f"{path.relative_to(ROOT)}:{line}: {own} imports {stage}"


def test_the_rule_catches_an_upward_import(tmp_path):
    tree = ast.parse("def f():\n    from ivig_blina.cli.options import Format\n")
    assert list(imported_stages(tree)) == [(2, "cli")]
    assert list(imported_stages(ast.parse("from ivig_blina.manuscript import report\n"))) == [(1, "<facade>")]


def test_every_stage_says_what_it_may_import():
    for stage in LEVELS:
        if stage == "errors":
            continue
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc and "May import" in doc, stage
