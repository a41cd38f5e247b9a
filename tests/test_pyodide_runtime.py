"""Adapting Pyodide's pyodide.asm.mjs for a classic worker: it works on the pinned release, and a
release that changes what the adaptation relies on stops the build with a message that names the
file, the step and what to check."""

import pytest

import build
from tools.programs import BuildError
from tools.pyodide_runtime import classic_runtime_script


@pytest.fixture(scope="module")
def pyodide_asm_mjs() -> str:
    """The real pyodide.asm.mjs of the pinned Pyodide release."""
    build.npm_packages()
    return (build.PYODIDE / "pyodide.asm.mjs").read_text()


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
