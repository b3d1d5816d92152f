"""Page → Article: the body as paragraphs, with chrome dropped and reader comments split off.

HTML pages go through `frontwire.article.html` (a maintained extractor plus our own
comment and metadata readers); pages already flattened to text go through our own
line segmenter, `frontwire.article.text`. Both return an `Article`; the outlet is
then recognised from the URL or from the page's own text (`frontwire.outlets`).
"""

from __future__ import annotations

from frontwire.config import DEFAULT, Settings, plausible_date
from frontwire.records import Article, Page


def extract(page: Page, settings: Settings = DEFAULT) -> Article:
    """One page → one article. Raises `ExtractionError` when no article can be made."""
    if page.kind == "html":
        from frontwire.article.html import extract_html

        article = extract_html(page, settings)
    else:
        from frontwire.article.text import extract_text

        article = extract_text(page, settings)
    if article.outlet is None:
        from frontwire.outlets import registry_for

        article.outlet = registry_for(settings).identify(
            article.canonical_url or page.url, page.content, site_name=article.site_name
        )
    article.published = plausible_date(article.published) or plausible_date(page.published)
    return article


__all__ = ["extract"]
