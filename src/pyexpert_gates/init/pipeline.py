"""The GitLab CI/CD pipeline that ``init --ci gitlab`` writes, as text.

One job installs the project with its test dependencies and the development dependency that
declares pyexpert-gates (as `pyexpert_gates.init.workflow.ci_install_arguments` says), runs
``check`` with a Code Quality report and a JUnit report, and hands both to GitLab even when the
check fails: merge requests show the findings they add in the Code Quality widget, and the
failing gates and findings in the test report.
"""

from pyexpert_gates import __version__

PIPELINE_PATH = ".gitlab-ci.yml"
"""Where the pipeline goes, relative to the project root."""

CODE_QUALITY_FILE = "gl-code-quality-report.json"
JUNIT_FILE = "pyexpert-gates-junit.xml"

_TEMPLATE = """\
# Written by pyexpert-gates {version} (`pyexpert-gates init --ci gitlab`).
# Every gate runs in each pipeline. Merge requests show the findings they add in the Code Quality
# widget and the failures in the test report, which GitLab receives even when the check fails.
pyexpert-gates:
  stage: test
  image: python:{python}
  script:
    - python -m pip install --upgrade pip
    - python -m pip install {install}
    - pyexpert-gates check --format gitlab --output {code_quality} --format junit --output {junit}
  artifacts:
    when: always
    expire_in: 30 days
    paths:
      - {code_quality}
      - {junit}
    reports:
      codequality: {code_quality}
      junit: {junit}
"""


def render_pipeline(*, python: str, install: str) -> str:
    """The pipeline's text.

    Args:
        python: The Python version CI runs, such as ``3.11`` (the ``python`` image's tag).
        install: What ``pip install`` installs, such as ``-e ".[test]" --group dev``.

    Returns:
        The YAML text.
    """
    return _TEMPLATE.format(
        version=__version__,
        python=python,
        install=install,
        code_quality=CODE_QUALITY_FILE,
        junit=JUNIT_FILE,
    )
