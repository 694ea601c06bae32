# The README's commands. Everything installs into .venv through constraints.txt (CPU torch).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --disable-pip-version-check -q -c constraints.txt
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8501

.PHONY: install browser start ingest-samples app test lint bench eval eval-dev eval-profiles \
	eval-screening calibrate clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The browser test drives Debian's Chromium through Playwright (Playwright's own browser download
# is not used). Installing it needs root, as on the project's machines.
browser:
	test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

## Set up, load sample_docs and start the browser chat.
start: install ingest-samples app

ingest-samples: install
	$(BIN)/python -m ingest sample_docs/resumes

app: install
	$(BIN)/streamlit run app.py --browser.gatherUsageStats false --server.fileWatcherType none \
		--server.headless true \
		--server.address $(HOST) --server.port $(PORT)

## Lint, type-check and run every test.
test: install browser lint
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Ingest throughput and query latency on synthetic resumes (N=100 and N=1000), and ingest
## beside one CPU-bound process (N=100).
bench: install
	$(BIN)/python -m tests.bench --sizes 100 1000 --contention 100

## Scores on the labeled question set, in the configured store (sample_docs ingested first).
eval: ingest-samples
	$(BIN)/python -m tests.evaluation

## The independent labeled devset (../shared/devset, not part of this repository), scored by its
## own score.py; fails below the floors (raise them as the product improves, never lower them).
DEVSET ?= ../shared/devset
DEVSET_FLOORS ?= --floor recall=0.95 --floor precision=0.96 --floor evidence=0.95 \
	--floor citation_validity=1.0 --floor negatives_ok=12 --floor type_recall=0.75
eval-dev: install
	$(BIN)/python -m tests.devset_eval --devset $(DEVSET) --quiet $(DEVSET_FLOORS)

## Field accuracy of the extracted profiles against hand labels of the devset's resumes.
eval-profiles: install
	$(BIN)/python -m tests.profile_eval --devset $(DEVSET)

## Screening against hand-labelled job descriptions of the devset (tests/devset_screening.json).
eval-screening: install
	$(BIN)/python -m tests.screening_eval --devset $(DEVSET)

## Refit the recall-first matcher on the devset's tuning half (writes assistant/matching_weights.json).
calibrate: install
	$(BIN)/python -m tests.calibrate_matching --devset $(DEVSET) --write

clean:
	rm -rf $(VENV) data .mypy_cache .ruff_cache .pytest_cache
