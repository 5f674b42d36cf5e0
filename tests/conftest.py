"""Shared fixtures: the bundled seeds built once per session, and an offline headless browser."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cadregraph.pipeline import build_graph, bundled_seeds, extract_corpus

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def seeds_corpus():
    return extract_corpus([bundled_seeds()])


@pytest.fixture(scope="session")
def seeds_graph(seeds_corpus):
    return build_graph(seeds_corpus)


@pytest.fixture(scope="session")
def built_seeds(tmp_path_factory) -> Path:
    from cadregraph.outputs.build_outputs import run_build
    from cadregraph.graph.namespaces import DEFAULT_BASE

    out = tmp_path_factory.mktemp("seeds-build") / "out"
    run_build([], out, base=DEFAULT_BASE)
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run scripts/install-test-deps.sh")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class OfflinePage:
    """A page where every request that is not a local file (or under one of `allow`, e.g. the
    address of a `cadregraph serve` started by the test) is blocked and recorded."""

    def __init__(self, browser, allow: tuple[str, ...] = (), **context_options):
        self.allow = tuple(allow)
        self.context = browser.new_context(accept_downloads=True, **context_options)
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "about:") + self.allow):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, path: Path | str):
        self.page.goto(path if str(path).startswith("http") else Path(path).resolve().as_uri())
        self.page.wait_for_function("window.cadregraph && window.cadregraph.ready === true", timeout=15000)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def offline_page(browser):
    page = OfflinePage(browser)
    yield page
    page.close()
