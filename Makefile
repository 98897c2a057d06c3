# wiretrace developer tasks. `make help` lists them.
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip

.PHONY: help install demo test test-rust test-python lint fmt clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'

install: ## Build and install the Python package and the wiretrace command
	$(PIP) install .

demo: install ## Install, then analyse the embedded example corpus (writes wiretrace-demo.html/.json)
	wiretrace demo

test: test-rust test-python ## Run every test: Rust, Python (with doctests) and notebooks

test-rust: ## Rust unit, integration and doc tests of the whole workspace
	cargo test --workspace

test-python: ## Install the package with its test extras, then pytest, doctests and notebooks
	$(PIP) install ".[test]"
	cd tests && $(PYTHON) -m pytest
	cd tests && $(PYTHON) -m pytest --doctest-modules --pyargs wiretrace -q

lint: ## rustfmt and clippy
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings

fmt: ## Format the Rust code
	cargo fmt --all

clean: ## Remove build products
	cargo clean
	rm -rf build dist *.egg-info wiretrace-demo.html wiretrace-demo.json
