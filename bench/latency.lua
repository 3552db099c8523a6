-- wrk: print the run's figures as one JSON line (latencies in microseconds).
wrk.headers["Accept-Language"] = "en"

done = function(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      '{"requests": %d, "duration_us": %d, "socket_errors": %d, "non_2xx": %d, ' ..
      '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
      summary.requests, summary.duration,
      errors.connect + errors.read + errors.write + errors.timeout, errors.status,
      latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
