"""Copy the dashboard's front-end libraries from npm's install into ``rasd/web/static/vendor/``.

    npm ci --prefix rasd/web && python scripts/build_web.py

The libraries come from the npm registry at build time, pinned by ``rasd/web/package-lock.json``
(Leaflet for the map, topojson-client and world-atlas's Natural Earth country outlines); none is
committed. The dashboard then works offline: no CDN, no map tiles.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "rasd" / "web"
FILES = {  # node_modules path -> vendor path
    "leaflet/dist/leaflet.js": "leaflet.js",
    "leaflet/dist/leaflet.css": "leaflet.css",
    "leaflet/LICENSE": "LICENSE.leaflet",
    "topojson-client/dist/topojson-client.min.js": "topojson-client.min.js",
    "topojson-client/LICENSE": "LICENSE.topojson-client",
    "world-atlas/countries-50m.json": "countries-50m.json",
    "world-atlas/LICENSE": "LICENSE.world-atlas",
}


def main() -> int:
    modules, vendor = WEB / "node_modules", WEB / "static" / "vendor"
    missing = [name for name in FILES if not (modules / name).exists()]
    if missing:
        print(f"build_web: run `npm ci --prefix {WEB}` first; missing {', '.join(missing)}", file=sys.stderr)
        return 1
    vendor.mkdir(parents=True, exist_ok=True)
    for source, target in FILES.items():
        shutil.copyfile(modules / source, vendor / target)
    shutil.copytree(modules / "leaflet" / "dist" / "images", vendor / "images", dirs_exist_ok=True)
    (vendor / ".built").write_text("ok\n", encoding="utf-8")
    print(f"build_web: {len(FILES)} files in {vendor}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
