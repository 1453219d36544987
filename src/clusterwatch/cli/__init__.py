"""The ``clusterwatch`` command: one click group (``main``), and a module per command family.

Takes options and arguments; calls the stages and prints what they give (Rich tables, JSON).
``common`` holds the options, consoles and one-line errors every command shares; ``archive``
the commands that read and rematch the archive; ``service`` digest, schedule, status and
serve; ``distributed`` worker and writer.
"""
