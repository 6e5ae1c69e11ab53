# Two commands: `make run` (set up, process the sample articles into SQLite, serve the dashboard)
# and `make test` (set up, then lint, type-check and run the whole test suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= rasd.sqlite

.PHONY: run test install postgres browser web lint typecheck pytest bench data clean

$(BIN)/rasd: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Rasd needs Python >= 3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/rasd

install: $(BIN)/rasd

# the store tests run against a real PostgreSQL server, which they start themselves
postgres:
	bash scripts/ensure_debian.sh 'command -v initdb || compgen -G "/usr/lib/postgresql/*/bin/initdb"' postgresql

# the dashboard tests drive Debian's headless Chromium
browser:
	bash scripts/ensure_debian.sh 'command -v chromium && command -v chromedriver' chromium chromium-driver

# the dashboard's front-end libraries, from the npm registry, pinned by the lock file
WEB := rasd/web
$(WEB)/static/vendor/.built: $(WEB)/package.json $(WEB)/package-lock.json scripts/build_web.py
	npm ci --prefix $(WEB) --no-audit --no-fund --loglevel=error
	$(PYTHON) scripts/build_web.py

web: $(WEB)/static/vendor/.built

run: install web
	$(BIN)/rasd ingest --samples --db $(DB)
	$(BIN)/rasd serve --db $(DB)

lint: install
	$(BIN)/ruff check rasd tests scripts bench

typecheck: install
	$(BIN)/mypy

pytest: install postgres browser web
	$(BIN)/pytest

test: lint typecheck pytest

bench: install
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/bench_ingest.py --write docs/benchmarks.md
	$(BIN)/python bench/bench_entities.py --write docs/benchmarks.md
	$(BIN)/python bench/bench_time.py --write docs/benchmarks.md
	$(BIN)/python bench/bench_extract.py --write docs/benchmarks.md

data: install
	$(BIN)/python scripts/build_normalization.py
	$(BIN)/python scripts/build_common_words.py
	$(BIN)/python scripts/build_gazetteer.py
	$(BIN)/python scripts/build_schema.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache .ruff_cache $(WEB)/node_modules $(WEB)/static/vendor
