-- Paces each wrk connection: a pause between requests, so the load is a fraction of peak.
local pause = tonumber(os.getenv("PAUSE_MS") or "1")
function delay()
  return pause
end
