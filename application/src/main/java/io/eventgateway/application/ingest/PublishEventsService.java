package io.eventgateway.application.ingest;

import io.eventgateway.application.settings.DynamicSettingsSource;
import io.eventgateway.domain.classify.ClassificationInput;
import io.eventgateway.domain.classify.Classifier;
import io.eventgateway.domain.classify.Decision;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.fallback.CircuitBreaker;
import io.eventgateway.domain.ingest.DeadlineResolution;
import io.eventgateway.domain.ingest.EventValidator;
import io.eventgateway.domain.ingest.IngestEvent;
import io.eventgateway.domain.ingest.ValidatedEvent;
import io.eventgateway.domain.ingest.Validation;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ingest: validate, classify and admit each event, then store it through the fallback chain (primary or rollout
 * cluster, alternate cluster, S3 spool). An event is reported stored only after a store acknowledged it; one that
 * no store took is reported unavailable, never silently dropped.
 */
public final class PublishEventsService implements PublishEventsUseCase {

    private final PublishSettings settings;
    private final EventValidator validator;
    private final Classifier classifier;
    private final PublishTargets targets;
    private final DynamicSettingsSource dynamicSettings;
    private final EventIdGenerator idGenerator;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final InFlightLimiter inFlight;
    private final GuardedTarget primary;
    private final GuardedTarget rollout;
    private final GuardedTarget alternate;

    public PublishEventsService(PublishSettings settings, EventValidator validator, Classifier classifier,
            PublishTargets targets, DynamicSettingsSource dynamicSettings, EventIdGenerator idGenerator,
            IngestMetrics metrics, Clock clock) {
        this.settings = settings;
        this.validator = validator;
        this.classifier = classifier;
        this.targets = targets;
        this.dynamicSettings = dynamicSettings;
        this.idGenerator = idGenerator;
        this.metrics = metrics;
        this.clock = clock;
        this.inFlight = new InFlightLimiter(settings.maxInFlightBytes());
        this.primary = guarded(StoreTarget.PRIMARY, settings.primaryTimeout());
        this.rollout = guarded(StoreTarget.ROLLOUT, settings.primaryTimeout());
        this.alternate = guarded(StoreTarget.ALTERNATE, settings.alternateTimeout());
    }

    private GuardedTarget guarded(StoreTarget target, Duration timeout) {
        return new GuardedTarget(target, new CircuitBreaker(settings.breaker()), timeout, clock, metrics);
    }

    @Override
    public CompletableFuture<PublishEventsResult> publish(PublishEventsCommand command) {
        refuseOversized(command);
        long bytes = command.requestBytes();
        if (!inFlight.tryAcquire(bytes)) {
            throw new RequestRefusedException(RequestRefusedException.Reason.OVERLOADED, "request",
                    "the gateway holds its limit of " + inFlight.maxBytes() + " in-flight bytes; retry shortly",
                    settings.primaryTimeout());
        }
        Instant started = clock.instant();
        CompletableFuture<PublishEventsResult> result;
        try {
            result = storeAll(command.events(), started);
        } catch (RuntimeException e) {
            inFlight.release(bytes);
            throw e;
        }
        return result.whenComplete((done, failure) -> {
            inFlight.release(bytes);
            metrics.onBatchAnswered(Duration.between(started, clock.instant()), command.events().size());
        });
    }

    /** Bytes held by requests in flight now. */
    public long inFlightBytes() {
        return inFlight.inFlightBytes();
    }

    /** Primary writes actually attempted (not skipped by the open circuit). */
    public long primaryAttempts() {
        return primary.attempts();
    }

    private void refuseOversized(PublishEventsCommand command) {
        int maxEvents = settings.limits().maxEventsPerRequest();
        if (command.events().size() > maxEvents) {
            throw new RequestRefusedException(RequestRefusedException.Reason.TOO_LARGE, "events",
                    "has " + command.events().size() + " events, more than the limit of " + maxEvents, null);
        }
        long maxBytes = settings.limits().maxRequestBytes();
        if (command.requestBytes() > maxBytes) {
            throw new RequestRefusedException(RequestRefusedException.Reason.TOO_LARGE, "request",
                    "is " + command.requestBytes() + " bytes, more than the limit of " + maxBytes, null);
        }
    }

    private CompletableFuture<PublishEventsResult> storeAll(List<IngestEvent> events, Instant now) {
        EventReceipt[] receipts = new EventReceipt[events.size()];
        List<PendingWrite> writes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Admission admission = admit(events.get(i), now);
            if (admission.receipt() != null) {
                receipts[i] = admission.receipt();
                metrics.onEventFailed("rejected");
            } else {
                writes.add(new PendingWrite(i, admission.write()));
            }
        }
        List<CompletableFuture<StoredLocation>> firstTwoLinks = new ArrayList<>(writes.size());
        for (PendingWrite pending : writes) {
            firstTwoLinks.add(writeToClusters(pending.write()));
        }
        return CompletableFuture.allOf(firstTwoLinks.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> firstTwoLinks)
                .thenCompose(results -> spoolWhatFailed(writes, results, receipts))
                .thenApply(ignored -> new PublishEventsResult(Arrays.asList(receipts)));
    }

    private Admission admit(IngestEvent event, Instant now) {
        Validation validation = validator.validate(event, now);
        if (validation instanceof Validation.Invalid invalid) {
            return Admission.refused(new EventReceipt.Rejected(emptyToNull(event.eventId()), invalid.violations()));
        }
        ValidatedEvent valid = ((Validation.Valid) validation).event();
        String eventId = valid.eventId() != null ? valid.eventId() : idGenerator.newEventId();
        Decision decision;
        synchronized (classifier) {
            decision = classifier.classify(new ClassificationInput(valid.eventType(), valid.sourceName(),
                    valid.attributes(), valid.companyId(), valid.requestedPriority()), now);
        }
        Priority priority;
        Lane lane;
        Instant delayUntil = valid.delayUntil();
        if (decision instanceof Decision.Offload offload) {
            priority = offload.priority();
            lane = offload.lane();
            Instant offloadedUntil = now.plus(offload.delay());
            delayUntil = delayUntil == null || delayUntil.isBefore(offloadedUntil) ? offloadedUntil : delayUntil;
        } else {
            Decision.Admit admit = (Decision.Admit) decision;
            priority = admit.priority();
            lane = admit.lane();
        }
        DeadlineResolution deadline = validator.resolveDeadline(valid, priority, now);
        if (deadline instanceof DeadlineResolution.Refused refused) {
            return Admission.refused(new EventReceipt.Rejected(eventId, List.of(refused.violation())));
        }
        Instant sloDeadline = ((DeadlineResolution.Resolved) deadline).deadline();
        EventRecord record = new EventRecord(eventId, valid.companyId(), valid.sourceName(), valid.eventType(),
                valid.groupKey(), valid.payload(), valid.attributes(), priority, now, sloDeadline, 0,
                lane == Lane.OFFLOAD ? 1 : 0, delayUntil, null);
        return Admission.accepted(new LaneWrite(record, lane));
    }

    private CompletableFuture<StoredLocation> writeToClusters(LaneWrite write) {
        boolean toRollout = targets.rollout().isPresent()
                && dynamicSettings.current().rollout().routesToRollout(write.record().companyId());
        GuardedTarget first = toRollout ? rollout : primary;
        LaneTopicWriter writer = toRollout ? targets.rollout().get() : targets.primary();
        if (toRollout) {
            metrics.onRolloutRouted();
        }
        return first.call(() -> writer.write(write))
                .thenApply(location -> stored(write, first.target(), location))
                .exceptionallyCompose(primaryFailure -> targets.alternate()
                        .map(store -> alternate.call(() -> store.write(write))
                                .thenApply(location -> stored(write, StoreTarget.ALTERNATE, location)))
                        .orElseGet(() -> CompletableFuture.failedFuture(
                                new TargetUnavailableException("no alternate cluster configured"))));
    }

    private StoredLocation stored(LaneWrite write, StoreTarget target, StoredLocation location) {
        metrics.onEventStored(write.record().priority(), write.lane(), target);
        return location;
    }

    private CompletableFuture<Void> spoolWhatFailed(List<PendingWrite> writes,
            List<CompletableFuture<StoredLocation>> results, EventReceipt[] receipts) {
        List<PendingWrite> unstored = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            PendingWrite pending = writes.get(i);
            CompletableFuture<StoredLocation> result = results.get(i);
            if (result.isCompletedExceptionally()) {
                unstored.add(pending);
            } else {
                receipts[pending.index()] = storedReceipt(pending.write(), result.join());
            }
        }
        if (unstored.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (targets.spool().isEmpty()) {
            markUnavailable(unstored, receipts, "primary and alternate clusters failed and no S3 spool is configured");
            return CompletableFuture.completedFuture(null);
        }
        List<LaneWrite> batch = unstored.stream().map(PendingWrite::write).toList();
        CompletableFuture<StoredLocation> spooled;
        try {
            spooled = targets.spool().get().writeBatch(batch);
        } catch (RuntimeException e) {
            spooled = CompletableFuture.failedFuture(e);
        }
        return spooled
                .orTimeout(settings.spoolTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((location, failure) -> {
                    if (failure != null) {
                        unstored.forEach(pending -> metrics.onFallback(StoreTarget.S3));
                        markUnavailable(unstored, receipts, "every store failed; last: S3 spool: "
                                + rootMessage(failure));
                    } else {
                        for (PendingWrite pending : unstored) {
                            metrics.onEventStored(pending.write().record().priority(), pending.write().lane(),
                                    StoreTarget.S3);
                            receipts[pending.index()] = storedReceipt(pending.write(), location);
                        }
                    }
                    return null;
                });
    }

    private void markUnavailable(List<PendingWrite> unstored, EventReceipt[] receipts, String reason) {
        for (PendingWrite pending : unstored) {
            EventRecord record = pending.write().record();
            receipts[pending.index()] = new EventReceipt.Unavailable(record.eventId(), record.priority(),
                    pending.write().lane(), reason);
            metrics.onEventFailed("unavailable");
        }
    }

    private static EventReceipt storedReceipt(LaneWrite write, StoredLocation location) {
        return new EventReceipt.Stored(write.record().eventId(), write.record().priority(), write.lane(), location);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private record PendingWrite(int index, LaneWrite write) {
    }

    /** Either a write to perform or the receipt that already answers the event. */
    private record Admission(LaneWrite write, EventReceipt receipt) {

        static Admission accepted(LaneWrite write) {
            return new Admission(write, null);
        }

        static Admission refused(EventReceipt receipt) {
            return new Admission(null, receipt);
        }
    }
}
