"""Screen one traveller from the page: the form, and the hits with their explanations.

The form is posted, never sent as a query string: travellers' names stay out of URLs, browser
history and access logs. Screening goes through the same service as `POST /v1/screen`, so
the page sees exactly what the API would (visibility, audit) and nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from fastapi import APIRouter, Request
from fastapi.responses import Response

from hajiz.access import Role
from hajiz.api.deps import ServiceState, StateDep
from hajiz.api.service import Screened, query_from_request
from hajiz.countries import to_country_code
from hajiz.errors import HajizError
from hajiz.model import Entry, NameKind, Query, Script
from hajiz.review.model import Clearance
from hajiz.screening import Hit
from hajiz.settings import Settings
from hajiz.web.casework import decision_choices
from hajiz.web.deps import ScreenerPageDep, ScreenFormDep, SignedForm, WebRoute
from hajiz.web.explain import ExplanationView, explanation_view
from hajiz.web.render import PREFIX, page
from hajiz.web.sessions import Officer

router = APIRouter(route_class=WebRoute, include_in_schema=False)

# Hits shown per traveller on the page.
PAGE_HITS = 10
DOCUMENT_TYPES = (
    ("passport", "Passport"),
    ("national-id", "National identity card"),
    ("travel-document", "Other travel document"),
)


@dataclass(frozen=True)
class ScreenForm:
    """The screening form's fields, as typed."""

    latin_name: str = ""
    arabic_name: str = ""
    birth_date: str = ""
    nationality: str = ""
    document_type: str = "passport"
    document_number: str = ""
    document_country: str = ""

    @classmethod
    def from_form(cls, signed: SignedForm) -> ScreenForm:
        """The fields of a posted form."""
        return cls(**{f.name: signed.get(f.name) for f in fields(cls)})

    def warnings(self) -> list[str]:
        """What was typed but cannot be used (screening goes on without it)."""
        notes = []
        if self.nationality and to_country_code(self.nationality) is None:
            notes.append(f"Nationality {self.nationality!r} is not a known country; not used.")
        return notes

    def to_query(self, settings: Settings) -> Query:
        """The checked query; InvalidInput naming the field that is wrong."""
        names = [name for name in (self.latin_name, self.arabic_name) if name]
        if not names:
            raise InvalidForm("Enter the traveller's name in Latin or in Arabic letters.")
        documents = []
        if self.document_number:
            kind = self.document_type if self.document_type in dict(DOCUMENT_TYPES) else "passport"
            documents.append((kind, self.document_number, self.document_country or None))
        return query_from_request(
            query_id=None,
            names=names,
            birth_dates=[self.birth_date] if self.birth_date else [],
            nationalities=[self.nationality] if self.nationality else [],
            gender=None,
            documents=documents,
            max_name_length=settings.max_name_length,
        )


class InvalidForm(HajizError):
    """The screening form cannot be screened as filled in."""

    status = 400


@dataclass(frozen=True)
class HitView:
    """One hit as the results page shows it, with what review says of it."""

    hit: Hit
    entry: Entry
    explanation: ExplanationView
    cleared: Clearance | None = None
    in_case: bool = False
    choices: tuple[tuple[str, str], ...] = ()

    @property
    def arabic_name(self) -> str | None:
        """The entry's name in Arabic script, when the list gives one."""
        for name in self.entry.names:
            if name.script is Script.ARABIC and name.kind is not NameKind.ALIAS:
                return name.full
        return None


def hit_views(item: Screened, officer: Officer, state: ServiceState) -> list[HitView]:
    """The hits of one screened traveller, each with its clearance or its decision buttons."""
    case = item.case
    agency = officer.principal.agency
    may_decide = case is not None and officer.may(Role.REVIEWER)
    agencies = {a.code for a in state.store.list_agencies()} if may_decide else set()
    views = []
    for hit, entry in item.hits:
        case_hit = None if case is None else case.hit(hit.entry_id)
        choices = (
            decision_choices(case_hit, case, agency, agencies)
            if may_decide and case is not None and case_hit is not None
            else []
        )
        views.append(
            HitView(
                hit,
                entry,
                explanation_view(hit.explanation),
                cleared=item.cleared.get(hit.entry_id),
                in_case=case_hit is not None,
                choices=tuple(choices),
            )
        )
    return views


def _form_page(
    request: Request,
    officer: Officer,
    form: ScreenForm,
    *,
    error: str | None = None,
    status: int = 200,
) -> Response:
    return page(
        request,
        "screen.html",
        officer=officer,
        status=status,
        form=form,
        document_types=DOCUMENT_TYPES,
        error=error,
        screened=False,
        hits=[],
        warnings=[],
        case=None,
    )


@router.get(f"{PREFIX}/screen")
async def screen_form(request: Request, officer: ScreenerPageDep) -> Response:
    """The empty screening form."""
    return _form_page(request, officer, ScreenForm())


@router.post(f"{PREFIX}/screen")
async def screen_submit(request: Request, state: StateDep, signed: ScreenFormDep) -> Response:
    """Screen the traveller of the form and show the hits under it."""
    form = ScreenForm.from_form(signed)
    try:
        query = form.to_query(state.settings)
    except HajizError as error:
        return _form_page(request, signed.officer, form, error=error.detail, status=400)
    screening = await state.screening.screen(
        signed.officer.principal,
        [query],
        limit=PAGE_HITS,
        threshold=None,
        endpoint=f"{PREFIX}/screen",
    )
    item = screening.items[0]
    hits = hit_views(item, signed.officer, state)
    return page(
        request,
        "screen.html",
        officer=signed.officer,
        form=form,
        document_types=DOCUMENT_TYPES,
        error=None,
        screened=True,
        hits=hits,
        warnings=form.warnings(),
        threshold=screening.threshold,
        algorithm=screening.algorithm,
        audit_seq=item.audit.seq,
        case=item.case,
    )
