package io.eventgateway.sdk.producer;

import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.IngestGrpc;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * Publishes batches of events to an Event Gateway and retries what the gateway could not store.
 *
 * <p>Every event without an {@code event_id} gets a random UUID before the first attempt, so each retry resends the
 * same ids and the gateway's deduplication can recognise copies. After each call only the events answered {@code
 * UNAVAILABLE} are resent; a call that fails as a whole with {@code UNAVAILABLE} or {@code RESOURCE_EXHAUSTED} is
 * resent whole (not before the gateway's {@code RetryInfo} delay). Rejected events and {@code INVALID_ARGUMENT} are
 * never retried: sending them again cannot help. Waits between attempts grow exponentially with jitter and are
 * scheduled, never slept, on one daemon thread the producer owns.
 *
 * <p>Thread-safe: one producer serves many concurrent publishes. Close it to release its thread and, when it built
 * the channel itself, the channel.
 */
public final class EventGatewayProducer implements AutoCloseable {

    private final ManagedChannel channel;
    private final boolean ownsChannel;
    private final IngestGrpc.IngestStub stub;
    private final ProducerSettings settings;
    private final RetryBackoff backoff;
    private final ScheduledExecutorService scheduler;
    private final Set<Publication> active = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private EventGatewayProducer(ManagedChannel channel, boolean ownsChannel, ProducerSettings settings,
            RandomGenerator random) {
        this.channel = channel;
        this.ownsChannel = ownsChannel;
        this.stub = IngestGrpc.newStub(channel);
        this.settings = settings;
        this.backoff = new RetryBackoff(settings.initialBackoff(), settings.maxBackoff(), random);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventgateway-producer-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Publishes {@code events} and waits for the outcome: at most {@code maxAttempts} calls of at most {@code
     * callTimeout} each, plus the backoffs between them.
     *
     * @throws IllegalStateException when the producer is closed
     */
    public PublishOutcome publish(List<Event> events) {
        try {
            return publishAsync(events).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Publishes {@code events} without waiting. The future completes with an outcome even when calls fail; it fails
     * only when the producer is already closed. Cancelling it stops further attempts.
     */
    public CompletableFuture<PublishOutcome> publishAsync(List<Event> events) {
        Objects.requireNonNull(events, "events");
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the producer is closed"));
        }
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(new PublishOutcome(List.of(), 0));
        }
        Publication publication = new Publication(withEventIds(events), stub, settings, backoff, scheduler);
        active.add(publication);
        publication.outcome().whenComplete((outcome, failure) -> active.remove(publication));
        publication.sendNextAttempt();
        return publication.outcome();
    }

    /**
     * Stops retrying: publishes waiting for their next attempt finish at once with their pending events unavailable;
     * calls in flight finish (within {@code callTimeout}) and are not retried. A channel the producer built is shut
     * down; one passed in is left to its owner.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        for (Publication publication : List.copyOf(active)) {
            publication.abandonIfWaiting("the producer was closed before the next attempt");
        }
        if (ownsChannel) {
            channel.shutdown();
            try {
                if (!channel.awaitTermination(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                    channel.shutdownNow();
                }
            } catch (InterruptedException e) {
                channel.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<Event> withEventIds(List<Event> events) {
        List<Event> identified = new ArrayList<>(events.size());
        for (Event event : events) {
            identified.add(event.getEventId().isEmpty()
                    ? event.toBuilder().setEventId(UUID.randomUUID().toString()).build()
                    : event);
        }
        return identified;
    }

    /** Configures a producer; {@link #target(String)} or {@link #channel(ManagedChannel)} is required. */
    public static final class Builder {

        private String target;
        private ManagedChannel channel;
        private boolean plaintext;
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration callTimeout = Duration.ofSeconds(10);
        private RandomGenerator random = new Random();

        private Builder() {
        }

        /** The gateway's address, e.g. {@code gateway.internal:50051}; the producer builds and owns the channel. */
        public Builder target(String hostAndPort) {
            this.target = Objects.requireNonNull(hostAndPort, "hostAndPort");
            return this;
        }

        /** A channel the caller built and keeps owning: the producer never shuts it down. */
        public Builder channel(ManagedChannel managedChannel) {
            this.channel = Objects.requireNonNull(managedChannel, "managedChannel");
            return this;
        }

        /** Speaks plaintext to {@link #target(String)} instead of TLS: for local and test gateways. */
        public Builder usePlaintext() {
            this.plaintext = true;
            return this;
        }

        /** Calls per publish, the first included; default 5. */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** The wait before the first retry, doubling for each further one; default 100 ms. */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = backoff;
            return this;
        }

        /** The longest wait between attempts, a gateway's retry hint included; default 5 s. */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = backoff;
            return this;
        }

        /** The deadline of each call; default 10 s. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** The source of backoff jitter; seed one to make retry timing reproducible. */
        public Builder random(RandomGenerator generator) {
            this.random = Objects.requireNonNull(generator, "generator");
            return this;
        }

        public EventGatewayProducer build() {
            if ((target == null) == (channel == null)) {
                throw new IllegalStateException("set exactly one of target(...) and channel(...)");
            }
            ProducerSettings settings = new ProducerSettings(maxAttempts, initialBackoff, maxBackoff, callTimeout);
            if (channel != null) {
                return new EventGatewayProducer(channel, false, settings, random);
            }
            ChannelCredentials credentials = plaintext
                    ? InsecureChannelCredentials.create()
                    : TlsChannelCredentials.create();
            return new EventGatewayProducer(Grpc.newChannelBuilder(target, credentials).build(), true, settings,
                    random);
        }
    }
}
