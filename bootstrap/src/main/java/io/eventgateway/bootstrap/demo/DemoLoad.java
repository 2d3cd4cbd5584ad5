package io.eventgateway.bootstrap.demo;

import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.application.ingest.PublishEventsResult;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.application.ingest.RequestRefusedException;
import io.eventgateway.bootstrap.loadgen.AcceptedEvent;
import io.eventgateway.bootstrap.loadgen.AcceptedRecordFile;
import io.eventgateway.bootstrap.role.PublisherRole;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.IngestEvent;
import io.eventgateway.domain.priority.Priority;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo}: offers a realistic mix to the in-process publisher every 100 ms — mostly P10, some P20, a little
 * P30, a few poison events (the demo handler FAILs them, so they end in the DLQ), a few tenants much busier than the
 * rest, and a burst of four times the rate for one second in every twenty — and records each stored event id (the
 * {@code loadgen --record} format) in {@code eventgateway.demo.record} when set, for the end-of-run reconciliation.
 */
@Context
@PublisherRole
@Requires(property = "eventgateway.demo.enabled", value = "true")
public class DemoLoad {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoad.class);
    private static final Duration TICK = Duration.ofMillis(100);
    private static final int BURST_EVERY_TICKS = 200;
    private static final int BURST_TICKS = 10;

    private final PublishEventsUseCase publishEvents;
    private final DemoTotals totals = new DemoTotals();
    private final SplittableRandom random = new SplittableRandom(7);
    private final int eventsPerTick;
    private final double poisonRate;
    private final AcceptedRecordFile record;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private Instant startedAt;
    private ScheduledFuture<?> offers;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private boolean stopped;
    private long ticks;

    public DemoLoad(PublishEventsUseCase publishEvents, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            Clock clock,
            @Value("${eventgateway.demo.rate:2000}") int ratePerSecond,
            @Value("${eventgateway.demo.poison-rate:0.001}") double poisonRate,
            @Nullable @Property(name = "eventgateway.demo.record") Path recordPath) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("eventgateway.demo.rate must be >= 1, was " + ratePerSecond);
        }
        if (poisonRate < 0 || poisonRate > 1) {
            throw new IllegalArgumentException("eventgateway.demo.poison-rate must be within [0, 1], was "
                    + poisonRate);
        }
        this.publishEvents = publishEvents;
        this.eventsPerTick = Math.max(1, (int) (ratePerSecond * TICK.toMillis() / 1000));
        this.poisonRate = poisonRate;
        this.record = recordPath == null ? null : new AcceptedRecordFile(recordPath);
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Starts offering; called once every role is up, so the first events do not wait for the processor. */
    public synchronized void start() {
        if (offers != null || stopped) {
            return;
        }
        startedAt = clock.instant();
        offers = scheduler.scheduleAtFixedRate(Duration.ZERO, TICK, this::offerBatch);
        LOG.info("demo: offering about {} events/s", eventsPerTick * 1000 / TICK.toMillis());
    }

    private synchronized void offerBatch() {
        if (stopped) {
            return;
        }
        ticks++;
        int size = ticks % BURST_EVERY_TICKS < BURST_TICKS ? eventsPerTick * 4 : eventsPerTick;
        List<IngestEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            IngestEvent event = event();
            totals.onOffered(Priority.valueOf(event.priority()));
            events.add(event);
        }
        try {
            CompletableFuture<Void> published = publishEvents.publish(new PublishEventsCommand(events, 600L * size))
                    .thenAccept(this::count);
            inFlight.add(published);
            published.whenComplete((ignored, failure) -> {
                inFlight.remove(published);
                if (failure != null) {
                    LOG.warn("demo: a publish failed: {}", failure.toString());
                }
            });
        } catch (RequestRefusedException e) {
            totals.onRefused(events.size());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: the demo would stop offering without a word.
            LOG.warn("demo: offering a batch failed: {}", e.toString());
        }
    }

    private IngestEvent event() {
        int roll = random.nextInt(100);
        String priority = roll < 5 ? "P30" : roll < 20 ? "P20" : "P10";
        String tenant = random.nextInt(4) == 0 ? "tenant-busy" : "tenant-" + random.nextInt(20);
        String type = random.nextDouble() < poisonRate ? "order.poison" : "order." + priority.toLowerCase(Locale.ROOT);
        byte[] payload = ("{\"order\":" + random.nextInt(1_000_000) + ",\"note\":\"demo\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new IngestEvent(null, tenant, "demo-shop", type, "order-" + random.nextInt(5_000),
                Payload.wrap(payload), Map.of("origin", "demo"), priority, null, null, List.of());
    }

    private void count(PublishEventsResult result) {
        long now = clock.millis();
        for (EventReceipt receipt : result.receipts()) {
            if (receipt instanceof EventReceipt.Stored stored) {
                totals.onStored(stored.priority(), stored.location().kind());
                if (record != null) {
                    record.write(new AcceptedEvent(stored.eventId(), stored.priority().name(), now));
                }
            } else if (receipt instanceof EventReceipt.Rejected) {
                totals.onRejected();
            } else {
                totals.onUnavailable();
            }
        }
        if (record != null) {
            record.flush();
        }
    }

    /**
     * Stops offering and waits up to {@code timeout} for the publishes under way to be answered, so the record holds
     * every event the publisher stored. Returns when the load started.
     */
    public Instant stopOffering(Duration timeout) throws InterruptedException {
        List<CompletableFuture<?>> pending;
        Instant started;
        synchronized (this) {
            if (offers == null) {
                throw new IllegalStateException("the demo load was never started");
            }
            stopped = true;
            offers.cancel(false);
            pending = List.copyOf(inFlight);
            started = startedAt;
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            LOG.warn("demo: a publish failed while stopping: {}", e.getCause().toString());
        } catch (TimeoutException e) {
            LOG.warn("demo: {} publishes still unanswered after {}", inFlight.size(), timeout);
        }
        return started;
    }

    DemoTotals totals() {
        return totals;
    }

    public Optional<Path> recordPath() {
        return Optional.ofNullable(record).map(AcceptedRecordFile::path);
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (offers != null) {
            offers.cancel(false);
        }
        if (record != null) {
            record.close();
        }
    }
}
