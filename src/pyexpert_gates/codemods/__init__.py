"""The codemods ``fix`` applies: pure libcst transforms of one module's text, one module each.

The expert gate asks them which findings are fixable; the ``fix`` run applies them to copies.
"""
