# Gyoryu — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DATA   ?= data

.PHONY: install build run test lint bench fuzz browser-deps store-deps clean

install: $(BIN)/gyoryu ## create .venv with the gyoryu command (torch==2.13.0 first, then the lock file)

$(BIN)/gyoryu: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps hanja==0.15.1  # pins pyyaml==6.0.1 + test tools; the lock's PyYAML serves it
	$(BIN)/python -m pip install -q --no-deps -e .
	@touch $@

build: install ## extract, validate, embed and index corpus/ into $(DATA)/
	$(BIN)/gyoryu build --data $(DATA)

run: build ## build, then serve on http://127.0.0.1:8000
	$(BIN)/gyoryu serve --data $(DATA)

browser-deps: ## headless Chromium and a Korean font for the browser tests (Debian packages)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list | grep -qi nanum || { \
	  echo "installing chromium, chromium-driver and fonts-nanum for the browser tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-nanum; }

store-deps: ## Virtuoso for the remote-store tests and bench (Debian package; its own service stays disabled)
	@command -v virtuoso-t >/dev/null || { echo "installing virtuoso-opensource for the remote-store tests"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource; }

lint: install
	$(BIN)/ruff check .

test: install browser-deps store-deps lint ## the full test suite (what CI runs)
	$(BIN)/python -m pytest tests runtime corpus graph gyoryu index api ontology

fuzz: install browser-deps ## long property-based runs: hypothesis 400 examples, schemathesis 100 per operation
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/fuzz tests/api/test_openapi.py

SCALES ?= 1 10  # sizes of the scale study built whole; SCALES="1 10 100 1000" adds 100x and 1000x projected from samples and stand-ins (bench/scale_projection.py; streaming 100x's 5.5 M stand-in quads costs ~30 min of CPU)

bench: build store-deps ## query latency and build time per stage; load (8 clients, 60 s) and soak (4 clients, 5 min) on loopback; side by side (bench/compare.py); remote stores beside the embedded one (bench/sparql_service.py --remote); scale study (bench/scale.py); 10× build on 1 and 2 workers (bench/workers.py); one small ingest into the seed corpus and it plus 16 and 64 generated documents (bench/ingest.py)
	$(BIN)/python bench/run.py --data $(DATA)
	$(BIN)/python bench/load.py --data $(DATA) --clients 8 --seconds 60 --write bench/RESULTS.md
	$(BIN)/python bench/load.py --data $(DATA) --soak --write bench/RESULTS.md
	$(BIN)/python bench/compare.py --write bench/RESULTS.md --readme README.md
	$(BIN)/python bench/sparql_service.py --data $(DATA) --remote
	$(BIN)/python bench/scale.py --scales $(SCALES) --data $(DATA) --write bench/RESULTS.md --plot bench/scale.png
	$(BIN)/python bench/workers.py --scale 10 --workers 1 2 --write bench/RESULTS.md
	$(BIN)/python bench/ingest.py --corpora seed seed+16 seed+64

clean:
	rm -rf $(DATA) .pytest_cache artifacts
