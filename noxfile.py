# /// script
# dependencies = ["nox", "pyexpert-gates"]
# ///
"""The project's own nox sessions: a session per gate, plus tests, benchmarks and the build.

``nox -l`` lists them; ``nox -j auto -t gates`` runs the gates in parallel on this checkout.
"""

import nox

from pyexpert_gates.nox import register

ISOLATED = "uv|virtualenv"

register()


@nox.session(venv_backend=ISOLATED, allow_parallel=True)
def tests(session: nox.Session) -> None:
    """Run the test suite in a fresh environment with the test extra.

    Args:
        session: The running nox session; arguments after ``--`` go to pytest.
    """
    session.install("-e", ".[test]")
    session.run("python", "-m", "pytest", "-n", "auto", *session.posargs)


@nox.session(venv_backend="none", default=False)
def benchmark(session: nox.Session) -> None:
    """Print the start-up, check and expert-rule timings beside their targets.

    Args:
        session: The running nox session (the current environment, as the numbers compare).
    """
    for script in ("benchmarks/init.py", "benchmarks/check.py", "benchmarks/expert.py"):
        session.run("python", script, *session.posargs)


@nox.session(venv_backend=ISOLATED, allow_parallel=True)
def build(session: nox.Session) -> None:
    """Build the sdist and the wheel into ``dist/``.

    Args:
        session: The running nox session.
    """
    session.install("build")
    session.run("python", "-m", "build", "--outdir", "dist")


if __name__ == "__main__":
    nox.main()
