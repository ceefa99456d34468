"""hajiz: offline watchlist screening, best at Arabic-origin names across scripts."""

__version__ = "0.1.0"
