-- wrk script: POST a different case on every request: the cases of the
-- JSON Lines file LK_CASES (bench/gen_cases.py --jsonl) in turn, each
-- with its id made unique ("t<thread>r<request>-" put before it), so no
-- two requests send the same bytes and no answer can come from the
-- server's cache. Counts the answers marked X-Cache: hit (there must be
-- none).
local bodies = {}
for line in io.lines(os.getenv("LK_CASES")) do
  bodies[#bodies + 1] = line
end
local path = os.getenv("LK_PATH") or "/v1/assess"
local headers = {["Content-Type"] = "application/json"}
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  n = (id - 1) * math.floor(#bodies / 2)
  sent = 0
  hits = 0
end

function request()
  n = n % #bodies + 1
  sent = sent + 1
  local body = bodies[n]:gsub('"id":"', '"id":"t' .. id .. 'r' .. sent .. '-', 1)
  return wrk.format("POST", path, headers, body)
end

function response(status, hdrs, body)
  if hdrs["X-Cache"] == "hit" then
    hits = hits + 1
  end
end

done = function(summary, latency, requests)
  local h = 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits")
  end
  io.write(string.format("requests/s %.0f\np50_ms %.3f\np99_ms %.3f\nerrors %d\nnon2xx %d\ncache_hits %d\ndistinct_cases %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, h, #bodies))
end
