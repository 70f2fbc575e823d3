-- Paces each wrk connection: a pause of PAUSE_MS between a response and the next request, so the
-- load is a fraction of peak. wrk's timers count whole milliseconds, so a fractional pause is a mix
-- of the two whole pauses around it, in the right proportion.
local pause = tonumber(os.getenv("PAUSE_MS") or "1")
local whole = math.floor(pause)
local fraction = pause - whole
function delay()
  if math.random() < fraction then
    return whole + 1
  end
  return whole
end
