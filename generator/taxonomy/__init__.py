"""The IIJ taxonomy: its source of truth (YAML), its model, and its DTS files."""

from generator.taxonomy.model import Concept, Node, Statement, Summation, Taxonomy, load_taxonomy

__all__ = ["Concept", "Node", "Statement", "Summation", "Taxonomy", "load_taxonomy"]
