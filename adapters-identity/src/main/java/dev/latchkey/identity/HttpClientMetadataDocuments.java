package dev.latchkey.identity;

import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.oauth.ClientAuthMethod;
import dev.latchkey.domain.oauth.ClientMetadataDocuments;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.oauth.RedirectUris;
import dev.latchkey.outbound.OutboundHttpClient;
import dev.latchkey.outbound.PublicAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Fetches Client ID Metadata Documents: a client whose {@code client_id} is an https URL is
 * described by the JSON document at that URL, whose own {@code client_id} must be that URL.
 *
 * <p>The URL comes from whoever starts an authorization, so the fetch is fenced: https only, every
 * address the host resolves to must be public, no redirects, and a deadline on the whole fetch — a
 * server trickling its body is cut off, as is one that stalls — with a size cap. One fetch per URL is
 * in flight at a time (others wait for it), and at most {@link #MAX_CONCURRENT_FETCHES} run at once on
 * threads of their own: beyond that the answer is {@code temporarily_unavailable}, never a request
 * thread held by someone else's slow server.
 * Documents are kept as long as their {@code Cache-Control: max-age} says (capped); failures are
 * remembered for a minute so a bad URL cannot make this server fetch on every request. What is left
 * is DNS rebinding between the check and the connection, which pinning the address would close.
 */
public final class HttpClientMetadataDocuments implements ClientMetadataDocuments {
    private static final Duration DEFAULT_CACHE = Duration.ofMinutes(5);
    private static final Duration FAILURE_CACHE = Duration.ofMinutes(1);
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d{1,9})");
    private static final int MAX_ENTRIES = 10_000;
    static final int MAX_CONCURRENT_FETCHES = 8;

    private record Cached(Optional<OAuthClient> client, String failure, Instant until) {}

    private final ClientMetadataDocumentSettings settings;
    private final Clock clock;
    private final OutboundHttpClient http;
    private final BoundedCache<String, Cached> cache;
    /** A fetch in flight, and the body it is reading (closed by whoever gives up waiting first). */
    private record Flight(CompletableFuture<Cached> result, AtomicReference<InputStream> body) {}

    private final Map<String, Flight> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService fetchers = new ThreadPoolExecutor(
            0, MAX_CONCURRENT_FETCHES, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "client-metadata-fetch");
                thread.setDaemon(true);
                return thread;
            });

    public HttpClientMetadataDocuments(ClientMetadataDocumentSettings settings, Clock clock, Caches caches) {
        this.settings = settings;
        Duration longest = settings.maxCacheAge().compareTo(FAILURE_CACHE) > 0 ? settings.maxCacheAge() : FAILURE_CACHE;
        this.cache = caches.bounded("client_metadata_documents", MAX_ENTRIES, Optional.of(longest));
        this.clock = clock;
        this.http = new OutboundHttpClient(settings.timeout());
    }

    @Override
    public Optional<OAuthClient> fetch(String url) {
        Instant now = clock.instant();
        Cached cached = cache.get(url).orElse(null);
        if (cached != null && now.isBefore(cached.until())) {
            return answer(cached);
        }
        Cached fresh;
        try {
            fresh = fetchOnce(url, now);
        } catch (OAuthFailure failure) {
            if (failure.error() == OAuthError.TEMPORARILY_UNAVAILABLE) {
                throw failure; // our own load, not the document's fault: not remembered
            }
            fresh = new Cached(Optional.empty(), failure.description(), now.plus(FAILURE_CACHE));
        }
        if (fresh.until().isAfter(now)) {
            cache.put(url, fresh);
        }
        return answer(fresh);
    }

    private static Optional<OAuthClient> answer(Cached cached) {
        if (cached.failure() != null) {
            throw invalid(cached.failure());
        }
        return cached.client();
    }

    /** Joins the fetch of this URL in flight, or starts one; waits for it until the deadline. */
    private Cached fetchOnce(String url, Instant now) {
        Flight flight = inFlight.computeIfAbsent(url, u -> {
            AtomicReference<InputStream> body = new AtomicReference<>();
            try {
                return new Flight(CompletableFuture.supplyAsync(() -> load(u, now, body), fetchers), body);
            } catch (RejectedExecutionException busy) {
                return new Flight(
                        CompletableFuture.failedFuture(new OAuthFailure(
                                OAuthError.TEMPORARILY_UNAVAILABLE,
                                "Too many client metadata documents are being fetched; try again shortly")),
                        body);
            }
        });
        try {
            return flight.result().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            closeQuietly(flight.body().get()); // unblocks the fetcher: a stalled server keeps no thread
            flight.result().cancel(true);
            throw invalid("The client metadata document did not arrive within "
                    + settings.timeout().toMillis() + " ms");
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof OAuthFailure failure) {
                throw failure;
            }
            throw invalid("The client metadata document could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw invalid("The client metadata document could not be fetched");
        } finally {
            inFlight.remove(url, flight);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    private Cached load(String url, Instant now, AtomicReference<InputStream> body) {
        URI uri = checkedUri(url);
        requirePublicHost(uri.getHost());
        HttpResponse<InputStream> response;
        try {
            response = http.get()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(settings.timeout())
                                    .header("Accept", "application/json")
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | java.io.UncheckedIOException e) { // the latter: no client could be made
            throw invalid("The client metadata document could not be fetched");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw invalid("The client metadata document could not be fetched");
        }
        String text;
        body.set(response.body());
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(settings.maxBytes() + 1);
            if (bytes.length > settings.maxBytes()) {
                throw invalid("The client metadata document is larger than " + settings.maxBytes() + " bytes");
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid("The client metadata document could not be read");
        }
        if (response.statusCode() != 200) {
            throw invalid("The client metadata document answered HTTP " + response.statusCode());
        }
        OAuthClient client = parse(url, text, now);
        return new Cached(Optional.of(client), null, now.plus(cacheFor(response)));
    }

    private URI checkedUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw invalid("client_id is not a valid URL");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean allowedHttp = settings.allowHttp() && "http".equals(uri.getScheme());
        if (!(https || allowedHttp)
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || uri.getRawPath() == null
                || uri.getRawPath().length() < 2
                || uri.getRawPath().contains("/./")
                || uri.getRawPath().contains("/../")) {
            throw invalid("A client_id URL must be https with a path, and no credentials, fragment or dot segments");
        }
        return uri;
    }

    private void requirePublicHost(String host) {
        if (settings.allowPrivateAddresses()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw invalid("The host of the client_id URL does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                throw invalid("The client_id URL points to a private or local address");
            }
        }
    }

    private static OAuthClient parse(String url, String body, Instant now) {
        Map<String, Object> document;
        try {
            document = JsonUtil.parseJson(body);
        } catch (JoseException | ClassCastException e) {
            throw invalid("The client metadata document is not a JSON object");
        }
        if (!url.equals(document.get("client_id"))) {
            throw invalid("The client metadata document's client_id is not its own URL");
        }
        Object method = document.getOrDefault("token_endpoint_auth_method", "none");
        if (!"none".equals(method)) {
            throw invalid("Only public clients (token_endpoint_auth_method none) may use a metadata document");
        }
        if (!(document.get("redirect_uris") instanceof List<?> uris)
                || uris.isEmpty()
                || !uris.stream().allMatch(String.class::isInstance)) {
            throw invalid("The client metadata document names no redirect_uris");
        }
        List<String> redirects = uris.stream().map(String.class::cast).toList();
        for (String redirect : redirects) {
            RedirectUris.problemWith(redirect).ifPresent(problem -> {
                throw invalid("The client metadata document has an unusable redirect URI: " + problem);
            });
        }
        Optional<String> name = Optional.ofNullable(document.get("client_name"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .map(String::strip)
                .filter(n -> !n.isEmpty() && n.length() <= 200);
        Optional<String> scope = Optional.ofNullable(document.get("scope"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(s -> !s.isBlank());
        return new OAuthClient(
                url, Optional.empty(), ClientAuthMethod.NONE, name, redirects, scope, now, Optional.empty());
    }

    private Duration cacheFor(HttpResponse<?> response) {
        String control = response.headers().firstValue("Cache-Control").orElse("");
        if (control.contains("no-store") || control.contains("no-cache")) {
            return Duration.ZERO;
        }
        Matcher maxAge = MAX_AGE.matcher(control);
        Duration wanted = maxAge.find() ? Duration.ofSeconds(Long.parseLong(maxAge.group(1))) : DEFAULT_CACHE;
        return wanted.compareTo(settings.maxCacheAge()) > 0 ? settings.maxCacheAge() : wanted;
    }

    private static OAuthFailure invalid(String description) {
        return new OAuthFailure(OAuthError.INVALID_CLIENT, description);
    }
}
