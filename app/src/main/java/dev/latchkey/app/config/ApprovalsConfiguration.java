package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.auth.CredentialKind;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code approvals:} which credential kinds need a person's approval on a {@code sensitive} route. */
public final class ApprovalsConfiguration {

    /**
     * Credential kinds by wire name ({@code workload_token}, {@code api_key}, {@code oauth},
     * {@code workos_api_key}, …). Default: workload tokens only; people are never asked.
     */
    @NotNull
    @JsonProperty("requiredFor")
    private List<String> requiredFor = List.of(CredentialKind.WORKLOAD_TOKEN.wireName());

    public Set<CredentialKind> requiredFor() {
        Set<CredentialKind> kinds = EnumSet.noneOf(CredentialKind.class);
        for (String name : requiredFor) {
            kinds.add(Arrays.stream(CredentialKind.values())
                    .filter(k -> k.wireName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("approvals.requiredFor: unknown credential kind "
                            + name + "; one of "
                            + Arrays.stream(CredentialKind.values())
                                    .map(CredentialKind::wireName)
                                    .collect(Collectors.joining(", ")))));
        }
        return kinds;
    }
}
