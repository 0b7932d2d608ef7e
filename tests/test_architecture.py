"""House rules that are checked, not hoped for: which app may depend on which, and how long a
module may grow.

The app graph is one-way: ``commons_site`` → ``resources`` → {``contributors``, ``search``}.
``search`` knows nothing of resources and ``contributors`` nothing of resources or search. An
edge is any way one app depends on another: an import (lazy ones inside functions too), a
migration's dependency, or a model named in a string ("resources.Condition").

There are none: any backward edge fails, naming the file. (Templates are not read: a template
that only another app's views render belongs to that app.)
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("commons_site", "resources", "contributors", "search")
LABELS = {"commons_site": "commons_site", "resources": "resources", "contributors": "contributors",
          "commons_search": "search"}  # app label -> package
MAY_DEPEND_ON = {
    "commons_site": {"resources", "contributors", "search"},
    "resources": {"contributors", "search"},
    "contributors": set(),
    "search": set(),
}
MAX_MODULE_LINES = 800
MODEL_STRING = re.compile(r"""["'](resources|contributors|commons_search)\.[A-Za-z_]+["']""")


def _imported_apps(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        yield from (name.split(".")[0] for name in names)


def _migration_dependencies(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "dependencies" for t in node.targets):
            for element in getattr(node.value, "elts", []):
                if isinstance(element, ast.Tuple) and isinstance(element.elts[0], ast.Constant):
                    yield LABELS.get(element.elts[0].value, element.elts[0].value)


def dependencies_of(source):
    """The project's apps a module's source depends on, whatever the way."""
    tree = ast.parse(source)
    depends_on = set(_imported_apps(tree)) | set(_migration_dependencies(tree))
    depends_on |= {LABELS[label] for label in MODEL_STRING.findall(source)}
    return depends_on & set(APPS)


def app_edges():
    """``{(file, app it depends on)}`` for every dependency between the project's apps."""
    edges = set()
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            for other in dependencies_of(path.read_text()) - {app}:
                edges.add((str(path.relative_to(ROOT)), other))
    return edges


def backward_edges():
    return {(path, other) for path, other in app_edges() if other not in MAY_DEPEND_ON[path.split("/")[0]]}


def test_no_new_dependency_points_the_wrong_way():
    backward = sorted(backward_edges())
    assert not backward, (
        "These files make an app depend on one it may not (docs/architecture.md): "
        + "; ".join(f"{path} -> {other}" for path, other in backward)
    )


def test_the_check_sees_every_kind_of_edge():
    lazy_import = "def f():\n    from resources.models import ResourcePage\n"
    migration = "dependencies = [('commons_search', '0001_initial'), ('contributors', '0001_initial')]\n"
    model_string = "conditions = models.ManyToManyField('resources.Condition')\n"
    assert dependencies_of(lazy_import) == {"resources"}
    assert dependencies_of(migration) == {"search", "contributors"}
    assert dependencies_of(model_string) == {"resources"}
    assert dependencies_of("from .models import Page\nimport django\n") == set()


def test_no_module_of_code_is_over_800_lines():
    too_long = []
    for folder in (*APPS, "bench", "tests", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = path.read_text().count("\n")
            if lines > MAX_MODULE_LINES:
                too_long.append(f"{path.relative_to(ROOT)} ({lines} lines)")
    assert not too_long, f"Split these by concept: {too_long}"
