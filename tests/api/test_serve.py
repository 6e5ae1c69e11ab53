"""`rasd serve` runs a real HTTP server that answers on its port."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.api.conftest import copy_of, free_port


def test_serve_answers_over_http(samples_db: str, tmp_path: Path) -> None:
    port = free_port()
    db = copy_of(samples_db, tmp_path)
    server = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "RASD_API_KEY": ""})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles?limit=2", timeout=5) as answer:
                    page = json.loads(answer.read())
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else "the server stopped"
                assert time.monotonic() < deadline, "the server did not answer within a minute"
                time.sleep(0.2)
        assert page["total"] == 6 and len(page["items"]) == 2
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/articles", data=b'{"text": "x"}',
                                         headers={"Content-Type": "application/json"}, method="POST")
        try:
            urllib.request.urlopen(request, timeout=5)
            raise AssertionError("a write without a configured key was accepted")
        except urllib.error.HTTPError as refused:
            assert refused.code == 403 and "API key" in json.loads(refused.read())["error"]
    finally:
        server.terminate()
        server.wait(timeout=10)
