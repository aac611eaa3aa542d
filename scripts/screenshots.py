"""Take screenshots of staff pages as a given demo user, in several languages (for looking at the UI).

Usage: python scripts/screenshots.py BASE_URL EMAIL OUTDIR path [path ...]
Environment: LANGS (default "de ar"), WIDTH (default 1280). Needs demo mode (no second factor).
"""

import os
import sys

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def main() -> None:
    base, email, outdir, *paths = sys.argv[1:]
    os.makedirs(outdir, exist_ok=True)
    langs = os.environ.get("LANGS", "de ar").split()
    width = int(os.environ.get("WIDTH", "1280"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for lang in langs:
            context = browser.new_context(viewport={"width": width, "height": 900}, locale=lang)
            context.add_cookies([{"name": "kim_language", "value": lang, "url": base}])
            page = context.new_page()
            if email != "-":
                page.goto(f"{base}/accounts/login/")
                page.fill("input[name=login]", email)
                page.fill("input[name=password]", os.environ.get("PASSWORD", "kim-demo-2026"))
                page.click("main form button[type=submit]")
            for path in paths:
                page.goto(base + path)
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=f"{outdir}/{name}-{lang}-{width}.png", full_page=True)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
