"""Notification hooks for new truce violations: a shell command, a webhook, or both.

Each violation goes out as one JSON object (``rasd.output.violation_as_dict``). A hook that
fails is reported as one line and does not stop the ingestion.
"""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator

from rasd.output import violation_as_dict
from rasd.store.base import Violation

TIMEOUT_S = 30


def notify(violation: Violation, *, command: str | None = None, webhook: str | None = None) -> Iterator[str]:
    """Run the hooks for one violation; yield a one-line problem for each hook that failed."""
    payload = json.dumps(violation_as_dict(violation), ensure_ascii=False)
    if command:
        try:
            done = subprocess.run(command, shell=True, input=payload, text=True, timeout=TIMEOUT_S, check=False,
                                  capture_output=True)
        except subprocess.TimeoutExpired:
            yield f"violation hook timed out after {TIMEOUT_S} s: {command}"
        else:
            if done.returncode != 0:
                yield f"violation hook exited {done.returncode}: {command}"
    if webhook:
        request = urllib.request.Request(webhook, data=payload.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/json; charset=utf-8"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S):
                pass
        except (urllib.error.URLError, OSError) as exc:
            yield f"violation webhook {webhook} failed: {exc}"
