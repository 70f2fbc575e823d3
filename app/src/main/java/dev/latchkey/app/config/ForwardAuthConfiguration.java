package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.http.authz.ForwardAuthProxy;
import jakarta.validation.constraints.NotNull;

/** {@code forwardAuth:} the proxy in front of {@code /authz/check}, whose header family alone is trusted. */
public final class ForwardAuthConfiguration {

    /** {@code nginx} (X-Original-*), {@code traefik} (X-Forwarded-*) or {@code envoy} (the path suffix). */
    @NotNull
    @JsonProperty("proxy")
    private String proxy = "nginx";

    public ForwardAuthProxy proxy() {
        return ForwardAuthProxy.parse(proxy);
    }
}
