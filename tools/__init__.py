"""The build's machinery: the Pyodide runtime, the static server, the benchmark and screenshots."""
