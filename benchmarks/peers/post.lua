-- A POST as a resource server introspects (RFC 7662), a machine client asks for a token (RFC 6749
-- §4.4) or a workload exchanges its secret: BODY from the environment; TYPE (default a form) and
-- BASIC (HTTP Basic client authentication, if set) too.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = os.getenv("TYPE") or "application/x-www-form-urlencoded"
local basic = os.getenv("BASIC")
if basic and basic ~= "" then
  wrk.headers["Authorization"] = "Basic " .. basic
end
