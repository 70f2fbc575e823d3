package dev.latchkey.redis;

import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.auth.events.CredentialEvents;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Credential events shared by every instance through a Redis channel: an event is acted on in this
 * process first, then published; each instance acts on the others' as they arrive. A revocation
 * through one instance is then refused by all of them at once, not when their cached verification
 * is next revalidated. Best effort by design: while Redis cannot be reached, events stay in this
 * process and the other instances fall back to that revalidation bound; nothing waits on Redis.
 */
public final class RedisCredentialEvents implements CredentialEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCredentialEvents.class);
    private static final Duration RESUBSCRIBE_AFTER = Duration.ofSeconds(1);

    private final RedisClient publisher;
    private final RedisClient subscriber;
    private final String channel;
    private final String instance = UUID.randomUUID().toString();
    private final Consumer<CredentialEvent> local;
    private final Thread listening;
    private volatile boolean open = true;
    private volatile JedisPubSub subscription;

    /**
     * @param namespace prefixes the channel, so deployments sharing one Redis do not hear each other
     * @param timeout for connecting and for each publish; keep it short, revocations wait on it
     * @param local this process's subscribers (its caches)
     */
    public RedisCredentialEvents(
            String host, int port, String namespace, Duration timeout, Consumer<CredentialEvent> local) {
        this(host, port, namespace, timeout, local, true);
    }

    /**
     * Publishes only, hearing nobody: for an operator command, whose changes the running instances must
     * hear at once, and which has no cache of its own worth keeping fresh.
     */
    public static RedisCredentialEvents publisher(
            String host, int port, String namespace, Duration timeout, Consumer<CredentialEvent> local) {
        return new RedisCredentialEvents(host, port, namespace, timeout, local, false);
    }

    private RedisCredentialEvents(
            String host,
            int port,
            String namespace,
            Duration timeout,
            Consumer<CredentialEvent> local,
            boolean subscribe) {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .build();
        this.publisher = RedisClient.builder()
                .hostAndPort(new HostAndPort(host, port))
                .clientConfig(config)
                .build();
        // The subscription blocks on its connection: no read timeout there, or it would drop each idle second.
        this.subscriber = RedisClient.builder()
                .hostAndPort(new HostAndPort(host, port))
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis((int) timeout.toMillis())
                        .socketTimeoutMillis(0)
                        .build())
                .build();
        this.channel = namespace + "credential-events";
        this.local = local;
        this.listening = new Thread(this::listen, "credential-events");
        listening.setDaemon(true);
        if (subscribe) {
            listening.start();
        }
    }

    @Override
    public void publish(CredentialEvent event) {
        local.accept(event);
        try {
            publisher.publish(channel, instance + " " + CredentialEventCodec.encode(event));
        } catch (IllegalArgumentException e) {
            LOG.warn("credential event not shared with other instances (an id it cannot carry): {}", e.getMessage());
        } catch (JedisException e) {
            LOG.warn("credential event not shared with other instances (Redis unreachable): they will see it "
                    + "when they revalidate");
        }
    }

    /** Whether this instance is subscribed now (for the health check). */
    public boolean isListening() {
        JedisPubSub current = subscription;
        return current != null && current.isSubscribed();
    }

    private void listen() {
        while (open) {
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onMessage(String from, String message) {
                    receive(message);
                }
            };
            subscription = pubSub;
            try {
                subscriber.subscribe(pubSub, channel);
            } catch (JedisException e) {
                if (open) {
                    LOG.warn(
                            "credential events: subscription to Redis lost; retrying in {}s",
                            RESUBSCRIBE_AFTER.toSeconds());
                    sleep();
                }
            }
        }
    }

    private void receive(String message) {
        int space = message.indexOf(' ');
        if (space < 0 || message.substring(0, space).equals(instance)) {
            return; // ours, already acted on; or not a message we write
        }
        CredentialEventCodec.decode(message.substring(space + 1)).ifPresent(local);
    }

    private static void sleep() {
        try {
            Thread.sleep(RESUBSCRIBE_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            current.unsubscribe();
        }
        listening.interrupt();
        publisher.close();
        subscriber.close();
    }
}
