"""The programs the build steps run (npm, esbuild, uv, node, apt-get) and the build's output: a
line per step, and a failure as one line naming the step and what to do, never a traceback."""

import shutil
import subprocess
import sys
from pathlib import Path


class BuildError(Exception):
    """A step cannot go on; the message, one line, says which step, what is wrong and what to do."""


def run_program(command: list[str], *, step: str, advice: str, **options) -> subprocess.CompletedProcess:
    """Runs `command` as subprocess.run(command, **options) does; raises BuildError naming `step`,
    with `advice`, if it cannot start or exits with an error.

    The program's own messages (stderr is never captured here) stand above that line.
    """
    program = Path(command[0]).name
    try:
        done = subprocess.run(command, check=False, **options)
    except OSError as error:
        raise BuildError(f"{step}: cannot start {program} ({error.strerror}: {command[0]}). {advice}") from None
    if done.returncode != 0:
        raise BuildError(f"{step}: {program} failed with exit code {done.returncode} "
                         f"(its messages are above). {advice}")
    return done


def step(message: str) -> None:
    """The line of output a build step prints."""
    print(f"build: {message}", flush=True)


def uv_command() -> str:
    """uv, installed with pip if this machine has none yet."""
    if shutil.which("uv") is None:
        step("installing uv with pip")
        run_program([sys.executable, "-m", "pip", "install", "--quiet", "uv"], step="installing uv with pip",
                    advice="Install uv yourself (https://docs.astral.sh/uv/) and run again.")
    return shutil.which("uv") or str(Path(sys.executable).parent / "uv")
