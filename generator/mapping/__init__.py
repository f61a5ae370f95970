"""From printed rows to facts: labels to concepts, cells to values and contexts."""
