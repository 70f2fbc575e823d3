-- A form POST with HTTP Basic client authentication, as a resource server introspects (RFC 7662) or
-- a machine client asks for a token (RFC 6749 §4.4): BODY and BASIC come from the environment.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BASIC")
