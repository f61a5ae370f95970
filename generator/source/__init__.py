"""Reading a release: text in, taxonomy-free tables, notes and rate out."""
