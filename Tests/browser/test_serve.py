"""`wgmfig serve` in a real browser (headless Chromium driven by Selenium) and over raw HTTP.

Starts wgmfig-serve on a free loopback port with a private cache and specs folder, and
chromedriver on another; stops both by PID. Checks: a panel's page draws, moving a slider draws a
new final image and changes the page's number for the input; an exported YAML spec rendered by
`wgmfig render` is byte-identical to the served PNG; bad values show the CLI's one-line message;
path traversal, unknown ids, malformed and oversized bodies get 4xx and the server stays up; SIGTERM
stops it cleanly. Run: python Tests/browser/test_serve.py --server BIN --cli BIN [--screenshot PNG]
"""
import argparse
import base64
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SPEC = """id: tiny-line
title: T versus detuning (a test spec)
model: om
sweep:
  - input: Delta_tilde_over_Gamma
    range: [-3, 3]
    count: {final: 41, draft: 9}
outputs: [T]
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """wgmfig-serve on port 0; the bound port is read from its first line."""

    def __init__(self, binary, workdir):
        self.specs = os.path.join(workdir, "specs")
        os.makedirs(self.specs)
        with open(os.path.join(self.specs, "tiny-line.yaml"), "w") as f:
            f.write(SPEC)
        with open(os.path.join(workdir, "secret.yaml"), "w") as f:
            f.write(SPEC.replace("tiny-line", "secret"))
        os.symlink(os.path.join(workdir, "secret.yaml"), os.path.join(self.specs, "escape.yaml"))
        env = dict(os.environ, WGMFIG_CACHE_DIR=os.path.join(workdir, "cache"))
        self.env = env
        self.proc = subprocess.Popen([binary, "--port", "0", "--specs", self.specs], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        if "listening on" not in line:
            raise RuntimeError(f"wgmfig-serve did not start: {line!r}")
        self.port = int(line.rsplit(":", 1)[1].strip(" /\n"))
        self.base = f"http://127.0.0.1:{self.port}"

    def raw(self, method, path, body=None, headers=None):
        """One request with the path sent exactly as given (no normalisation)."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        c.putrequest(method, path, skip_accept_encoding=True)
        body = body if body is None or isinstance(body, bytes) else body.encode()
        for k, v in (headers or {}).items():
            c.putheader(k, v)
        if body is not None:
            c.putheader("Content-Length", str(len(body)))
        c.endheaders(body)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, data, dict(r.getheaders())

    def stop(self):
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


class Browser:
    """chromedriver started by PID, headless Chromium through it."""

    def __init__(self):
        self.port = free_port()
        self.proc = subprocess.Popen([shutil.which("chromedriver"), f"--port={self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                  "--window-size=1440,1000", "--force-device-scale-factor=1"):
            options.add_argument(a)
        self.driver = webdriver.Remote(f"http://127.0.0.1:{self.port}", options=options)

    def stop(self):
        try:
            self.driver.quit()
        except Exception:
            pass
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)


def image_digest(driver):
    """SHA-256 of the bytes behind the page's figure."""
    data = driver.execute_script("""
        const img = document.getElementById('figure'), c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        c.getContext('2d').drawImage(img, 0, 0);
        return c.toDataURL('image/png').split(',')[1];""")
    assert not data.startswith("error"), data
    return hashlib.sha256(base64.b64decode(data)).hexdigest()


def wait_final(driver, after_seq, timeout=120):
    """Waits until a final view newer than `after_seq` is drawn and nothing is in flight."""
    def ready(d):
        img = d.find_element(By.ID, "figure")
        seq = img.get_attribute("data-seq")
        return (seq is not None and int(seq) > after_seq and img.get_attribute("data-quality") == "final"
                and d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "idle"
                and d.execute_script("return document.getElementById('figure').complete"))
    WebDriverWait(driver, timeout, poll_frequency=0.1).until(ready)
    return int(driver.find_element(By.ID, "figure").get_attribute("data-seq"))


def fetch(url):
    with urllib.request.urlopen(url, timeout=120) as r:
        return r.read()


class Suite:
    def __init__(self, args, workdir, server, browser):
        self.args, self.workdir, self.server, self.browser = args, workdir, server, browser
        self.passed = self.failed = 0

    def run(self, name, fn):
        try:
            fn()
            self.passed += 1
            print(f"PASS {name}", flush=True)
        except Exception:
            self.failed += 1
            print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)

    # -- in the browser --------------------------------------------------------------------

    def test_slider_redraws_and_changes_the_number(self):
        d = self.browser.driver
        d.get(self.server.base + "/view/om-3a")
        first = wait_final(d, 0)
        before = image_digest(d)
        number = d.find_element(By.ID, "in-T_e_K")
        assert number.get_attribute("value") == "0.2", number.get_attribute("value")
        slider = d.find_element(By.CSS_SELECTOR, "input.slider[data-name='T_e_K']")
        assert "log" in slider.get_attribute("class")
        ActionChains(d).click_and_hold(slider).move_by_offset(25, 0).move_by_offset(25, 0).release().perform()
        after_seq = wait_final(d, first)
        value = number.get_attribute("value")
        assert value != "0.2" and float(value) > 0.2, value
        after = image_digest(d)
        assert after != before, "the figure did not change"
        # The page's view is the server's: the same view fetched directly gives the same bytes.
        self.moved_value = value
        assert d.find_element(By.CSS_SELECTOR, ".control[data-name='T_e_K']").get_attribute("class").count("changed")
        self.last_seq = after_seq

    def test_exported_spec_renders_the_same_figure(self):
        d = self.browser.driver
        spec_url = d.find_element(By.ID, "export-spec").get_attribute("href")
        png_url = d.find_element(By.ID, "export-png").get_attribute("href")
        assert "T_e_K" in urllib.parse.unquote(spec_url), spec_url
        text = fetch(spec_url).decode()
        assert "builtin: om-3a" in text and f"T_e_K: {self.moved_value}" in text, text
        spec = os.path.join(self.workdir, "om-3a-view.yaml")
        with open(spec, "w") as f:
            f.write(text)
        out = os.path.join(self.workdir, "rendered")
        subprocess.run([self.args.cli, "render", spec, "--style", "paper", "--quality", "final", "--format", "png",
                        "--out", out, "--quiet"], check=True, env=self.server.env)
        with open(os.path.join(out, "om-3a-view.png"), "rb") as f:
            rendered = f.read()
        served = fetch(png_url)
        assert served[:8] == b"\x89PNG\r\n\x1a\n" and len(served) > 1000
        assert rendered == served, "wgmfig render of the exported spec differs from the served PNG"
        for fmt, magic in (("pdf", b"%PDF"), ("svg", b"<?xml")):
            body = fetch(d.find_element(By.ID, f"export-{fmt}").get_attribute("href"))
            assert body.startswith(magic), body[:20]
        csv = fetch(d.find_element(By.ID, "export-csv").get_attribute("href")).decode()
        assert csv.splitlines()[0].startswith("beta_rad,Delta_over_Gamma"), csv[:80]
        assert len(csv.splitlines()) == 201 * 201 + 1

    def test_bad_value_shows_the_cli_message(self):
        d = self.browser.driver
        number = d.find_element(By.ID, "in-T_e_K")
        number.send_keys(Keys.CONTROL, "a")
        number.send_keys("1e9", Keys.ENTER)
        WebDriverWait(d, 30).until(lambda d: not d.find_element(By.ID, "error").get_attribute("hidden"))
        text = d.find_element(By.ID, "error").text
        assert text == "Error: T_e_K = '1e9' is not allowed: give a number in [1e-06, 10000]", text
        d.find_element(By.CSS_SELECTOR, ".control[data-name='T_e_K'] button.reset").click()
        wait_final(d, self.last_seq)
        assert number.get_attribute("value") == "0.2"

    def test_spec_page_has_controls(self):
        d = self.browser.driver
        d.get(self.server.base + "/view/tiny-line.yaml")
        wait_final(d, 0)
        names = [e.get_attribute("data-name") for e in d.find_elements(By.CSS_SELECTOR, ".control")]
        assert "T_e_K" in names and "Delta_tilde_over_Gamma" in names, names
        locked = d.find_element(By.CSS_SELECTOR, ".control[data-name='Delta_tilde_over_Gamma']")
        assert "locked" in locked.get_attribute("class")

    def screenshot(self):
        d = self.browser.driver
        d.get(self.server.base + "/view/om-3a")
        seq = wait_final(d, 0)
        number = d.find_element(By.ID, "in-P_W")
        number.send_keys(Keys.CONTROL, "a")
        number.send_keys("0.05", Keys.ENTER)
        wait_final(d, seq)
        d.save_screenshot(self.args.screenshot)

    # -- over raw HTTP --------------------------------------------------------------------

    def test_no_file_outside_assets_and_specs(self):
        s = self.server
        for path in ("/assets/../../../../etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd", "/assets/%2e%2e/Package.swift",
                     "/view/..%2f..%2fsecret.yaml", "/view/escape.yaml", "/api/describe?id=../secret.yaml",
                     "/api/render?id=..%2Fsecret.yaml", "/api/render?id=/etc/passwd.yaml", "/api/render?id=escape.yaml",
                     "/api/render?id=om-3a&style=../../etc/passwd", "/view/%00.yaml", "/../../etc/passwd"):
            status, body, _ = s.raw("GET", path)
            assert 400 <= status < 500, (path, status)
            assert b"root:" not in body and b"secret" not in body.lower().replace(b"secret.yaml", b""), (path, body[:200])
        status, body, _ = s.raw("GET", "/assets/explorer.js")
        assert status == 200 and b"use strict" in body

    def test_bad_requests_get_4xx_with_one_line(self):
        s = self.server
        cases = [
            ("GET", "/api/render?id=om-3x", None, 404, "Error: unknown figure id 'om-3x': did you mean om-3, om-3a, om-3b?"),
            ("GET", "/api/render?id=om-3a&set=T_e_K=-1", None, 400, "Error: T_e_K = '-1' is not allowed: give a number in [1e-06, 10000]"),
            ("GET", "/api/render?id=om-3a&set=beta_rad=1", None, 400, "Error: beta_rad is swept by om-3a (an axis or series of the panel): it cannot be set; see `wgmfig show om-3a`"),
            ("GET", "/api/render?id=om-3a&set=bogus=1", None, 400, None),
            ("GET", "/api/render?id=om-3a&set=T_e_K", None, 400, "Error: --set 'T_e_K' is not NAME=VALUE (e.g. --set T_e_K=1)"),
            ("GET", "/api/render?id=om-3a&width=999999", None, 400, None),
            ("GET", "/api/render?id=om-3a&quality=best", None, 400, "Error: quality = 'best' is not allowed: give draft or final"),
            ("GET", "/api/render?id=om-3a&frobnicate=1", None, 400, None),
            ("POST", "/api/render", "{not json", 400, None),
            ("POST", "/api/render", '{"id": "om-3a", "inputs": {"T_e_K": true}}', 400, None),
            ("POST", "/api/render", "[1, 2]", 400, None),
            ("POST", "/api/render", "x" * (200 * 1024), 413, None),
            ("GET", "/api/csv?id=om-3a&table=nope", None, 404, None),
            ("GET", "/nowhere", None, 404, None),
        ]
        for method, path, body, want, message in cases:
            status, data, _ = s.raw(method, path, body, {"Content-Type": "application/json"} if body else None)
            text = data.decode(errors="replace")
            assert status == want, (path, status, text)
            assert text.startswith("Error: ") and text.count("\n") == 1, (path, text)
            if message:
                assert text.strip() == message, (path, text)
        status, _, _ = s.raw("GET", "/")
        assert status == 200, "the server went down"

    def test_sigterm_stops_cleanly(self):
        s = self.server
        os.kill(s.proc.pid, signal.SIGTERM)
        code = s.proc.wait(timeout=20)
        rest = s.proc.stdout.read()
        assert code == 0, code
        assert "stopped" in rest, rest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--screenshot")
    args = ap.parse_args()
    workdir = tempfile.mkdtemp(prefix="wgmfig-serve-test-")
    server = browser = None
    try:
        server = Server(args.server, workdir)
        browser = Browser()
        suite = Suite(args, workdir, server, browser)
        if args.screenshot:
            suite.screenshot()
            print(f"wrote {args.screenshot}")
            return 0
        for name in ("test_slider_redraws_and_changes_the_number", "test_exported_spec_renders_the_same_figure",
                     "test_bad_value_shows_the_cli_message", "test_spec_page_has_controls",
                     "test_no_file_outside_assets_and_specs", "test_bad_requests_get_4xx_with_one_line",
                     "test_sigterm_stops_cleanly"):
            suite.run(name, getattr(suite, name))
        print(f"browser: {suite.passed} passed, {suite.failed} failed")
        return 1 if suite.failed else 0
    finally:
        if browser:
            browser.stop()
        if server:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
