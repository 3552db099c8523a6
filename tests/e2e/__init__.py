"""Browser tests: the demo served by a live server, driven in Debian's Chromium by Playwright."""
