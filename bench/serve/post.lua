-- wrk script: POST the case named by the environment's LK_CASE to /v1/assess.
local f = assert(io.open(os.getenv("LK_CASE") or "../../data/cases/dnc-2016.json", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.path = os.getenv("LK_PATH") or "/v1/assess"
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f\np50_ms %.3f\np99_ms %.3f\nerrors %d\nnon2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
