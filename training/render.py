"""HTML pages -> the text a crawler or a copy-paste makes of them, in several styles.

Each style stands for a kind of scrape reader is given: crawler Markdown (html2text, with and
without links; markdownify), plain-text extraction (inscriptis; one line per block element),
and terminal browser dumps (lynx, w3m; hard-wrapped, indented). other_styles() are crawlers no
model learns from (pandoc, Resiliparse, html-text, html-to-markdown): training.heldout scores the
cleaner on them to say how it does on a crawler it has never seen.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable

import lxml.html

_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "head")
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "nav", "aside", "li", "ul", "ol",
           "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "table", "tr",
           "td", "th", "dd", "dt", "dl", "form", "main", "br", "hr", "pre", "address", "button",
           "label", "option", "select", "time", "span_block"}


def page_title(html: str) -> str:
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    title = tree.findtext(".//title") or ""
    return " ".join(title.split())


def _body_html(html: str) -> str:
    tree = lxml.html.fromstring(html)
    for tag in _DROP:
        for element in tree.iter(tag):
            element.drop_tree() if element.getparent() is not None else None
    for comment in tree.xpath("//comment()"):
        if comment.getparent() is not None:
            comment.getparent().remove(comment)
    return lxml.html.tostring(tree, encoding="unicode")


def html2text_md(html: str, links: bool = True) -> str:
    import html2text

    h = html2text.HTML2Text()
    h.body_width = 0
    h.ignore_links = not links
    h.ignore_images = not links
    h.unicode_snob = True
    return h.handle(_body_html(html))


def jina(html: str) -> str:
    title = page_title(html)
    return f"Title: {title}\n\nURL Source: https://example.com/story\n\nMarkdown Content:\n" + html2text_md(html)


def markdownify_md(html: str) -> str:
    from markdownify import markdownify

    return markdownify(_body_html(html), heading_style="ATX", bullets="*")


def inscriptis_text(html: str) -> str:
    from inscriptis import get_text

    return get_text(_body_html(html))


def block_lines(html: str) -> str:
    """One line per block element, as innerText and many scrapers give."""
    tree = lxml.html.fromstring(_body_html(html))
    out: list[str] = []
    current: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in _BLOCKS
        if block and current:
            out.append(" ".join("".join(current).split()))
            current.clear()
        if element.text:
            current.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block and current:
            out.append(" ".join("".join(current).split()))
            current.clear()

    walk(tree)
    if current:
        out.append(" ".join("".join(current).split()))
    return "\n".join(line for line in out if line)


# lynx reads the page from a temporary file and prints its random name wherever a link points
# into the page itself ("file://localhost/tmp/lynxXXXXg4q3ml/L9750-2100TMP.html"), or its random
# folder before a relative link it cannot resolve: replaced by fixed names, so that the same page
# renders to the same text on every run.
_LYNX_TEMP = re.compile(r"/tmp/lynxXXXX\w{6}/(L\d+-\d+TMP\.html)?")


def _tool(argv: list[str], html: str) -> str:
    done = subprocess.run(argv, input=html.encode("utf-8"), capture_output=True, timeout=60)
    return _LYNX_TEMP.sub(lambda m: "/tmp/page.html" if m.group(1) else "/tmp/page/",
                          done.stdout.decode("utf-8", errors="replace"))


def lynx(html: str) -> str:
    return _tool(["lynx", "-dump", "-stdin", "-force_html", "-nolist", "-width=80",
                  "-assume_charset=utf-8", "-display_charset=utf-8"], html)


def lynx_refs(html: str) -> str:
    return _tool(["lynx", "-dump", "-stdin", "-force_html", "-width=80",
                  "-assume_charset=utf-8", "-display_charset=utf-8"], html)


def w3m(html: str) -> str:
    return _tool(["w3m", "-dump", "-T", "text/html", "-cols", "100", "-O", "UTF-8",
                  "-I", "UTF-8"], html)


def styles() -> dict[str, Callable[[str], str]]:
    """The rendering styles available on this machine (lynx and w3m are Debian packages)."""
    found: dict[str, Callable[[str], str]] = {
        "html2text": html2text_md,
        "html2text-nolinks": lambda h: html2text_md(h, links=False),
        "jina": jina,
        "markdownify": markdownify_md,
        "inscriptis": inscriptis_text,
        "lines": block_lines,
    }
    missing = [tool for tool in ("lynx", "w3m") if not shutil.which(tool)]
    if "lynx" not in missing:
        found["lynx"] = lynx
        found["lynx-refs"] = lynx_refs
    if "w3m" not in missing:
        found["w3m"] = w3m
    if missing:
        # The models and every held-out figure are made with all nine styles: without these the
        # training set is a third smaller and the figures are not comparable.
        print(f"training.render: {' and '.join(missing)} not installed (apt-get install lynx w3m): "
              "their renderings are left out", file=sys.stderr)
    return found


# Crawlers no model learns from -------------------------------------------------------------------


def pandoc_gfm(html: str) -> str:
    import pypandoc

    return pypandoc.convert_text(_body_html(html), "gfm-raw_html", format="html", extra_args=["--wrap=none"])


def pandoc_plain(html: str) -> str:
    """pandoc's plain text: hard-wrapped at 72 columns, images as "[alt]", tables drawn in ASCII."""
    import pypandoc

    return pypandoc.convert_text(_body_html(html), "plain", format="html")


def resiliparse_text(html: str) -> str:
    """Resiliparse's plain text of the whole page (as Common Crawl tools make it), lists bulleted."""
    from resiliparse.extract.html2text import extract_plain_text

    return extract_plain_text(html, main_content=False, preserve_formatting=True, list_bullets=True,
                              links=False, alt_texts=False)


def html_text_text(html: str) -> str:
    import html_text

    return html_text.extract_text(html)


def html_to_markdown_md(html: str) -> str:
    import html_to_markdown

    return html_to_markdown.convert(_body_html(html)).content or ""


def other_styles() -> dict[str, Callable[[str], str]]:
    """Crawlers no model learns from, those installed (`pip install '.[train]'`)."""
    import importlib.util

    wanted = {"pandoc-gfm": ("pypandoc", pandoc_gfm), "pandoc-plain": ("pypandoc", pandoc_plain),
              "resiliparse": ("resiliparse", resiliparse_text), "html-text": ("html_text", html_text_text),
              "html-to-markdown": ("html_to_markdown", html_to_markdown_md)}
    found = {style: render for style, (module, render) in wanted.items() if importlib.util.find_spec(module)}
    if len(found) < len(wanted):
        print(f"training.render: {', '.join(sorted(set(wanted) - set(found)))} not installed: "
              "left out of the unseen crawlers' figures", file=sys.stderr)
    return found
