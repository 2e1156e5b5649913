"""Pictures of an HTML article with their description, caption, credit and source URL.

trafilatura drops figures; newsgraph keeps them as ``Image`` records. A figure's caption is
split from its credit, whether the credit is marked up (``<span class="credit">``, ``<cite>``)
or written in the caption ("Photo: ...", "(AP Photo/...)", "...Image: Max Roe/REUTERS").
The texts found here are also what the body must not contain (see ``caption_texts``).
"""

from __future__ import annotations

from lxml import etree

from newsgraph.extract.captions import split_credit
from newsgraph.extract.html_metadata import element_text
from newsgraph.extract.html_selectors import selectors
from newsgraph.model import Image

__all__ = ["find_images", "caption_texts"]

# A page with more figures than this is a gallery or an index; the rest are not article images.
MAX_IMAGES = 50


def find_images(tree: etree._Element, base_url: str | None = None) -> tuple[Image, ...]:
    """The article's figures, in page order, without duplicates (same src or same caption)."""
    table = selectors()
    images: list[Image] = []
    seen_elements: set = set()
    seen_keys: set = set()
    for xpath in table.xpath["figure"]:
        if images:
            break
        for figure in xpath(tree):
            if _inside(figure, seen_elements):
                continue
            seen_elements.add(figure)
            image = _image(figure, base_url)
            if image is None:
                continue
            key = image.src or image.caption or image.credit
            if key in seen_keys:
                continue
            seen_keys.add(key)
            images.append(image)
            if len(images) >= MAX_IMAGES:
                return tuple(images)
    return tuple(images)


def caption_texts(tree: etree._Element, images: tuple[Image, ...]) -> set[str]:
    """Every caption and credit text of the page: the figures' and the free-standing ones."""
    texts = {t for image in images for t in (image.caption, image.credit) if t}
    for xpath in selectors().xpath["caption_outside_figure"]:
        for element in xpath(tree):
            text = element_text(element)
            if text:
                texts.add(text)
                caption, credit = split_credit(text)
                texts.update(t for t in (caption, credit) if t)
    return texts


def _inside(element: etree._Element, seen: set) -> bool:
    return any(ancestor in seen for ancestor in element.iterancestors()) or element in seen


def _image(figure: etree._Element, base_url: str | None) -> Image | None:
    table = selectors()
    img = _first(figure, table.xpath["figure_image"])
    description = clean_or_none(img.get("alt")) if img is not None else None
    src = _src(img, table.words["figure_image", "src_attributes"], base_url)
    caption_el = _first(figure, table.xpath["figure_caption"])
    caption = credit = None
    if caption_el is not None:
        credit_el = _first(caption_el, table.xpath["figure_credit"])
        if credit_el is None:
            credit_el = _first(figure, table.xpath["figure_credit"])
        if credit_el is not None and credit_el is not caption_el:
            credit = _text_without(credit_el) or None
            caption = _text_without(caption_el, credit_el) or None
            if credit:
                # "Photo: X" inside the credit element: keep X.
                credit = split_credit(credit)[1] or credit
        else:
            caption, credit = split_credit(_text_without(caption_el))
    if caption is None and credit is None and description is None and src is None:
        return None
    if caption is None and credit is None and img is None:
        return None
    return Image(description=description, caption=caption, credit=credit, src=src)


def _first(element: etree._Element, xpaths) -> etree._Element | None:
    for xpath in xpaths:
        for match in xpath(element):
            if isinstance(match, etree._Element):
                return match
    return None


def _text_without(element: etree._Element, skip: etree._Element | None = None) -> str:
    """The element's text without ``skip`` (a credit) and without screen-reader labels."""
    parts: list[str] = []
    hidden = {h for xpath in selectors().xpath["hidden_label"] for h in xpath(element)}

    def walk(node: etree._Element) -> None:
        if node is skip or node in hidden:
            return
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return element_text(" ".join(parts))


def _src(img: etree._Element | None, attributes: tuple[str, ...],
         base_url: str | None) -> str | None:
    if img is None:
        return None
    for attribute in attributes:
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            if base_url and not value.startswith(("http://", "https://")):
                from urllib.parse import urljoin

                value = urljoin(base_url, value)
            return value
    return None


def clean_or_none(text: str | None) -> str | None:
    """Cleaned text, or None when nothing is left."""
    return element_text(text or "") or None
