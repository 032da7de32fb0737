#!/usr/bin/env python3
"""The HTTP side of scripts/bench-serve.sh: clients of advocacy-server, signed
in through the trusted proxy header, with httpx and asyncio.

  load   URL PEOPLE SECONDS PROJECT ACKED   one client a person (a line of PEOPLE),
         reading (ranking, my actions page) as fast as answers come and writing
         (a new post on the person's own blog, then new figures for it) at most
         once every WRITE_INTERVAL seconds, under the server's 60 a minute
  burst  URL PEOPLE WRITES PROJECT ACKED     writes only, CONCURRENCY clients, client t
         writing as PEOPLE's lines t, t + CONCURRENCY... in turn, as
         InProcessWrites does in-process; with --until-killed, a refused
         connection ends a client quietly (the kill test, which is what bench-serve.sh
         uses it for: the measured write burst is wrk's, bench-serve-writes.lua)
  verify DB ACKED                            every acknowledged write is in the database

ACKED gets one JSON line per write answered 2xx ({"url", "reactions"}),
flushed as it comes, so the kill test knows what was acknowledged before the
kill. load and burst print one JSON object of figures on standard output.
"""
import asyncio
import datetime
import json
import os
import sqlite3
import sys
import time

import httpx

WRITE_INTERVAL = float(os.environ.get("WRITE_INTERVAL", "1.2"))  # 50 writes a minute at most: under 60
CONCURRENCY = int(os.environ.get("CONCURRENCY", "200"))


def blog_url(email, tag, index):
    """The address InProcessWrites.url(for:tag:index:) makes."""
    local = email.split("@", 1)[0].replace(".", "-")
    return f"https://blog-{local}.bench.example/{tag}-{index}"


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Recorder:
    def __init__(self, acked_path):
        self.latencies = {}
        self.errors = []
        self.acked = open(acked_path, "a", buffering=1)

    async def call(self, kind, client, method, path, email, body=None, ack=None):
        start = time.perf_counter()
        headers = {"X-Forwarded-Email": email}
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            response = await client.request(method, path, headers=headers, content=json.dumps(body) if body else None)
        except httpx.HTTPError as error:
            self.errors.append(f"{kind} {path} as {email}: {type(error).__name__} {error}")
            raise
        elapsed = time.perf_counter() - start
        if not 200 <= response.status_code < 300:
            self.errors.append(f"{kind} {path} as {email}: {response.status_code} {response.text[:300]}")
            return False
        self.latencies.setdefault(kind, []).append(elapsed)
        if ack is not None:
            self.acked.write(json.dumps(ack) + "\n")
        return True

    def figures(self, seconds, client_cpu):
        total = sum(len(v) for v in self.latencies.values())
        kinds = {}
        for kind, values in sorted(self.latencies.items()):
            kinds[kind] = {
                "count": len(values),
                "p50_ms": round(percentile(values, 0.50) * 1000, 1),
                "p99_ms": round(percentile(values, 0.99) * 1000, 1),
            }
        return {
            "seconds": round(seconds, 2),
            "requests": total,
            "requests_per_s": round(total / seconds, 1),
            "writes": sum(len(v) for k, v in self.latencies.items() if k.startswith("write")),
            "errors": len(self.errors),
            "first_errors": self.errors[:5],
            "client_cpu_s": round(client_cpu, 1),
            "kinds": kinds,
        }


def quarter():
    today = datetime.date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def client_for(url, connections):
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(base_url=url, limits=limits, timeout=httpx.Timeout(120.0))


async def load(url, people, seconds, project, acked):
    recorder = Recorder(acked)
    period = quarter()
    end = time.perf_counter() + seconds

    async def person(index, email, client):
        next_write, posts, reads = time.perf_counter() + (index % 10) * WRITE_INTERVAL / 10, 0, 0
        latest = None
        while time.perf_counter() < end:
            if time.perf_counter() >= next_write:
                next_write = max(time.perf_counter(), next_write) + WRITE_INTERVAL
                if latest is None or posts % 2 == 0:
                    latest = blog_url(email, "load", posts)
                    body = {"url": latest, "title": f"Bench post {posts}", "projects": [project], "reactions": 3}
                    ok = await recorder.call("write: log", client, "POST", "/api/v1/actions", email, body,
                                             {"url": latest, "reactions": 3})
                else:
                    reactions = 3 + posts
                    body = {"url": latest, "reactions": reactions}
                    ok = await recorder.call("write: metrics", client, "POST", "/api/v1/actions/metrics", email, body,
                                             {"url": latest, "reactions": reactions})
                posts += 1
                if not ok:
                    return
            else:
                reads += 1
                if reads % 2:
                    ok = await recorder.call("read: ranking API", client, "GET", f"/api/v1/ranking?period={period}", email)
                else:
                    ok = await recorder.call("read: my actions page", client, "GET", "/me/actions", email)
                if not ok:
                    return

    cpu, start = time.process_time(), time.perf_counter()
    async with client_for(url, len(people)) as client:
        await asyncio.gather(*(person(i, e, client) for i, e in enumerate(people)), return_exceptions=True)
    return recorder.figures(time.perf_counter() - start, time.process_time() - cpu)


async def burst(url, people, writes, project, acked, until_killed):
    recorder = Recorder(acked)
    tasks = min(CONCURRENCY, len(people))

    async def writer(task, client):
        mine = people[task::tasks]
        count = writes // tasks + (1 if task < writes % tasks else 0)
        logged = None
        for index in range(count):
            email = mine[(index // 2) % len(mine)]
            try:
                if index % 2 == 1 and logged:
                    ok = await recorder.call("write: metrics", client, "POST", "/api/v1/actions/metrics", email,
                                             {"url": logged, "reactions": 5}, {"url": logged, "reactions": 5})
                else:
                    logged = blog_url(email, f"api-{task}", index)
                    body = {"url": logged, "title": f"Bench post {index}", "projects": [project], "reactions": 3}
                    ok = await recorder.call("write: log", client, "POST", "/api/v1/actions", email, body,
                                             {"url": logged, "reactions": 3})
            except httpx.HTTPError:
                if until_killed:
                    return
                raise
            if not ok:
                return

    cpu, start = time.process_time(), time.perf_counter()
    async with client_for(url, tasks) as client:
        await asyncio.gather(*(writer(t, client) for t in range(tasks)), return_exceptions=True)
    figures = recorder.figures(time.perf_counter() - start, time.process_time() - cpu)
    figures["writes_per_s"] = round(figures["writes"] / figures["seconds"], 1)
    if until_killed:
        figures["errors_after_kill"] = figures.pop("errors")
    return figures


def verify(db, acked):
    """Every acknowledged write is there: the post, with figures at least those acknowledged."""
    latest = {}
    with open(acked) as lines:
        for line in lines:
            write = json.loads(line)
            latest[write["url"]] = max(latest.get(write["url"], 0), write["reactions"])
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored = dict(connection.execute(
        """SELECT a.url, (SELECT reactions FROM metricsSnapshot WHERE actionId = a.id ORDER BY date DESC LIMIT 1)
           FROM action a WHERE a.url LIKE 'https://blog-%.bench.example/%'"""))
    missing = [url for url in latest if url not in stored]
    stale = [url for url, reactions in latest.items() if url in stored and (stored[url] or 0) < reactions]
    print(json.dumps({"acknowledged_posts": len(latest), "missing": len(missing), "stale_figures": len(stale),
                      "examples": (missing + stale)[:5]}))
    return not missing and not stale


def main(argv):
    mode = argv[1]
    if mode == "verify":
        return 0 if verify(argv[2], argv[3]) else 1
    url, people_file, amount, project, acked = argv[2:7]
    people = [line.strip() for line in open(people_file) if line.strip()]
    if mode == "load":
        figures = asyncio.run(load(url, people, float(amount), project, acked))
    else:
        figures = asyncio.run(burst(url, people, int(amount), project, acked, "--until-killed" in argv))
    print(json.dumps(figures))
    return 1 if figures.get("errors") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
