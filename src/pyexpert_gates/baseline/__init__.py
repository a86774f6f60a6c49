"""The baseline: accept a codebase's current findings, then fail only on new ones.

`fingerprint` identifies a finding without its line number, `floors` ratchets docstring coverage
per module, `matching` applies a baseline to a report; all three are pure. `store` reads and
writes ``.pyexpert-gates/baseline.json``, `sources` reads the source lines fingerprints need, and
`record` turns a report into a baseline.
"""
