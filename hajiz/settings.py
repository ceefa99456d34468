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
        description=(
            "Store location: a SQLite path or sqlite:/// URL (default <data_dir>/hajiz.db), "
            "or a postgresql:// URL."
        ),
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

    # A large list is built on two processes: one analyses names while the other indexes them.
    build_workers: int = Field(
        default=0,
        ge=0,
        description=(
            "Processes that build the index from a list of 20,000 entries or more "
            "(0: every core; 1: this process alone)."
        ),
    )

    # --- HTTP service (hajiz serve) -------------------------------------------------------------
    # Bodies beyond this are refused before they are read: a traveller fits in a few kilobytes.
    api_max_body_bytes: int = Field(
        default=1_048_576,
        ge=1024,
        description="Largest JSON request body (bytes) the HTTP service accepts.",
    )
    # List files are large (the OFAC SDN folder is tens of megabytes); only admins upload them.
    api_max_upload_bytes: int = Field(
        default=200 * 1_048_576,
        ge=1024,
        description="Largest list-file upload (bytes) accepted by POST /v1/lists/import.",
    )
    # Bounds the time one request holds a worker; bigger batches go through `hajiz screen`.
    api_max_batch: int = Field(
        default=500,
        ge=1,
        description="Most travellers in one POST /v1/screen/batch or POST /match request.",
    )
    # Real queries nest three or four levels; deep nesting only serves to exhaust a parser.
    api_max_json_depth: int = Field(
        default=16,
        ge=2,
        description="Deepest nesting of objects and arrays accepted in a JSON request body.",
    )
    # Most hits returned per traveller (the `limit` parameter cannot exceed it).
    api_max_results: int = Field(
        default=100,
        ge=1,
        description="Largest `limit` (hits per traveller) a screening request may ask for.",
    )
    # How often each worker reads the store's change feed; an edit shows everywhere within this
    # interval plus the time to apply it (well under the promised second).
    api_sync_interval: float = Field(
        default=0.3,
        gt=0,
        le=5,
        description="Seconds between two reads of the entry change feed by each service worker.",
    )
    # Travellers' data is personal: after this many days the query text is redacted from the
    # audit log (its digest stays, so the hash chain still verifies). 0 keeps queries forever.
    audit_query_retention_days: int = Field(
        default=90,
        ge=0,
        description="Days an audited screening query is kept before it is redacted (0: forever).",
    )
    # An officer's web session ends this long after signing in (a shift), whatever happens.
    web_session_hours: float = Field(
        default=8.0,
        gt=0,
        le=24 * 7,
        description="Hours a web page session lasts after signing in before it must sign in again.",
    )
    # Behind a TLS proxy the app sees plain http: this keeps the cookie off unencrypted links.
    web_secure_cookie: bool = Field(
        default=False,
        description="Always mark the web session cookie Secure (it is anyway on https requests).",
    )

    # --- review of hits ---------------------------------------------------------------------------
    # A traveller cleared as a false positive is not referred again for the same entry version
    # for this long; then a person looks again. Read when screening, so a change applies at once.
    suppression_days: int = Field(
        default=365,
        ge=0,
        description="Days a false-positive decision keeps clearing the same traveller and entry.",
    )

    def database_url_or_default(self) -> str:
        """The database URL, falling back to the SQLite file in the data folder."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'hajiz.db'}"
