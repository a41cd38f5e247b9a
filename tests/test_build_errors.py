"""A step whose program is missing or fails ends the build with one line that names the step and
what to do, and exit code 1: never a traceback."""

import stat

import pytest

import build
from tools.programs import BuildError


def failing_program(folder, name: str, exit_code: int = 3):
    """A program that complains on stderr and exits with `exit_code`."""
    path = folder / name
    path.write_text(f"#!/bin/sh\necho '{name}: something went wrong' >&2\nexit {exit_code}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def last_error_line(capsys) -> str:
    lines = capsys.readouterr().err.strip().splitlines()
    assert not any("Traceback" in line for line in lines)
    return lines[-1]


def test_a_missing_esbuild_ends_the_build_with_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    monkeypatch.setattr(build, "ESBUILD", tmp_path / "no-such-esbuild")
    assert build.main(["build"]) == 1
    line = last_error_line(capsys)
    assert line.startswith("build: error: bundling site/js/python.worker.js with esbuild: cannot start no-such-esbuild")
    assert "run `npm ci`" in line


def test_a_failing_esbuild_names_the_step_and_its_exit_code(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    monkeypatch.setattr(build, "ESBUILD", failing_program(tmp_path, "esbuild"))
    assert build.main(["build"]) == 1
    line = last_error_line(capsys)
    assert line.startswith("build: error: bundling site/js/python.worker.js with esbuild: esbuild failed with exit code 3")


def test_a_failing_npm_ci_names_the_step(monkeypatch, tmp_path):
    failing_program(tmp_path, "npm", exit_code=1)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setattr(build, "NODE_MODULES", tmp_path / "node_modules")  # as on a fresh checkout
    with pytest.raises(BuildError, match=r"^installing the npm packages \(npm ci\): npm failed with exit code 1"):
        build.npm_packages()


def test_a_failing_uv_run_names_the_step(monkeypatch, tmp_path):
    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    monkeypatch.setattr(build, "uv_command", lambda: str(failing_program(tmp_path, "uv")))
    with pytest.raises(BuildError, match=r"^computing the network's loss landscape \(uv run\): uv failed"):
        build.network_landscape()
