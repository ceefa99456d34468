"""hajiz: offline watchlist screening, best at Arabic-origin names across scripts."""

import os as _os

__version__ = "0.1.0"

# Before any compiled module can be imported (see hajiz.compiled).
if _os.environ.get("HAJIZ_PURE_PYTHON", "").strip() == "1":
    from hajiz.compiled import use_source as _use_source

    _use_source()
