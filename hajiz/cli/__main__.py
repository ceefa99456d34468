"""`python -m hajiz.cli` runs the same command line as `hajiz`."""

from hajiz.cli import main

main(prog_name="hajiz")
