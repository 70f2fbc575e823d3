package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.http.ClientAddresses;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * {@code clientAddresses:} the load balancers and proxies in front of Latchkey, whose
 * {@code X-Forwarded-For} names the client that every per-address limit is keyed on.
 */
public final class ClientAddressesConfiguration {

    /** Addresses or CIDR networks ({@code 10.0.0.0/8}); empty: the socket's peer is the client. */
    @NotNull
    @JsonProperty("trustedProxies")
    private List<String> trustedProxies = List.of();

    public ClientAddresses filter() {
        return new ClientAddresses(
                trustedProxies.stream().map(ClientAddresses.Cidr::parse).toList());
    }
}
