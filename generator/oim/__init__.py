"""The Open Information Model formats of an instance: xBRL-JSON and xBRL-CSV (OIM 1.0)."""
