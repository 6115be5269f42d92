"""What an output of one briefing or dossier is made from, hashed before anything is rendered.

Why: a rebuild after an edit should render only what the edit changes.
A briefing's PDF and export files read its own records and no clock (which
briefings a dossier holds is given with it), so their bytes are a function
of the records `FactGraph.reads` names (each by its `Record.fingerprint`)
and of what every output shares: the code and packages, the templates,
the catalogs with the translators' confirmations (which mark stale text in
a draft), the configuration. A test renders every published document with
the graph watched and finds each record it asks for among `reads`.
"""

from __future__ import annotations

from generator.cache import code_fingerprint, digest, tree_digest
from generator.config import CONFIG_FILE
from generator.project import Project


def shared_inputs(project: Project, *extra: str) -> str:
    """The hash of what all of a family's documents are made from besides their records (and `extra`)."""
    config = project.config
    return digest(code_fingerprint(), str(project.draft), (config.root / CONFIG_FILE).read_bytes(),
                  tree_digest(config.templates_dir), tree_digest(config.locales_dir), *extra)


def document_inputs(project: Project, record_id: str, shared: str, *document: str) -> str:
    """The hash of everything one document of `record_id` (named by `document`: its path, its language) is
    made from: `shared` and the fingerprint of every record it reads."""
    graph = project.graph
    return digest(shared, record_id, *document,
                  *(part for read in graph.reads(record_id) for part in (read, graph.get(read).fingerprint)))
