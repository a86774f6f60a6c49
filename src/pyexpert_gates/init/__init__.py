"""`init`: plan a preset's merge into a project and write it, with the files it adds."""
