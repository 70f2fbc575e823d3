package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The whole of {@code config.yml}. */
public final class LatchkeyConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty("database")
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty("apiKeys")
    private ApiKeysConfiguration apiKeys = new ApiKeysConfiguration();

    /**
     * The database settings. When no driver is named, it follows from the URL, so setting
     * {@code LATCHKEY_DATABASE_URL} alone is enough to move from H2 to PostgreSQL.
     */
    public DataSourceFactory getDataSourceFactory() {
        String driver = database.getDriverClass();
        if (driver == null || driver.isBlank()) {
            database.setDriverClass(DatabaseDrivers.forUrl(database.getUrl()));
        }
        return database;
    }

    public ApiKeysConfiguration getApiKeys() {
        return apiKeys;
    }
}
