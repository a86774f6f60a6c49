"""``pyexpert-gates fix``: ruff's fixes, ``ruff format`` and the expert codemods, applied safely.

The codemods (`pyexpert_gates.codemods`) are pure libcst transforms of one module's text; the run
works on copies in a scratch folder and writes back only the files that changed, each atomically.
"""
