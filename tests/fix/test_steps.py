"""The options that keep ruff's fix from changing behaviour: unsafe, held back, protected."""

from pyexpert_gates.fix.steps import fix_options
from pyexpert_gates.gates.ruff import NOT_SAFE_IN_FIX


def test_fix_options_leave_unsafe_held_back_and_protected_fixes_out() -> None:
    options = fix_options(
        unsafe=False, only=["F401", "I001"], held_back=["I001"], protected=["src/a[1].py"]
    )
    unfixable = options[options.index("--unfixable") + 1].split(",")
    assert {"D212", "D200", "PLR0402", "I001"} <= set(unfixable)
    assert set(unfixable) == {*NOT_SAFE_IN_FIX, "I001"}
    assert options[options.index("--fixable") + 1] == "F401,I001"
    assert options[-2:] == (
        "--config",
        'lint.extend-per-file-ignores = { "src/a[[]1[]].py" = ["F401", "RUF100"] }',
    )
    assert fix_options(unsafe=True, protected=["a.py"]) == ("--fix", "--unsafe-fixes")
