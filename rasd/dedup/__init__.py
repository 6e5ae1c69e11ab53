"""Deduplication across articles: the reports of one real-world event become one cluster."""

from rasd.dedup.cluster import (
    CanonicalEvent,
    Report,
    Settings,
    canonical,
    clusters,
    links,
    report_of,
    same_event,
)

__all__ = ["CanonicalEvent", "Report", "Settings", "canonical", "clusters", "links", "report_of", "same_event"]
