package io.eventgateway.bootstrap.demo;

import io.eventgateway.application.admission.P10AdmissionService;
import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.application.ingest.RequestRefusedException;
import io.eventgateway.bootstrap.processor.ProcessorLoop;
import io.eventgateway.bootstrap.role.PublisherRole;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.ingest.IngestEvent;
import io.eventgateway.domain.priority.Lane;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;

/**
 * {@code --demo}: offers a realistic mix (mostly P10, some P20, a little P30, a few tenants much busier than the
 * rest, occasional bursts) to the in-process publisher, and logs a compact summary every few seconds.
 */
@Context
@PublisherRole
@Requires(property = "eventgateway.demo.enabled", value = "true")
public class DemoLoad {

    private static final Duration TICK = Duration.ofMillis(100);

    private final PublishEventsUseCase publishEvents;
    private final DemoTotals totals = new DemoTotals();
    private final SplittableRandom random = new SplittableRandom(7);
    private final int eventsPerTick;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private long ticks;

    public DemoLoad(PublishEventsUseCase publishEvents, P10AdmissionService admission,
            @Nullable ProcessorLoop processor, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
            @Value("${eventgateway.demo.rate:2000}") int ratePerSecond,
            @Value("${eventgateway.demo.summary-interval:5s}") Duration summaryInterval) {
        this.publishEvents = publishEvents;
        this.eventsPerTick = Math.max(1, (int) (ratePerSecond * TICK.toMillis() / 1000));
        schedules.add(scheduler.scheduleAtFixedRate(TICK, TICK, this::offerBatch));
        schedules.add(scheduler.scheduleAtFixedRate(summaryInterval, summaryInterval,
                () -> totals.logSummary(summaryInterval, admission.p10Rate(),
                        processor == null ? Optional.empty() : processor.stats())));
    }

    private void offerBatch() {
        ticks++;
        int size = ticks % 200 < 10 ? eventsPerTick * 4 : eventsPerTick;
        List<IngestEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(event());
        }
        try {
            publishEvents.publish(new PublishEventsCommand(events, 600L * size))
                    .thenAccept(result -> result.receipts().forEach(this::count));
        } catch (RequestRefusedException e) {
            totals.onRefused(events.size());
        }
    }

    private IngestEvent event() {
        int roll = random.nextInt(100);
        String priority = roll < 5 ? "P30" : roll < 20 ? "P20" : "P10";
        String tenant = random.nextInt(4) == 0 ? "tenant-busy" : "tenant-" + random.nextInt(20);
        byte[] payload = ("{\"order\":" + random.nextInt(1_000_000) + ",\"note\":\"demo\"}")
                .getBytes(StandardCharsets.UTF_8);
        return new IngestEvent(null, tenant, "demo-shop", "order." + priority.toLowerCase(Locale.ROOT),
                "order-" + random.nextInt(5_000), Payload.wrap(payload), Map.of("origin", "demo"), priority, null,
                null, List.of());
    }

    private void count(EventReceipt receipt) {
        if (receipt instanceof EventReceipt.Stored stored) {
            totals.onStored(stored.priority(), stored.lane() == Lane.OFFLOAD, stored.location().kind().tag());
        } else if (receipt instanceof EventReceipt.Rejected) {
            totals.onRejected();
        } else {
            totals.onUnavailable();
        }
    }

    @PreDestroy
    void stop() {
        schedules.forEach(schedule -> schedule.cancel(false));
    }
}
