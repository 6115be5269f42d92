"""What the fork server loads before it forks the PDF workers, so none of them loads it again.

WeasyPrint (a second to import) and every hyphenation dictionary this
machine keeps (`generator.outputs.pdf.hyphenation`): a worker forked after
this starts with them in memory it shares with the others.
"""

from generator.outputs.pdf import hyphenation, render  # noqa: F401 -- imported for the workers

hyphenation.install().warm()
