-- The write burst of scripts/bench-serve.sh, for wrk (one thread, run with
-- `-t 1`): the writes InProcessWrites makes in-process, made through the API.
--
--   wrk -t 1 -c 200 -d 300s --timeout 120s -s scripts/bench-serve-writes.lua URL \
--       -- PEOPLE WRITES PROJECT ACKED FIGURES
--
-- Half the writes are new posts (POST /api/v1/actions, 3 reactions, a unique
-- address on the writer's own blog, as InProcessWrites.url makes), the other
-- half new figures (POST /api/v1/actions/metrics, reactions 5) for a post this
-- burst has just had acknowledged, by the same person. Post k is written as
-- PEOPLE's line k (in turn, from the top), signed in through X-Forwarded-Email,
-- so each person makes one post and its figures: nobody nears the rate limit.
--
-- wrk's response() does not say which request it answers, so a post's
-- address is read back from its 201 answer, then its figures are the next
-- write any connection makes. The last figures wait for the last posts: a
-- connection with nothing to write yet idles (delay()) rather than send
-- something else, so exactly WRITES writes are sent and no other request.
--
-- ACKED gets a JSON line per write answered 2xx ({"url", "reactions"}), as
-- scripts/bench-serve-client.py's, so its `verify` checks them in the
-- database. When every answer is in (or at the first non-2xx answer) the
-- script stops wrk (SIGINT) and done() writes FIGURES, one JSON object:
-- writes answered 2xx, posts, figures, non-2xx answers (and the first of
-- them), wrk's socket errors, the seconds from the first request sent to the
-- last answer, writes/s, latency p50/p99 in ms.

local ffi = require("ffi")
ffi.cdef [[
struct bench_timespec { long tv_sec; long tv_nsec; };
int clock_gettime(int clock, struct bench_timespec *now);
int getpid(void);
int kill(int pid, int signal);
]]

local function now()
    local t = ffi.new("struct bench_timespec")
    ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC
    return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end

-- The main state (done()) reads each thread's figures through these.
local threads = {}
function setup(thread)
    table.insert(threads, thread)
end

local people, project, acked
figures_path = nil -- a global: done() runs in the main state, which init() never sees
local writes, posts_total
-- Counters (globals, so that done() can read them with thread:get).
posts_sent, metrics_sent, posts_acked, metrics_acked, answers, failed = 0, 0, 0, 0, 0, 0
first_failures, started, finished, stray = {}, nil, nil, 0
local reserved = 0        -- delay() calls that said "go", whose request() has not come yet
local queue, head, tail = {}, 1, 0 -- posts acknowledged, waiting for their figures: {url, email}
local sent_by = {}        -- post address -> who wrote it, until its answer
local verifying = true    -- wrk calls request() once before the run, to check its format

function init(args)
    people = {}
    for line in io.lines(args[1]) do
        if line ~= "" then table.insert(people, line) end
    end
    writes = tonumber(args[2])
    project = args[3]
    acked = assert(io.open(args[4], "a"))
    acked:setvbuf("line")
    figures_path = args[5]
    posts_total = math.ceil(writes / 2)
    assert(#people > 0, "no people in " .. args[1])
end

-- InProcessWrites.url(for:tag:index:): blog- and the email's local part, dots as dashes.
local function blog_url(email, index)
    local localpart = email:match("^([^@]*)"):gsub("%.", "-")
    return "https://blog-" .. localpart .. ".bench.example/api-w-" .. index
end

local function json_string(text)
    return '"' .. text:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

local function post(path, email, body)
    return wrk.format("POST", path, {
        ["Host"] = wrk.headers["Host"],
        ["X-Forwarded-Email"] = email,
        ["Content-Type"] = "application/json",
    }, body)
end

-- Whether this connection has a write to make now; if not, it idles (an hour, longer than any run).
function delay()
    local available = (tail - head + 1) + (posts_total - posts_sent)
    if finished == nil and available - reserved > 0 then
        reserved = reserved + 1
        return 0
    end
    return 3600000
end

function request()
    if verifying then
        verifying = false
        return wrk.format("GET", "/healthz")
    end
    started = started or now()
    reserved = reserved - 1
    if head <= tail then
        local item = queue[head]
        queue[head] = nil
        head = head + 1
        metrics_sent = metrics_sent + 1
        return post("/api/v1/actions/metrics", item[2],
            '{"url": ' .. json_string(item[1]) .. ', "reactions": 5}')
    elseif posts_sent < posts_total then
        local email = people[posts_sent % #people + 1]
        local url = blog_url(email, posts_sent)
        sent_by[url] = email
        posts_sent = posts_sent + 1
        return post("/api/v1/actions", email,
            '{"url": ' .. json_string(url) .. ', "title": "Bench post ' .. (posts_sent - 1) ..
            '", "projects": [' .. json_string(project) .. '], "reactions": 3}')
    end
    -- Not reached while delay() reserves; counted (and failed on) if it ever is.
    stray = stray + 1
    return wrk.format("GET", "/healthz")
end

local function finish()
    finished = finished or now()
    acked:flush()
    ffi.C.kill(ffi.C.getpid(), 2) -- SIGINT: wrk stops at once and calls done()
end

-- The address of the action in an answer: the one this burst made ("/api-w-").
local function answered_url(body)
    for url in body:gmatch('"url"%s*:%s*"([^"]*)"') do
        url = url:gsub("\\/", "/")
        if url:find("/api-w-", 1, true) then return url end
    end
    return nil
end

function response(status, headers, body)
    answers = answers + 1
    local url = answered_url(body)
    if (status == 201 or status == 200) and url then
        if status == 201 then
            local email = sent_by[url]
            sent_by[url] = nil
            if email == nil then
                failed = failed + 1
                table.insert(first_failures, "201 for an address not sent: " .. url)
                return finish()
            end
            tail = tail + 1
            queue[tail] = { url, email }
            posts_acked = posts_acked + 1
            acked:write('{"url": ', json_string(url), ', "reactions": 3}\n')
        else
            metrics_acked = metrics_acked + 1
            acked:write('{"url": ', json_string(url), ', "reactions": 5}\n')
        end
    else
        failed = failed + 1
        if #first_failures < 5 then table.insert(first_failures, status .. " " .. body:sub(1, 300)) end
        return finish() -- the run has failed: no point waiting for the rest
    end
    if answers == writes then finish() end
end

function done(summary, latency, requests)
    local f = {
        posts = 0, metrics = 0, answers = 0, non_2xx = 0, stray = 0, first_errors = {},
    }
    local first, last = nil, nil
    for _, thread in ipairs(threads) do
        f.posts = f.posts + thread:get("posts_acked")
        f.metrics = f.metrics + thread:get("metrics_acked")
        f.answers = f.answers + thread:get("answers")
        f.non_2xx = f.non_2xx + thread:get("failed")
        f.stray = f.stray + thread:get("stray")
        for _, e in ipairs(thread:get("first_failures")) do table.insert(f.first_errors, e) end
        local s, e = thread:get("started"), thread:get("finished")
        if s and (first == nil or s < first) then first = s end
        if e and (last == nil or e > last) then last = e end
    end
    local e = summary.errors
    local socket_errors = e.connect + e.read + e.write + e.timeout
    local seconds = (first and last) and (last - first) or 0
    local writes = f.posts + f.metrics
    local out = assert(io.open(threads[1]:get("figures_path"), "w"))
    local errors = {}
    for _, text in ipairs(f.first_errors) do table.insert(errors, json_string(text)) end
    out:write(string.format(
        '{"writes": %d, "posts": %d, "metrics": %d, "answers": %d, "errors": %d, "non_2xx": %d, ' ..
        '"socket_errors": %d, "socket_errors_detail": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, ' ..
        '"stray_requests": %d, "seconds": %.3f, "writes_per_s": %.1f, "p50_ms": %.1f, "p99_ms": %.1f, ' ..
        '"first_errors": [%s]}\n',
        writes, f.posts, f.metrics, f.answers, f.non_2xx + socket_errors + f.stray, f.non_2xx, socket_errors,
        e.connect, e.read, e.write, e.timeout, f.stray, seconds, seconds > 0 and writes / seconds or 0,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, table.concat(errors, ", ")))
    out:close()
end
