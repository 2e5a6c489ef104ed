"""Page pagination: `page` (from 1) and `page_size` (at most 500); two queries whatever the size
(the count and the page)."""

from django.db.models import QuerySet
from ninja import Query, Schema
from pydantic import create_model

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50

PageNumber = Query(1, ge=1, description="Page, à partir de 1.")
PageSize = Query(
    DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Lignes par page (500 au plus)."
)


class PageBase(Schema):
    count: int
    page: int
    page_size: int
    pages: int


def page_of(item: type[Schema], name: str) -> type[PageBase]:
    """The schema of one page of `item`s."""
    return create_model(name, __base__=PageBase, results=(list[item], ...))


def paginate(queryset: QuerySet, page: int, page_size: int) -> dict:
    count = queryset.count()
    start = (page - 1) * page_size
    rows = list(queryset[start : start + page_size]) if start < count else []
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": max(1, -(-count // page_size)),
        "results": rows,
    }
