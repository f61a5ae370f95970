"""Inline XBRL 1.1: the release as an XHTML document people read, every figure tagged."""
