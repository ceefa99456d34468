"""One typed Settings object. Every field has a zero-config default and a HAJIZ_* variable."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("hajiz", appauthor=False))


def _default_real_data_dir() -> Path:
    return Path("../shared/data/real")


class Settings(BaseSettings):
    """hajiz configuration, read from HAJIZ_* environment variables."""

    model_config = SettingsConfigDict(env_prefix="HAJIZ_", extra="ignore")

    # Where hajiz keeps its files when no database URL is given.
    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Folder for the default SQLite database and index snapshots.",
    )
    # Empty means sqlite:///<data_dir>/hajiz.db, resolved by `database_url_or_default`.
    database_url: str = Field(
        default="",
        description="Store location: a SQLite path or sqlite:/// URL (default <data_dir>/hajiz.db).",
    )
    # The real public data used by the evaluation, benchmarks and lexicon build.
    real_data_dir: Path = Field(
        default_factory=_default_real_data_dir,
        description="Folder of the shared real data (UN, OFAC, name pairs) for eval and bench.",
    )
    # Names longer than this are refused: no real name comes close, and huge ones are attacks.
    max_name_length: int = Field(
        default=500, description="Longest name (characters) accepted in a query or a list record."
    )

    # Snapshots make a restart with a large list take seconds instead of minutes.
    use_snapshots: bool = Field(
        default=True,
        description="Keep the index on disk (in <data_dir>/snapshots) and reuse it while fresh.",
    )

    def database_url_or_default(self) -> str:
        """The database URL, falling back to the SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'hajiz.db'}"
