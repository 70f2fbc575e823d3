-- POST /oauth/introspect as a registered resource server asks it (RFC 7662): the token in the form,
-- the server's Basic credentials. TOKEN and BASIC come from the environment.
wrk.method = "POST"
wrk.body = "token=" .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BASIC")
