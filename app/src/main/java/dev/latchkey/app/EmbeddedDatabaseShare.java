package dev.latchkey.app;

import dev.latchkey.persistence.EmbeddedDatabaseSharing;
import io.dropwizard.lifecycle.Managed;
import java.util.Optional;

/** While the server runs, its embedded H2 database is shared with this machine's operator commands. */
final class EmbeddedDatabaseShare implements Managed {
    private final String url;
    private Optional<EmbeddedDatabaseSharing> sharing = Optional.empty();

    EmbeddedDatabaseShare(String url) {
        this.url = url;
    }

    @Override
    public void start() throws Exception {
        sharing = EmbeddedDatabaseSharing.serve(url);
    }

    @Override
    public void stop() {
        sharing.ifPresent(EmbeddedDatabaseSharing::close);
    }
}
