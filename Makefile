.PHONY: test lint typecheck bench eval docs

test:
	python -m pytest -n 2 -q

lint:
	ruff check hajiz tests scripts benchmarks setup.py
	ruff format --check hajiz tests scripts benchmarks setup.py

typecheck:
	mypy --strict hajiz

bench:
	hajiz bench

eval:
	hajiz eval --out eval-out

docs:
	python scripts/gen_cli_docs.py
