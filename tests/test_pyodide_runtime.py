"""Adapting Pyodide's pyodide.asm.mjs for a classic worker: it works on the pinned release, and a
release that changes what the adaptation relies on stops the build with a message that names the
file, the step and what to check. A Python error under Node shows its traceback, then one line."""

import pytest

import build
from tools.programs import BuildError
from tools.pyodide_runtime import PyodideUnderNode, classic_runtime_script


@pytest.fixture(scope="module")
def pyodide_folder():
    """node_modules/pyodide: the pinned Pyodide release."""
    build.npm_packages()
    return build.PYODIDE


@pytest.fixture(scope="module")
def pyodide_asm_mjs(pyodide_folder) -> str:
    """The real pyodide.asm.mjs of the pinned Pyodide release."""
    return (pyodide_folder / "pyodide.asm.mjs").read_text()


def test_the_pinned_release_becomes_a_classic_script(pyodide_asm_mjs):
    script = classic_runtime_script(pyodide_asm_mjs)
    assert "import.meta" not in script
    assert script.rstrip().endswith("globalThis.createPyodideModule = _createPyodideModule;")


@pytest.mark.parametrize("change, complaint", [
    (lambda source: source.replace("var _scriptName=import.meta.url", "var _scriptName=document.baseURI"),
     "it has 2 × 'import.meta.url' where 3 were expected"),
    (lambda source: source.replace("export default _createPyodideModule;",
                                   "export { _createPyodideModule as default };"),
     "it has 0 × 'export default _createPyodideModule;' where 1 were expected"),
    # Module syntax the adaptation does not know of: only parsing shows it.
    (lambda source: source.replace("var _scriptName=import.meta.url",
                                   "var _scriptName=import.meta.url;var _folder=import.meta.dirname"),
     "node failed with exit code 1"),
    (lambda source: 'import "./pyodide.extra.mjs";\n' + source, "node failed with exit code 1"),
])
def test_a_release_that_changes_the_module_syntax_stops_the_build(pyodide_asm_mjs, change, complaint):
    changed = change(pyodide_asm_mjs)
    assert changed != pyodide_asm_mjs, "the test's change no longer applies to the pinned release"
    with pytest.raises(BuildError) as caught:
        classic_runtime_script(changed)
    message = str(caught.value)
    assert message.startswith("adapting pyodide.asm.mjs for a classic worker (build step python_runtime")
    assert complaint in message
    assert "Upgrading Pyodide" in message and "\n" not in message


def test_a_python_error_under_node_shows_its_traceback_then_one_line(pyodide_folder, capfd):
    broken = PyodideUnderNode(pyodide_folder, {f"{build.PYTHON_HOME}/page_api/__init__.py":
                                               'raise ValueError("broken lesson")'})
    with pytest.raises(BuildError, match=r"^running startup.py in Pyodide under Node: node failed with exit code 1"):
        broken.run("startup.py")
    stderr = capfd.readouterr().err
    assert stderr.rstrip().endswith("ValueError: broken lesson")
    assert len(stderr) < 10_000, "Node printed more than the traceback"
