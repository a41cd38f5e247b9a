// Starts Pyodide under Node and runs Python programs in it, for the build (tools/pyodide_runtime.py).
//
// The request is JSON on stdin:
//   pyodide   file URL of node_modules/pyodide/pyodide.mjs
//   stdlib    path of the standard library zip Python starts with
//   python    {path in Pyodide's file system: source}: the lessons, written in before the start
//   programs  paths of Python files, run in turn in the one interpreter
//   argv      sys.argv[1:] for them (sys.argv is left alone when empty)
//   inputs    {path in Pyodide's file system: host path}: files copied in before the programs
//   outputs   {path in Pyodide's file system: host path}: files copied out after them
//   snapshot  host path where Python's memory snapshot is saved, or null
// What the programs print goes to stdout; an error ends the process with its message (for
// Python, the traceback) on stderr.
import fs from "node:fs";
import path from "node:path";

async function main(request) {
  const { loadPyodide } = await import(request.pyodide);
  const printed = [];
  const pyodide = await loadPyodide({
    _makeSnapshot: Boolean(request.snapshot),
    stdLibURL: request.stdlib,
    stdout: (line) => printed.push(line),
    stderr: () => {},
  });
  for (const [file, source] of Object.entries(request.python)) {
    pyodide.FS.mkdirTree(path.posix.dirname(file));
    pyodide.FS.writeFile(file, source);
  }
  for (const [file, hostFile] of Object.entries(request.inputs)) {
    pyodide.FS.writeFile(file, fs.readFileSync(hostFile));
  }
  if (request.argv.length > 0) {
    // PyProxies are destroyed once used, as Pyodide asks, so none outlives this block.
    const sys = pyodide.pyimport("sys");
    const argv = pyodide.toPy(["pyodide", ...request.argv]);
    sys.argv = argv;
    argv.destroy();
    sys.destroy();
  }
  for (const program of request.programs) {
    // A file name in <...> keeps Pyodide from caching the source for tracebacks.
    pyodide.runPython(fs.readFileSync(program, "utf8"), { filename: `<${path.basename(program)}>` });
  }
  for (const [file, hostFile] of Object.entries(request.outputs)) {
    fs.writeFileSync(hostFile, pyodide.FS.readFile(file));
  }
  if (request.snapshot) fs.writeFileSync(request.snapshot, pyodide.makeMemorySnapshot());
  process.stdout.write(printed.map((line) => `${line}\n`).join(""));
}

// Only the message (for Python, its traceback): Node would also print the line that threw,
// which in pyodide.asm.mjs is a whole megabyte.
main(JSON.parse(fs.readFileSync(0, "utf8"))).catch((error) => {
  console.error(error?.message ?? error);
  process.exit(1);
});
