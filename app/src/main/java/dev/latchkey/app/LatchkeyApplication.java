package dev.latchkey.app;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.app.config.UsageCountersConfiguration;
import dev.latchkey.cache.CaffeineCaches;
import dev.latchkey.crypto.Argon2Parameters;
import dev.latchkey.crypto.Argon2SecretHasher;
import dev.latchkey.crypto.Hs256UserTokenCodec;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.auth.events.InProcessCredentialEvents;
import dev.latchkey.domain.common.BoundedSecretHasher;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.oauth.ClientMetadataDocuments;
import dev.latchkey.domain.provider.IdentityProvider;
import dev.latchkey.domain.token.UserTokenCodec;
import dev.latchkey.domain.usage.InMemoryUsageCounters;
import dev.latchkey.domain.usage.UsageCounters;
import dev.latchkey.http.RequestIds;
import dev.latchkey.http.UnreadBodies;
import dev.latchkey.http.auth.AuthMetrics;
import dev.latchkey.http.console.ConsoleResource;
import dev.latchkey.http.openapi.OpenApiResource;
import dev.latchkey.http.system.HealthResource;
import dev.latchkey.http.system.UsageResource;
import dev.latchkey.http.system.WhoAmIResource;
import dev.latchkey.identity.HttpClientMetadataDocuments;
import dev.latchkey.identity.TrustedIssuers;
import dev.latchkey.persistence.JdbiStores;
import dev.latchkey.redis.RedisCredentialEvents;
import dev.latchkey.redis.RedisUsageCounters;
import dev.latchkey.workos.WorkosIdentityProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.metrics.CircuitBreakerMetrics;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.servlet.DispatcherType;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;

/** Latchkey: wires the hexagon by hand (no container) and serves it. */
public final class LatchkeyApplication extends Application<LatchkeyConfiguration> {
    /** Where commands print their results: standard output, or a test's buffer. */
    private final PrintStream commandOutput;

    public LatchkeyApplication() {
        this(System.out);
    }

    LatchkeyApplication(PrintStream commandOutput) {
        this.commandOutput = commandOutput;
    }

    public static void main(String[] args) throws Exception {
        // The embedded database's share for commands listens on loopback only (read once, before H2 loads;
        // H2 refuses connections from other machines in any case).
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        if (args.length > 0 && "server".equals(args[0])) {
            StartClasses.preloadInBackground();
        }
        new LatchkeyApplication().run(args);
    }

    @Override
    public String getName() {
        return "latchkey";
    }

    @Override
    public void initialize(Bootstrap<LatchkeyConfiguration> bootstrap) {
        // ${VAR:-default} in config.yml; a referenced variable with no default must be set.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new DatabaseCommand());
        bootstrap.addCommand(new WorkspaceCommand(commandOutput));
        bootstrap.addCommand(new ActorsCommand(commandOutput));
        bootstrap.addCommand(new KeysCommand(commandOutput));
        bootstrap.addCommand(new AuditCommand(commandOutput));
        bootstrap.addCommand(new OAuthClientsCommand(commandOutput));
    }

    @Override
    public void run(LatchkeyConfiguration configuration, Environment environment) throws Exception {
        // Our mappers render every failure as problem+json; Dropwizard's defaults would not.
        ((AbstractServerFactory) configuration.getServerFactory()).setRegisterDefaultExceptionMappers(false);

        // Strict bodies: a misspelt "scope" must not silently fall back to the caller's full scopes.
        environment.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        Databases.migrate(configuration.getDataSourceFactory());
        environment
                .lifecycle()
                .manage(new EmbeddedDatabaseShare(
                        configuration.getDataSourceFactory().getUrl()));
        Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDataSourceFactory(), "database");
        // No statement uses templating; Dropwizard's name-prepending engine re-parsed every statement
        // on every call (its wrapper bypasses JDBI's template cache): 3 % of a workload token's CPU.
        jdbi.setTemplateEngine(org.jdbi.v3.core.statement.TemplateEngine.NOP);
        Clock clock = Clock.tickMillis(ZoneOffset.UTC);
        TrustedIssuers trustedIssuers = trustedIssuers(configuration, clock);
        Optional<WorkosIdentityProvider> workos = workos(configuration, clock);
        UsageCounters usageCounters = usageCounters(configuration, environment, clock);
        CaffeineCaches caches = new CaffeineCaches(environment.metrics());
        LatchkeyCore core = new LatchkeyCore(
                configuration,
                new JdbiStores(jdbi),
                hasher(configuration, environment.metrics()),
                userTokenCodec(configuration, clock),
                trustedIssuers,
                workos.map(IdentityProvider.class::cast),
                clock,
                clientMetadataDocuments(configuration, clock, caches),
                usageCounters,
                caches,
                bus -> sharedEvents(configuration, environment, bus));
        monitorBreakers(environment, trustedIssuers.circuitBreakers());
        workos.ifPresent(provider -> {
            monitorBreakers(environment, provider.circuitBreakers());
            environment.healthChecks().register("workos-secret", new WorkosSecretHealthCheck(provider));
        });

        // First: every limit after it sees the client behind a trusted proxy, not the proxy.
        environment
                .servlets()
                .addFilter(
                        "client-addresses", configuration.getClientAddresses().filter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        environment
                .servlets()
                .addFilter("request-ids", new RequestIds())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment
                .servlets()
                .addFilter("unread-bodies", new UnreadBodies())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        AuthMetrics metrics = new AuthMetrics(environment.metrics());
        exposePrometheus(environment);
        DecisionFeature decisions = new DecisionFeature(configuration, core, metrics, caches);
        decisions.register(environment);
        core.apiKeys.register(environment);
        core.people.register(environment);
        core.workspaces.register(environment);
        core.agents.register(environment, decisions.refusals());
        core.webhooks.register(environment);
        core.oauth.ifPresent(oauth ->
                oauth.register(environment, core.people, core.authenticateRequest(metrics), decisions.refusals()));
        registerSystemResources(environment, configuration, core, decisions.servletRoutes());
        environment
                .lifecycle()
                .addServerLifecycleListener(server -> LoggerFactory.getLogger(LatchkeyApplication.class)
                        .info(StartupSummary.of(server, configuration, core.verifiers())));
        // Jetty's own refusals (431, 414, an ambiguous URI) in problem+json too, not as HTML pages.
        environment.lifecycle().addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(org.eclipse.jetty.util.component.LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(new ProblemErrorHandler());
                }
            }
        });
    }

    /** Health, who-am-I, usage, the OpenAPI document and the console. */
    private static void registerSystemResources(
            Environment environment,
            LatchkeyConfiguration configuration,
            LatchkeyCore core,
            List<dev.latchkey.http.openapi.ServletRoute> servletRoutes) {
        var jersey = environment.jersey();
        jersey.register(new HealthResource());
        jersey.register(new WhoAmIResource());
        jersey.register(new UsageResource(core.usageGate));
        jersey.register(new OpenApiResource(configuration.getOauth().getIssuer(), "0.1.0", servletRoutes));
        jersey.register(new dev.latchkey.http.html.StylesheetResource());
        jersey.register(new ConsoleResource(
                ownApi(environment),
                environment.getObjectMapper(),
                core.people.logIn,
                core.people.signInSessions,
                configuration.getOauth().getIssuer().startsWith("https://")));
    }

    /** Where this instance's own API answers, once the server has started: the console calls it on loopback. */
    private static Supplier<URI> ownApi(Environment environment) {
        AtomicReference<URI> base = new AtomicReference<>();
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(Server server) {
                base.set(URI.create("http://127.0.0.1:" + getLocalPort(server)));
            }
        });
        return () -> java.util.Objects.requireNonNull(base.get(), "the server has not started");
    }

    /**
     * Every Dropwizard metric (decisions per kind and code, timers, breakers, pools, JVM) in the
     * Prometheus text format at {@code /prometheus} on the admin port, read at scrape time.
     */
    private static void exposePrometheus(Environment environment) {
        PrometheusRegistry prometheus = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(prometheus);
        environment
                .admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(prometheus))
                .addMapping("/prometheus");
    }

    private static void monitorBreakers(Environment environment, CircuitBreakerRegistry breakers) {
        environment.metrics().registerAll(CircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers));
        breakers.getAllCircuitBreakers()
                .forEach(breaker -> environment
                        .healthChecks()
                        .register("identity-provider-" + breaker.getName(), new CircuitBreakerHealthCheck(breaker)));
    }

    static Optional<WorkosIdentityProvider> workos(LatchkeyConfiguration configuration, Clock clock) {
        var workos = configuration.getWorkos();
        return workos.isEnabled()
                ? Optional.of(new WorkosIdentityProvider(
                        workos.toSettings(),
                        configuration.getIdentityProviders().toSettings(),
                        clock))
                : Optional.empty();
    }

    /** The core as tests build it: the same wiring as the server, over any Jdbi, its events kept in process. */
    static LatchkeyCore core(LatchkeyConfiguration configuration, Jdbi jdbi, MetricRegistry metrics, Clock clock) {
        return core(configuration, jdbi, metrics, clock, bus -> bus);
    }

    /** The core as the commands build it: {@code shareEvents} tells the running instances what changed. */
    static LatchkeyCore core(
            LatchkeyConfiguration configuration,
            Jdbi jdbi,
            MetricRegistry metrics,
            Clock clock,
            Function<InProcessCredentialEvents, CredentialEvents> shareEvents) {
        CaffeineCaches caches = new CaffeineCaches(metrics);
        return new LatchkeyCore(
                configuration,
                new JdbiStores(jdbi),
                hasher(configuration, metrics),
                userTokenCodec(configuration, clock),
                trustedIssuers(configuration, clock),
                workos(configuration, clock).map(IdentityProvider.class::cast),
                clock,
                clientMetadataDocuments(configuration, clock, caches),
                new InMemoryUsageCounters(),
                caches,
                shareEvents);
    }

    /**
     * What an operator command publishes its credential events through: the server's Redis channel when
     * one is configured, so a change made from the command line reaches every running instance at once,
     * as one made through the API does; else this process alone.
     */
    static Optional<RedisCredentialEvents> commandEvents(
            LatchkeyConfiguration configuration, InProcessCredentialEvents bus) {
        UsageCountersConfiguration config = configuration.getUsageCounters();
        return config.redis()
                .map(uri -> RedisCredentialEvents.publisher(
                        uri.getHost(),
                        uri.getPort() == -1 ? 6379 : uri.getPort(),
                        config.getNamespace(),
                        config.timeout(),
                        bus::publish));
    }

    /** Redis when configured (shared by every instance, with a health check), else this process's memory. */
    private static UsageCounters usageCounters(
            LatchkeyConfiguration configuration, Environment environment, Clock clock) {
        UsageCountersConfiguration config = configuration.getUsageCounters();
        return config.redis()
                .<UsageCounters>map(uri -> {
                    RedisUsageCounters redis = new RedisUsageCounters(
                            uri.getHost(),
                            uri.getPort() == -1 ? 6379 : uri.getPort(),
                            config.getNamespace(),
                            config.timeout(),
                            config.retryAfter(),
                            clock);
                    environment.lifecycle().manage(new Managed() {
                        @Override
                        public void stop() {
                            redis.close();
                        }
                    });
                    environment.healthChecks().register("usage-counters", new UsageCountersHealthCheck(redis));
                    environment.metrics().registerAll(CircuitBreakerMetrics.ofCircuitBreaker(redis.circuitBreaker()));
                    return redis;
                })
                .orElseGet(InMemoryUsageCounters::new);
    }

    /**
     * Credential events through Redis when it is configured (the usage counters' Redis): a revocation
     * through one instance is refused by every instance at once. Else this process's alone, and the
     * others see a change when they revalidate.
     */
    private static CredentialEvents sharedEvents(
            LatchkeyConfiguration configuration, Environment environment, InProcessCredentialEvents bus) {
        UsageCountersConfiguration config = configuration.getUsageCounters();
        return config.redis()
                .<CredentialEvents>map(uri -> {
                    RedisCredentialEvents shared = new RedisCredentialEvents(
                            uri.getHost(),
                            uri.getPort() == -1 ? 6379 : uri.getPort(),
                            config.getNamespace(),
                            config.timeout(),
                            bus::publish);
                    environment.lifecycle().manage(new Managed() {
                        @Override
                        public void stop() {
                            shared.close();
                        }
                    });
                    environment.healthChecks().register("credential-events", new HealthCheck() {
                        @Override
                        protected Result check() {
                            return shared.isListening()
                                    ? Result.healthy()
                                    : Result.unhealthy("not subscribed to Redis: other instances' revocations "
                                            + "reach this one when it revalidates");
                        }
                    });
                    return shared;
                })
                .orElse(bus);
    }

    static ClientMetadataDocuments clientMetadataDocuments(
            LatchkeyConfiguration configuration, Clock clock, Caches caches) {
        var documents = configuration.getOauth().getClientMetadataDocuments();
        return documents.isEnabled()
                ? new HttpClientMetadataDocuments(documents.toSettings(), clock, caches)
                : ClientMetadataDocuments.NONE;
    }

    static TrustedIssuers trustedIssuers(LatchkeyConfiguration configuration, Clock clock) {
        return new TrustedIssuers(
                configuration.getTrustedIssuers(),
                configuration.getIdentityProviders().toSettings(),
                clock);
    }

    static UserTokenCodec userTokenCodec(LatchkeyConfiguration configuration, Clock clock) {
        var tokens = configuration.getUserTokens();
        return new Hs256UserTokenCodec(
                ConfiguredSecrets.userTokenSecret(tokens),
                tokens.getIssuer(),
                clock,
                tokens.getLeeway().toJavaDuration());
    }

    static SecretHasher hasher(LatchkeyConfiguration configuration, MetricRegistry metrics) {
        var hashing = configuration.getApiKeys().getHashing();
        SecretHasher argon2 = new Argon2SecretHasher(
                new Argon2Parameters(hashing.getMemoryKib(), hashing.getIterations(), hashing.getParallelism()));
        return new MeteredSecretHasher(
                new BoundedSecretHasher(argon2, hashing.getMaxConcurrent(), hashing.maxWait()), metrics);
    }
}
