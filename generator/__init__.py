"""briefing: canonical news facts published as localized briefings, a site, PDFs and exports."""

__version__ = "0.1.0"
