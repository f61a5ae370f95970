"""The XBRL instance: immutable model (contexts, units, facts, footnotes) and its writer."""
