#!/bin/sh
# "The browser" for mcp-remote (BROWSER=this): a person signs in and approves, then the browser follows
# Latchkey's redirect to mcp-remote's callback.
exec node "$(dirname "$0")/approve.mjs" "$1"
