"""Admins upload official list files: `POST /v1/lists/import` (multipart, with a format field)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from hajiz.access import check_agency_code
from hajiz.api.auth import AdminDep
from hajiz.api.deps import StateDep
from hajiz.api.errors import json_response, responses
from hajiz.api.schemas import ImportResponse
from hajiz.audit import AuditAction, AuditEvent
from hajiz.errors import InvalidInput
from hajiz.importers.base import IMPORTERS
from hajiz.lists import ImportReport, import_list

router = APIRouter(prefix="/v1/lists", tags=["Lists"])

# Formats read from a folder of several files rather than from one file.
_FOLDER_FORMATS = {"ofac-sdn"}
_FORMATS = ", ".join(IMPORTERS)


def _safe_name(name: str | None, position: int) -> str:
    base = Path(name or "").name
    if not base or base.startswith(".") or len(base) > 200:
        return f"upload-{position}"
    return base


@router.post(
    "/import",
    response_model=ImportResponse,
    responses=responses(400, 401, 403, 413, 422, 503),
    summary="Import an official list file",
)
async def import_list_file(
    state: StateDep,
    principal: AdminDep,
    format: Annotated[str, Form(description=f"One of: {_FORMATS}")],
    files: Annotated[
        list[UploadFile], File(description="The list file (ofac-sdn: sdn.csv, alt.csv, add.csv)")
    ],
    agency: Annotated[
        str | None, Form(max_length=32, description="Owner for ftm and csv lists (default: yours)")
    ] = None,
) -> Response:
    """Replace a list's entries with the uploaded file's, in one transaction, and audit it.

    The list's entries reach screening in every worker within a second of the import.
    """
    if format not in IMPORTERS:
        raise InvalidInput(f"Unknown list format {format!r} (choose from: {_FORMATS})")
    if not files:
        raise InvalidInput("No file uploaded")
    if format not in _FOLDER_FORMATS and len(files) != 1:
        raise InvalidInput(f"Format {format!r} takes one file; {len(files)} were uploaded")
    owner = check_agency_code(agency or principal.agency) if format in ("ftm", "csv") else None
    with tempfile.TemporaryDirectory(prefix="hajiz-upload-") as folder:
        paths = []
        for position, upload in enumerate(files):
            path = Path(folder) / _safe_name(upload.filename, position)
            path.write_bytes(await upload.read())
            paths.append(path)
        target = Path(folder) if format in _FOLDER_FORMATS else paths[0]
        # Parsing takes seconds: off the event loop, so screening carries on meanwhile.
        report: ImportReport = await run_in_threadpool(
            import_list,
            state.store,
            format,
            target,
            agency=owner,
            max_name_length=state.settings.max_name_length,
        )
    while state.sync.catch_up():
        pass
    detail = {
        "format": format,
        "source_version": report.source_version,
        "file_name": report.file_name,
        "sha256": report.sha256,
        "added": report.added,
        "changed": report.changed,
        "removed": report.removed,
        "unchanged": report.unchanged,
        "import_id": report.import_id,
    }
    (record,) = state.store.append_audit(
        [
            AuditEvent(
                principal.key_id,
                principal.agency,
                AuditAction.LIST_IMPORT,
                report.source,
                detail=detail,
            )
        ]
    )
    return json_response(
        {
            "source": report.source,
            "source_version": report.source_version,
            "file_name": report.file_name,
            "sha256": report.sha256,
            "added": report.added,
            "changed": report.changed,
            "removed": report.removed,
            "unchanged": report.unchanged,
            "total": report.total,
            "warnings": list(report.warnings),
            "import_id": report.import_id,
            "audit_seq": record.seq,
        }
    )
