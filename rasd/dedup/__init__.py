"""Deduplication across articles: the reports of one real-world event become one cluster."""

from rasd.dedup.cluster import (
    CanonicalEvent,
    Placement,
    Report,
    Settings,
    canonical,
    clusters,
    links,
    partition,
    report_of,
    same_event,
)

__all__ = ["CanonicalEvent", "Placement", "Report", "Settings", "canonical", "clusters", "links", "partition",
           "report_of", "same_event"]
