"""xbrlgen: IIJ earnings releases in, validated XBRL 2.1 instances out.

Data flows one way: ``source`` reads a release into taxonomy-free tables,
``mapping`` turns printed figures into facts through the taxonomy's labels,
``instance`` holds the immutable instance model and writes it, and
``validation`` checks what was written.
"""
