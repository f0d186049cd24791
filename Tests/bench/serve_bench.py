"""`make bench` group `serve`: the explorer's latency and its behaviour under load, measured
with a real HTTP client (http.client) against a real wgmfig-serve on a free port.

1. Latency of a parameter change to a new image: GET /api/render with a new value of an input
   each time (a cache miss: the sweep is recomputed and drawn), as the page asks for it (PNG
   1000 px wide), median and max of N requests:
   om-3a at draft and at final quality (P_W), spb-1b at draft (P_in_fW).
2. 100 concurrent requests (16 client threads) with random valid and invalid parameters:
   every answer must be 2xx or 4xx (never 5xx, never a dropped connection) and the server must
   still answer afterwards; the server's peak RSS (VmHWM) is reported.

Prints one line per measurement; exit 1 when a check fails.
    python3 Tests/bench/serve_bench.py --server .build/release/wgmfig-serve
"""
import argparse
import concurrent.futures
import http.client
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse


class Server:
    def __init__(self, binary, cache):
        env = dict(os.environ, WGMFIG_CACHE_DIR=cache)
        self.proc = subprocess.Popen([binary, "--port", "0"], env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        if "listening on" not in line:
            raise RuntimeError(f"wgmfig-serve did not start: {line!r}")
        self.port = int(line.rsplit(":", 1)[1].strip(" /\n"))

    def get(self, path, timeout=300):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            c.request("GET", path)
            r = c.getresponse()
            body = r.read()
            return r.status, body
        finally:
            c.close()

    def peak_rss_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


PAGE_WIDTH = 1000  # px: what the page asks for in a ~1000 px wide figure pane (ExplorerJS: min(pane, 1400) × dpr)


def render_path(figure, quality, name, value):
    q = urllib.parse.urlencode([("id", figure), ("quality", quality), ("format", "png"), ("width", PAGE_WIDTH),
                                ("set", f"{name}={value}")])
    return "/api/render?" + q


def latency(server, figure, quality, name, values, target_ms):
    times = []
    for v in values:
        t0 = time.perf_counter()
        status, body = server.get(render_path(figure, quality, name, v))
        times.append((time.perf_counter() - t0) * 1e3)
        if status != 200 or not body.startswith(b"\x89PNG"):
            print(f"serve latency {figure} {quality}: FAILED: {name}={v} answered {status} {body[:120]!r}")
            return False
    median = statistics.median(times)
    verdict = "ok" if median <= target_ms else "OVER TARGET"
    print(f"serve latency {figure} {quality}: parameter change ({name}) to a new {PAGE_WIDTH} px PNG, {len(times)} requests: "
          f"median {median:.0f} ms, max {max(times):.0f} ms (target <= {target_ms} ms median: {verdict})")
    return median <= target_ms


def random_request(rng):
    """A random view request: valid, out of range, unknown, malformed or huge."""
    kind = rng.choice(["valid-om", "valid-spb", "range", "unknown-id", "unknown-input", "malformed", "huge"])
    if kind == "valid-om":
        return render_path("om-3a", "draft", "T_e_K", round(rng.uniform(0.05, 2), 4)), (200,)
    if kind == "valid-spb":
        return render_path("spb-1b", "draft", "P_in_fW", round(rng.uniform(1, 8), 4)), (200,)
    if kind == "range":
        return render_path("om-3a", "draft", "T_e_K", -rng.uniform(1, 10)), (400,)
    if kind == "unknown-id":
        return "/api/render?id=om-" + str(rng.randint(10, 99)) + "z", (404,)
    if kind == "unknown-input":
        return render_path("om-2a", "draft", "nonsense_" + str(rng.randint(0, 9)), 1), (400,)
    if kind == "malformed":
        return "/api/render?id=om-3a&set=" + rng.choice(["=", "P_W", "P_W==", "%ZZ"]), (400,)
    return "/api/render?id=om-3a&width=" + str(rng.randint(10**6, 10**9)), (400,)


def load(server, count, threads, seed=20261203):
    rng = random.Random(seed)
    requests = [random_request(rng) for _ in range(count)]
    bad = []

    def one(item):
        path, expected = item
        try:
            status, body = server.get(path, timeout=600)
        except Exception as e:  # a dropped connection or a timeout is a failure
            return path, None, repr(e)
        return path, status, body[:100]

    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(one, requests))
    seconds = time.perf_counter() - t0
    statuses = {}
    for (path, status, detail), (_, expected) in zip(results, requests):
        statuses[status] = statuses.get(status, 0) + 1
        if status is None or not (200 <= status < 500) or status not in expected:
            bad.append(f"{path} -> {status} {detail!r} (expected {expected})")
    alive = server.proc.poll() is None and server.get("/api/figures")[0] == 200
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0])))
    ok = not bad and alive
    print(f"serve load: {count} concurrent random requests ({threads} clients) in {seconds:.1f} s: {summary}; "
          f"server {'up' if alive else 'DOWN'} afterwards; peak RSS {server.peak_rss_mib():.0f} MiB"
          + ("" if ok else f"; FAILED: {len(bad)} unexpected answers, first: {bad[0] if bad else 'server down'}"))
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--server", required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        server = Server(args.server, cache)
        try:
            rng = random.Random(7)
            ok = latency(server, "om-3a", "draft", "P_W", [round(rng.uniform(0.01, 0.05), 5) for _ in range(15)], 150)
            ok &= latency(server, "om-3a", "final", "P_W", [round(rng.uniform(0.01, 0.05), 5) for _ in range(7)], 400)
            ok &= latency(server, "spb-1b", "draft", "P_in_fW", [round(rng.uniform(1, 8), 4) for _ in range(9)], 500)
            ok &= load(server, 100, 16)
        finally:
            server.stop()
    sys.exit(0 if ok else 1)


main()
