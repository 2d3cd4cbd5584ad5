package io.eventgateway.application.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.application.MutableClock;
import io.eventgateway.application.ingest.FakeStores.Health;
import io.eventgateway.application.settings.DynamicSettings;
import io.eventgateway.domain.classify.Classifier;
import io.eventgateway.domain.classify.ClassifierSettings;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.fallback.CircuitBreakerSettings;
import io.eventgateway.domain.ingest.EventValidator;
import io.eventgateway.domain.ingest.IngestEvent;
import io.eventgateway.domain.ingest.IngestLimits;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.domain.routing.RolloutRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PublishEventsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration SHORT = Duration.ofMillis(100);

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeStores.Writer primary = new FakeStores.Writer("primary");
    private final FakeStores.Writer rolloutCluster = new FakeStores.Writer("rollout");
    private final FakeStores.Writer alternate = new FakeStores.Writer("alternate");
    private final FakeStores.Spool spool = new FakeStores.Spool();
    private final AtomicReference<DynamicSettings> dynamic = new AtomicReference<>(DynamicSettings.defaults());
    private final AtomicInteger ids = new AtomicInteger();
    private PublishSettings settings = new PublishSettings(IngestLimits.defaults(), 64L * 1024 * 1024, SHORT, SHORT,
            SHORT, new CircuitBreakerSettings(1, Duration.ofSeconds(5)));
    private double p10Rate = 10_000;
    private final Map<StoreTarget, AtomicInteger> fallbacks = new ConcurrentHashMap<>();
    private final IngestMetrics metrics = new IngestMetrics() {
        @Override
        public void onBatchAnswered(Duration latency, int events) {
        }

        @Override
        public void onEventFailed(String errorType) {
        }

        @Override
        public void onEventStored(Priority priority, Lane lane, StoreTarget target) {
        }

        @Override
        public void onFallback(StoreTarget target) {
            fallbacks.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void onRolloutRouted() {
        }
    };

    private PublishEventsService service() {
        SloPolicy slo = SloPolicy.defaults();
        return new PublishEventsService(settings, new EventValidator(settings.limits(), slo),
                new Classifier(ClassifierSettings.defaults(), p10Rate, NOW),
                new PublishTargets(primary, Optional.of(rolloutCluster), Optional.of(alternate), Optional.of(spool)),
                dynamic::get, () -> "generated-" + ids.incrementAndGet(), metrics, clock);
    }

    private static IngestEvent event(String id, String company, String priority) {
        return new IngestEvent(id, company, "billing", "invoice.paid", null, Payload.wrap(new byte[] {1}), Map.of(),
                priority, null, null, List.of());
    }

    private static PublishEventsResult publish(PublishEventsService service, IngestEvent... events) {
        return service.publish(new PublishEventsCommand(List.of(events), 100)).join();
    }

    @Test
    void eachPriorityIsStoredOnItsLaneWithDeadlineIngestPlusSlo() {
        PublishEventsResult result = publish(service(), event("a", "acme", "P30"), event("b", "acme", "P20"),
                event("c", "acme", "P10"));

        assertThat(result.receipts()).allSatisfy(r -> assertThat(r).isInstanceOf(EventReceipt.Stored.class));
        assertThat(primary.stored).extracting(LaneWrite::lane).containsExactly(Lane.P30, Lane.P20, Lane.P10);
        assertThat(primary.stored).extracting(w -> w.record().sloDeadline())
                .containsExactly(NOW.plusSeconds(5), NOW.plusSeconds(60), NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void validEventsAreStoredWhileInvalidOnesInTheSameBatchAreRejected() {
        PublishEventsResult result = publish(service(), event("ok", "acme", "P20"), event("bad", "", "P20"),
                event("bad-priority", "acme", "P99"));

        assertThat(result.receipts().get(0)).isInstanceOf(EventReceipt.Stored.class);
        assertThat(result.receipts().get(1)).isInstanceOfSatisfying(EventReceipt.Rejected.class,
                r -> assertThat(r.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("company_id")));
        assertThat(result.receipts().get(2)).isInstanceOfSatisfying(EventReceipt.Rejected.class,
                r -> assertThat(r.violations()).anySatisfy(v -> assertThat(v.field()).isEqualTo("priority")));
        assertThat(primary.stored).hasSize(1);
    }

    @Test
    void aMissingEventIdIsGeneratedAndReturned() {
        PublishEventsResult result = publish(service(), event(null, "acme", "P20"));

        assertThat(result.receipts().get(0).eventId()).isEqualTo("generated-1");
        assertThat(primary.stored.get(0).record().eventId()).isEqualTo("generated-1");
    }

    @Test
    void aFailingPrimaryFallsBackToTheAlternateCluster() {
        primary.health = Health.FAILING;

        PublishEventsResult result = publish(service(), event("a", "acme", "P30"));

        assertThat(result.receipts().get(0)).isInstanceOfSatisfying(EventReceipt.Stored.class,
                r -> assertThat(r.location()).isInstanceOf(StoredLocation.Alternate.class));
        assertThat(alternate.stored).extracting(w -> w.record().priority()).containsExactly(Priority.P30);
    }

    @Test
    void aHangingPrimaryTimesOutAndFallsBack() {
        primary.health = Health.HANGING;

        PublishEventsResult result = publish(service(), event("a", "acme", "P30"));

        assertThat(result.receipts().get(0)).isInstanceOfSatisfying(EventReceipt.Stored.class,
                r -> assertThat(r.location()).isInstanceOf(StoredLocation.Alternate.class));
    }

    @Test
    void withBothClustersDownTheBatchGoesToOneSpoolObject() {
        primary.health = Health.FAILING;
        alternate.health = Health.FAILING;

        PublishEventsResult result = publish(service(), event("a", "acme", "P30"), event("b", "acme", "P10"));

        assertThat(spool.objects).hasSize(1);
        assertThat(spool.objects.get(0)).extracting(w -> w.record().eventId()).containsExactly("a", "b");
        assertThat(result.receipts()).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(EventReceipt.Stored.class,
                stored -> assertThat(stored.location()).isEqualTo(new StoredLocation.Spool("spool", "obj-1"))));
    }

    @Test
    void everyEventThatFallsPastAStoreIsCountedAsAFallbackFromThatStore() {
        primary.health = Health.FAILING;
        alternate.health = Health.FAILING;
        spool.health = Health.FAILING;

        publish(service(), event("a", "acme", "P30"), event("b", "acme", "P10"), event("c", "acme", "P20"));

        assertThat(fallbacks.get(StoreTarget.PRIMARY)).hasValue(3);
        assertThat(fallbacks.get(StoreTarget.ALTERNATE)).hasValue(3);
        assertThat(fallbacks.get(StoreTarget.S3)).hasValue(3);
    }

    @Test
    void withEveryStoreDownEventsAreUnavailableAndNeverReportedStored() {
        primary.health = Health.FAILING;
        alternate.health = Health.FAILING;
        spool.health = Health.HANGING;

        PublishEventsResult result = publish(service(), event("a", "acme", "P30"));

        assertThat(result.receipts().get(0)).isInstanceOfSatisfying(EventReceipt.Unavailable.class,
                r -> assertThat(r.reason()).contains("S3 spool"));
    }

    @Test
    void whilePrimaryIsDownTheOpenCircuitSkipsItUntilTheProbeInterval() {
        primary.health = Health.FAILING;
        PublishEventsService service = service();

        for (int i = 0; i < 5; i++) {
            publish(service, event("e" + i, "acme", "P20"));
        }

        assertThat(primary.calls.get()).isEqualTo(1);
        assertThat(alternate.stored).hasSize(5);

        primary.health = Health.UP;
        clock.advance(Duration.ofSeconds(5));
        publish(service, event("back", "acme", "P20"));
        publish(service, event("after", "acme", "P20"));

        assertThat(primary.stored).extracting(w -> w.record().eventId()).containsExactly("back", "after");
    }

    @Test
    void pastTheInFlightLimitARequestIsRefusedAndNothingOfItStored() {
        settings = new PublishSettings(new IngestLimits(10_000, 1_000, 500, 256, 64, 4096, Duration.ofDays(7),
                Duration.ofDays(1)), 1_000, Duration.ofSeconds(30), SHORT, SHORT,
                new CircuitBreakerSettings(1, Duration.ofSeconds(5)));
        primary.health = Health.HANGING;
        PublishEventsService service = service();
        CompletableFuture<PublishEventsResult> holding =
                service.publish(new PublishEventsCommand(List.of(event("held", "acme", "P20")), 800));

        assertThatThrownBy(() -> service.publish(new PublishEventsCommand(List.of(event("x", "acme", "P20")), 300)))
                .isInstanceOfSatisfying(RequestRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RequestRefusedException.Reason.OVERLOADED));
        assertThat(service.inFlightBytes()).isEqualTo(800);
        assertThat(holding).isNotDone();
    }

    @Test
    void inFlightBytesAreReleasedWhenABatchIsAnswered() {
        PublishEventsService service = service();

        publish(service, event("a", "acme", "P20"));

        assertThat(service.inFlightBytes()).isZero();
    }

    @Test
    void tooManyEventsRefuseTheWholeRequest() {
        settings = new PublishSettings(new IngestLimits(2, 1_000, 500, 256, 64, 4096, Duration.ofDays(7),
                Duration.ofDays(1)), 1_000, SHORT, SHORT, SHORT, new CircuitBreakerSettings(1, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> publish(service(), event("a", "c", null), event("b", "c", null), event("c", "c", null)))
                .isInstanceOfSatisfying(RequestRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RequestRefusedException.Reason.TOO_LARGE);
                    assertThat(e.field()).isEqualTo("events");
                });
        assertThat(primary.stored).isEmpty();
    }

    @Test
    void p10OverTheAdmissionRateGoesToOffloadWithADelayAndIsNeverDropped() {
        p10Rate = 1;
        List<IngestEvent> events = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            events.add(event("p10-" + i, "tenant-" + (i % 50), "P10"));
        }

        PublishEventsResult result = service().publish(new PublishEventsCommand(events, 100)).join();

        assertThat(result.receipts()).allSatisfy(r -> assertThat(r).isInstanceOf(EventReceipt.Stored.class));
        List<LaneWrite> offloaded = primary.stored.stream().filter(w -> w.lane() == Lane.OFFLOAD).toList();
        assertThat(offloaded).isNotEmpty().allSatisfy(w -> {
            assertThat(w.record().priority()).isEqualTo(Priority.P10);
            assertThat(w.record().delayUntil()).isAfter(NOW);
        });
        assertThat(primary.stored).hasSize(1_100);
    }

    @Test
    void rolloutPercentRoutesTenantsByCrc32AndCanChangeAtRuntime() {
        PublishEventsService service = service();
        String tenant = "tenant-routed";
        int bucket = RolloutRule.bucketOf(tenant);

        publish(service, event("before", tenant, "P20"));
        dynamic.set(dynamic.get().withRollout(new RolloutRule(bucket + 1)));
        publish(service, event("after", tenant, "P20"));

        assertThat(primary.stored).extracting(w -> w.record().eventId()).containsExactly("before");
        assertThat(rolloutCluster.stored).extracting(w -> w.record().eventId()).containsExactly("after");
    }
}
