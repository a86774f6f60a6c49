import textwrap

import libcst as cst
import pytest

from pyexpert_gates.codemods.utc import aware_utc

MODERN = (3, 11)


def fixed(source: str, target: tuple[int, int] = MODERN) -> str:
    return aware_utc(cst.parse_module(textwrap.dedent(source)), target).code


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "from datetime import datetime\n\nnow = datetime.utcnow()\n",
            "from datetime import UTC, datetime\n\nnow = datetime.now(UTC)\n",
            id="utcnow-adds-the-import",
        ),
        pytest.param(
            "from datetime import datetime\n\nthen = datetime.utcfromtimestamp(stamp)\n",
            "from datetime import UTC, datetime\n\nthen = datetime.fromtimestamp(stamp, UTC)\n",
            id="utcfromtimestamp",
        ),
        pytest.param(
            "import datetime as dt\n\nnow = dt.datetime.utcnow()\n",
            "import datetime as dt\n\nnow = dt.datetime.now(dt.UTC)\n",
            id="through-the-module",
        ),
        pytest.param(
            "from datetime import UTC, datetime as D\n\nnow = D.utcnow()\n",
            "from datetime import UTC, datetime as D\n\nnow = D.now(UTC)\n",
            id="existing-utc-and-alias",
        ),
        pytest.param(
            "from datetime import datetime, timezone\n\nnow = datetime.utcnow()\n",
            "from datetime import datetime, timezone\n\nnow = datetime.now(timezone.utc)\n",
            id="existing-timezone",
        ),
    ],
)
def test_rewrites_naive_utc_constructors(source: str, expected: str) -> None:
    assert fixed(source) == expected


def test_older_targets_get_timezone_utc() -> None:
    source = (
        "from datetime import datetime\nimport datetime as dt\n\n"
        "a = datetime.utcnow()\nb = dt.datetime.utcnow()\n"
    )
    assert fixed(source, target=(3, 9)) == (
        "from datetime import timezone, datetime\nimport datetime as dt\n\n"
        "a = datetime.now(timezone.utc)\nb = dt.datetime.now(dt.timezone.utc)\n"
    )


def test_keeps_comments_and_blank_lines_byte_for_byte() -> None:
    source = (
        "from datetime import UTC, datetime  # clock\n\n\n"
        "# when it started\n"
        "started = datetime.utcnow()  # naive today\n"
        "\n"
        "ended = None\n"
    )
    assert fixed(source) == source.replace("datetime.utcnow()", "datetime.now(UTC)")


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("from datetime import datetime\n\nx = datetime.utcnow(tz)\n", id="arguments"),
        pytest.param(
            "from datetime import datetime\n\nx = datetime.utcfromtimestamp(t, 1)\n",
            id="two-arguments",
        ),
        pytest.param("x = clock.utcnow()\n", id="another-class"),
        pytest.param(
            "from arrow import datetime\n\nx = datetime.utcnow()\n", id="another-datetime"
        ),
        pytest.param(
            "from pytz import UTC\nfrom datetime import datetime\n\nx = datetime.utcnow()\n",
            id="utc-bound-elsewhere",
        ),
    ],
)
def test_leaves_other_calls(source: str) -> None:
    assert fixed(source) == source
