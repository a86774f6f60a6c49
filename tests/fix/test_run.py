"""What a fix run groups its fixes by, for the tests' guard."""

from pyexpert_gates.check.held_back import FORMAT_GROUP
from pyexpert_gates.fix.outcome import FixOutcome
from pyexpert_gates.fix.run import fix_groups


def test_fix_groups_are_ruff_rules_codemods_and_format_not_expert_findings_fixed_in_passing() -> (
    None
):
    fixed = {("a.py", "F401"): 2, ("a.py", "PXG001"): 1, ("b.py", "PXG004"): 1}
    outcome = FixOutcome(fixed=fixed, reformatted=("b.py",))
    assert fix_groups(outcome) == {"F401", "PXG001", FORMAT_GROUP}
    assert fix_groups(FixOutcome(fixed={("a.py", "PXG004"): 1})) == set()
