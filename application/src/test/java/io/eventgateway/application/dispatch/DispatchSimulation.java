package io.eventgateway.application.dispatch;

import io.eventgateway.application.MutableClock;
import io.eventgateway.domain.dispatch.DispatchSettings;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.lease.LeaseSettings;
import io.eventgateway.domain.memory.MemoryBudgetSettings;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.offset.OffsetMetadataCodec;
import io.eventgateway.domain.offset.OffsetRange;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.priority.SloPolicy;
import io.eventgateway.domain.replica.ReplicaIdentity;
import io.eventgateway.domain.retry.RetrySettings;
import io.eventgateway.domain.task.SourcePosition;
import io.eventgateway.domain.task.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A seeded simulation of one orchestrator replica: a producer appending to lane partitions, lane consumers that obey
 * the pause sets, processors that fetch (some long-polling), answer out of order, retry, fail, crash, release and
 * extend, a response consumer that sometimes lags, a dead-letter writer that sometimes fails or is slow, a committer,
 * and a ticker, all on a mutable clock in 10 ms steps. Every step checks the dispatch invariants; {@link #run()} fails
 * with the seed and the time in the message when one breaks.
 */
final class DispatchSimulation {

    /** What to simulate; everything random derives from {@code seed}. */
    record Config(long seed, int records, boolean strictOrdering, long maxUncommittedSpan, int maxDeliveries,
            SourcePosition stuckRecord, double delayedShare) {

        static Config of(long seed) {
            return new Config(seed, 1_200, false, 150, 3, null, 0.05);
        }

        Config withRecords(int count) {
            return new Config(seed, count, strictOrdering, maxUncommittedSpan, maxDeliveries, stuckRecord, delayedShare);
        }

        Config withStrictOrdering() {
            return new Config(seed, records, true, maxUncommittedSpan, maxDeliveries, stuckRecord, 0);
        }

        Config withStuckRecord(SourcePosition stuck, long span, int deliveries) {
            return new Config(seed, records, strictOrdering, span, deliveries, stuck, delayedShare);
        }
    }

    /** What a run observed, for scenario assertions beyond the invariants. */
    record Report(long granted, long acked, long deadLettered, long retries, long expired, long peakMemoryBytes,
            long budgetBytes, Set<SourcePartition> pausedForSpan, Map<SourcePartition, Long> finalCommits,
            List<String> grantOrder) {
    }

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration STEP = Duration.ofMillis(10);
    static final Duration PRODUCTION = Duration.ofSeconds(20);
    static final int MAX_POLL_RECORDS = 20;
    static final int MAX_STEPS = 60_000;
    static final Duration TTL = Duration.ofSeconds(2);
    static final Duration FAIRNESS_WINDOW = Duration.ofMillis(100);
    static final long BUDGET_BYTES = 300_000;
    static final Map<Lane, Integer> PARTITIONS = Map.of(Lane.P30, 2, Lane.P20, 2, Lane.P10, 2, Lane.OFFLOAD, 1);

    private final Config config;
    private final Random random;
    private final MutableClock clock = new MutableClock(T0);
    private final TestCodec codec = new TestCodec();
    private final SloPolicy slo = SloPolicy.defaults();
    private final DispatchService service;
    private final Map<SourcePartition, List<LogEntry>> logs = new LinkedHashMap<>();
    private final Map<SourcePosition, LogEntry> bySource = new HashMap<>();
    private final List<LaneConsumer> consumers = new ArrayList<>();
    private final List<Processor> processors = new ArrayList<>();
    private final List<Published> responseTopic = new ArrayList<>();
    private final List<PendingWrite> pendingWrites = new ArrayList<>();
    private final Set<SourcePosition> done = new HashSet<>();
    private final Set<SourcePosition> acked = new HashSet<>();
    private final Map<SourcePosition, String> deadLettered = new HashMap<>();
    private final Set<SourcePosition> retried = new HashSet<>();
    private final Map<SourcePosition, OpenLease> openLeases = new HashMap<>();
    private final Map<SourcePosition, Instant> firstGranted = new HashMap<>();
    private final Map<String, Long> lastFirstGrantOffsetByKey = new HashMap<>();
    private final Map<SourcePartition, Long> committed = new HashMap<>();
    private final Map<SourcePartition, Integer> lowestNotDone = new HashMap<>();
    private final Set<SourcePartition> pausedForSpan = new HashSet<>();
    private final List<String> grantOrder = new ArrayList<>();
    private int responsesRead;
    private Duration responseLag = Duration.ZERO;
    private Instant lagSpikeEnds = T0;
    private Instant readUpTo = T0;
    private long maxPollBytes;
    private long peakMemory;
    private long granted;
    private long step;

    DispatchSimulation(Config config) {
        this.config = config;
        this.random = new Random(config.seed());
        DispatchSettings dispatch = new DispatchSettings(FAIRNESS_WINDOW, 0.10, config.strictOrdering(), 1_000_000);
        OrchestratorSettings settings = new OrchestratorSettings(new ReplicaIdentity(0, 1), dispatch,
                new LeaseSettings(TTL, TTL.multipliedBy(5), config.maxDeliveries(), 10_000),
                MemoryBudgetSettings.defaults().withTotalBytes(BUDGET_BYTES), config.maxUncommittedSpan(), 4096, slo,
                1, Duration.ofSeconds(5), 8,
                // Everything waits in memory (the simulation has no retry topics): 200 ms per retry, delays as long as
                // they are; one attempt, so a task out of deliveries goes to the DLQ.
                new RetrySettings(1, Duration.ofMillis(200), 1.0, Duration.ofDays(365), 1, config.maxDeliveries()),
                Duration.ofMillis(300), Duration.ZERO, 0, 0);
        this.service = new DispatchService(settings, codec, new SimHandoffs(), DispatchHarness::retryLevelOf,
                DispatchMetrics.NONE, clock);
        produce();
        for (Lane lane : List.of(Lane.P30, Lane.P20, Lane.P10, Lane.OFFLOAD)) {
            consumers.add(new LaneConsumer(lane));
        }
        for (int i = 0; i < 4; i++) {
            processors.add(new Processor("proc-" + i));
        }
    }

    Report run() {
        for (LaneConsumer consumer : consumers) {
            consumer.assign();
        }
        Instant productionEnds = T0.plus(PRODUCTION);
        while (!(clock.instant().isAfter(productionEnds) && everythingDone())) {
            if (++step > MAX_STEPS) {
                throw violation("did not finish: " + (bySource.size() - done.size()) + " records not done, "
                        + service.status());
            }
            oneStep();
            clock.advance(STEP);
        }
        commit(true);
        checkFinal();
        OrchestratorStatus status = service.status();
        return new Report(granted, acked.size(), deadLettered.size(), status.counters().retries(),
                status.leases().expired(), peakMemory, BUDGET_BYTES, Set.copyOf(pausedForSpan), Map.copyOf(committed),
                List.copyOf(grantOrder));
    }

    // ---- the world ----

    /** One append-only log per partition; offsets in arrival order. */
    private void produce() {
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < config.records(); i++) {
            Instant arrival = T0.plusMillis(random.nextInt((int) PRODUCTION.toMillis()));
            entries.add(newEntry(i, arrival));
        }
        entries.sort((a, b) -> a.appendedAt.compareTo(b.appendedAt));
        for (Lane lane : PARTITIONS.keySet()) {
            for (int p = 0; p < PARTITIONS.get(lane); p++) {
                logs.put(DispatchHarness.partition(lane, p), new ArrayList<>());
            }
        }
        for (LogEntry entry : entries) {
            List<LogEntry> log = logs.get(entry.partition);
            entry.source = new SourcePosition(entry.partition.topic(), entry.partition.partition(), log.size());
            log.add(entry);
            bySource.put(entry.source, entry);
        }
    }

    private LogEntry newEntry(int index, Instant arrival) {
        double roll = random.nextDouble();
        Lane lane = roll < 0.15 ? Lane.P30 : roll < 0.40 ? Lane.P20 : roll < 0.92 ? Lane.P10 : Lane.OFFLOAD;
        Priority priority = lane == Lane.OFFLOAD ? Priority.P10 : Priority.valueOf(lane.name());
        String tenant = "t" + random.nextInt(5);
        String key = "k" + random.nextInt(30);
        // Under strict ordering a key lives on one partition, as the publisher's hashing guarantees.
        int partition = Math.floorMod((tenant + key).hashCode(), PARTITIONS.get(lane));
        SourcePartition sourcePartition = DispatchHarness.partition(lane, partition);
        if (random.nextDouble() < 0.01) {
            byte[] garbage = new byte[5 + random.nextInt(50)];
            random.nextBytes(garbage);
            garbage[0] = 0;
            return new LogEntry(lane, sourcePartition, garbage, arrival, null);
        }
        Instant ingestedAt = arrival.minusMillis(random.nextInt(200));
        Instant deadline = random.nextDouble() < 0.1
                ? slo.earliestAllowedDeadline(priority, ingestedAt)
                : slo.defaultDeadline(priority, ingestedAt);
        Instant delayUntil = random.nextDouble() < config.delayedShare()
                ? arrival.plusMillis(random.nextInt(3_000)) : null;
        EventRecord event = new EventRecord("ev-" + index, tenant, "sim", "sim.event", key,
                Payload.wrap(new byte[20 + random.nextInt(600)]), Map.of(), priority, ingestedAt, deadline, 0,
                lane == Lane.OFFLOAD ? 1 : 0, delayUntil, null);
        return new LogEntry(lane, sourcePartition, codec.encode(event, lane), arrival, event);
    }

    private void oneStep() {
        Instant now = clock.instant();
        for (LaneConsumer consumer : consumers) {
            consumer.poll(now);
        }
        for (Processor processor : processors) {
            processor.work(now);
        }
        deliverResponses(now);
        completePendingWrites(now);
        if (step % 5 == 0) {
            service.tick();
        }
        if (step % 20 == 0) {
            commit(false);
        }
        OrchestratorStatus status = service.status();
        checkMemory(status);
        checkSpans(status);
    }

    private void deliverResponses(Instant now) {
        if (!now.isBefore(lagSpikeEnds)) {
            responseLag = Duration.ofMillis(random.nextInt(30));
            if (random.nextDouble() < 0.01) {
                responseLag = Duration.ofMillis(1_000 + random.nextInt(2_000));
                lagSpikeEnds = now.plus(responseLag).plusSeconds(1);
            }
        }
        // A response consumer's position never goes back: during a lag spike it just stops moving.
        Instant candidate = now.minus(responseLag);
        readUpTo = candidate.isAfter(readUpTo) ? candidate : readUpTo;
        List<ProcessorResponse> batch = new ArrayList<>();
        while (responsesRead < responseTopic.size() && !responseTopic.get(responsesRead).at.isAfter(readUpTo)) {
            Published published = responseTopic.get(responsesRead++);
            batch.add(published.response);
            noteResponse(published.response);
        }
        service.onResponses(batch, readUpTo);
    }

    /** What a response tells the simulation, as it reaches the service. */
    private void noteResponse(ProcessorResponse response) {
        SourcePosition source = response.taskId().source();
        OpenLease open = openLeases.get(source);
        boolean current = open != null && open.delivery == response.taskId().delivery();
        switch (response.outcome()) {
            case ACK -> {
                acked.add(source);
                markDone(source);
                openLeases.remove(source);
            }
            case RETRY -> {
                if (current) {
                    retried.add(source);
                    openLeases.remove(source);
                }
            }
            case FAIL -> {
                if (current) {
                    openLeases.remove(source);
                }
            }
        }
    }

    private void completePendingWrites(Instant now) {
        Iterator<PendingWrite> pending = pendingWrites.iterator();
        List<PendingWrite> due = new ArrayList<>();
        while (pending.hasNext()) {
            PendingWrite write = pending.next();
            if (!write.completeAt.isAfter(now)) {
                pending.remove();
                due.add(write);
            }
        }
        for (PendingWrite write : due) {
            deadLettered.put(write.source, write.reason);
            markDone(write.source);
            write.result.complete(null);
        }
    }

    private void markDone(SourcePosition source) {
        done.add(source);
    }

    /** Every record done as far as the simulation can tell, and nothing held or being written any more. */
    private boolean everythingDone() {
        return done.size() == bySource.size() && pendingWrites.isEmpty()
                && service.status().memory().usedBytes() == 0;
    }

    // ---- invariants ----

    private void commit(boolean last) {
        Map<SourcePartition, OffsetCommit> positions = service.commitPositions();
        positions.forEach((partition, commit) -> {
            List<LogEntry> log = logs.get(partition);
            for (long offset = committed.getOrDefault(partition, 0L); offset < commit.offset(); offset++) {
                if (!done.contains(log.get((int) offset).source)) {
                    throw violation("commit of " + partition + " at " + commit.offset() + " passes offset " + offset
                            + " which is not done");
                }
            }
            for (OffsetRange range : OffsetMetadataCodec.decode(commit.offset(), commit.metadata())) {
                for (long offset = range.first(); offset <= range.last(); offset++) {
                    if (!done.contains(log.get((int) offset).source)) {
                        throw violation("commit metadata of " + partition + " names offset " + offset
                                + " which is not done");
                    }
                }
            }
            if (commit.offset() < committed.getOrDefault(partition, 0L)) {
                throw violation("commit of " + partition + " went back to " + commit.offset());
            }
        });
        // Now and then a commit fails: the service must offer the same positions again.
        if (last || random.nextDouble() < 0.9) {
            positions.forEach((partition, commit) -> committed.put(partition, commit.offset()));
            service.onCommitted(positions);
        }
    }

    /** Memory stays within the budget plus what one poll brings in. */
    private void checkMemory(OrchestratorStatus status) {
        OrchestratorStatus.Memory memory = status.memory();
        peakMemory = Math.max(peakMemory, memory.usedBytes());
        if (memory.usedBytes() > memory.budgetBytes() + maxPollBytes) {
            throw violation("memory " + memory.usedBytes() + " exceeds budget " + memory.budgetBytes()
                    + " + one poll " + maxPollBytes);
        }
    }

    /** A partition stops reading at the span limit, give or take the poll that crossed it. */
    private void checkSpans(OrchestratorStatus status) {
        for (LaneConsumer consumer : consumers) {
            for (SourcePartition partition : consumer.positions.keySet()) {
                List<LogEntry> log = logs.get(partition);
                int lowest = lowestNotDone.getOrDefault(partition, 0);
                while (lowest < log.size() && done.contains(log.get(lowest).source)) {
                    lowest++;
                }
                lowestNotDone.put(partition, lowest);
                long highestPolled = consumer.positions.get(partition) - 1L;
                long span = highestPolled - lowest + 1;
                if (span > config.maxUncommittedSpan() + MAX_POLL_RECORDS) {
                    throw violation("uncommitted span of " + partition + " is " + span);
                }
            }
        }
        status.pausedPartitions().forEach((partition, reasons) -> {
            if (reasons.contains(PauseReason.SPAN)) {
                pausedForSpan.add(partition);
            }
        });
    }

    private void checkGrant(LeaseGrant grant, Instant now) {
        granted += grant.tasks().size();
        Instant earliestOnTimeSoFar = null;
        boolean overdueSeen = false;
        Set<String> keysInGrant = new HashSet<>();
        for (GrantedTask task : grant.tasks()) {
            SourcePosition source = task.taskId().source();
            LogEntry entry = bySource.get(source);
            EventRecord event = codec.decode(task.storedRecord()).record();
            grantOrder.add(event.eventId());
            if (event.delayUntil() != null && event.delayUntil().isAfter(now)) {
                throw violation(source + " served before its delay_until " + event.delayUntil());
            }
            OpenLease open = openLeases.get(source);
            if (open != null && open.expiresAt.isAfter(now)) {
                throw violation(source + " leased again while its lease runs until " + open.expiresAt);
            }
            if (config.strictOrdering()) {
                checkStrictKey(entry, keysInGrant, now);
            }
            openLeases.put(source, new OpenLease(task.taskId().delivery(), now.plus(grant.ttl()), entry.key()));
            firstGranted.putIfAbsent(source, now);
            // Deadline order within the fairness window, on-time tasks first; ordering deadlines are known for fresh
            // lanes' records that were not retried.
            if (entry.lane == Lane.OFFLOAD || retried.contains(source)) {
                continue;
            }
            Instant deadline = event.sloDeadline();
            if (deadline.isBefore(now)) {
                overdueSeen = true;
                continue;
            }
            if (overdueSeen) {
                throw violation("on-time " + source + " leased after an overdue task in one batch");
            }
            if (earliestOnTimeSoFar != null && earliestOnTimeSoFar.isAfter(deadline.plus(FAIRNESS_WINDOW))) {
                throw violation(source + " due " + deadline + " leased after a task due " + earliestOnTimeSoFar);
            }
            if (earliestOnTimeSoFar == null || deadline.isAfter(earliestOnTimeSoFar)) {
                earliestOnTimeSoFar = deadline;
            }
        }
    }

    /** Strict ordering: one open lease per key, and a key's records first leased in offset order. */
    private void checkStrictKey(LogEntry entry, Set<String> keysInGrant, Instant now) {
        String key = entry.key();
        if (!keysInGrant.add(key)) {
            throw violation("key " + key + " leased twice in one batch");
        }
        for (Map.Entry<SourcePosition, OpenLease> open : openLeases.entrySet()) {
            if (open.getValue().key.equals(key) && open.getValue().expiresAt.isAfter(now)
                    && !open.getKey().equals(entry.source)) {
                throw violation("key " + key + " leased while " + open.getKey() + " holds it");
            }
        }
        if (!firstGranted.containsKey(entry.source)) {
            String keyInPartition = entry.partition + "/" + key;
            long previous = lastFirstGrantOffsetByKey.getOrDefault(keyInPartition, -1L);
            if (entry.source.offset() < previous) {
                throw violation("key " + key + " served offset " + entry.source.offset() + " after " + previous);
            }
            lastFirstGrantOffsetByKey.put(keyInPartition, entry.source.offset());
        }
    }

    private void checkFinal() {
        for (Map.Entry<SourcePartition, List<LogEntry>> log : logs.entrySet()) {
            long end = log.getValue().size();
            if (end > 0 && committed.getOrDefault(log.getKey(), 0L) != end) {
                throw violation("final commit of " + log.getKey() + " is " + committed.get(log.getKey())
                        + ", not the end offset " + end);
            }
        }
        for (LogEntry entry : bySource.values()) {
            if (entry.event == null) {
                if (!"corrupt record".equals(deadLettered.get(entry.source))) {
                    throw violation("corrupt " + entry.source + " was not dead-lettered as corrupt");
                }
            } else if (!acked.contains(entry.source) && !deadLettered.containsKey(entry.source)) {
                throw violation(entry.source + " was neither acked nor dead-lettered");
            }
        }
        OrchestratorStatus status = service.status();
        Map<Priority, Long> met = new EnumMap<>(Priority.class);
        Map<Priority, Long> missed = new EnumMap<>(Priority.class);
        firstGranted.forEach((source, at) -> {
            EventRecord event = bySource.get(source).event;
            (at.isAfter(event.sloDeadline()) ? missed : met).merge(event.priority(), 1L, Long::sum);
        });
        for (Priority priority : Priority.values()) {
            if (!status.counters().sloMet().get(priority).equals(met.getOrDefault(priority, 0L))
                    || !status.counters().sloMissed().get(priority).equals(missed.getOrDefault(priority, 0L))) {
                throw violation("SLO counts of " + priority + " are " + status.counters().sloMet().get(priority)
                        + "/" + status.counters().sloMissed().get(priority) + ", expected "
                        + met.getOrDefault(priority, 0L) + "/" + missed.getOrDefault(priority, 0L));
            }
        }
        if (status.memory().usedBytes() != 0 || status.leases().inFlight() != 0) {
            throw violation("finished with memory or leases held: " + status);
        }
    }

    private AssertionError violation(String what) {
        return new AssertionError("seed " + config.seed() + " at +"
                + Duration.between(T0, clock.instant()).toMillis() + " ms: " + what);
    }

    // ---- actors ----

    /** One lane's consumer: reads visible records of its unpaused partitions, at most a poll's worth. */
    private final class LaneConsumer {
        final Lane lane;
        final Map<SourcePartition, Integer> positions = new LinkedHashMap<>();
        final Set<SourcePartition> paused = new HashSet<>();

        LaneConsumer(Lane lane) {
            this.lane = lane;
            for (int p = 0; p < PARTITIONS.get(lane); p++) {
                positions.put(DispatchHarness.partition(lane, p), 0);
            }
        }

        void assign() {
            Map<SourcePartition, CommittedPosition> nothingCommitted = new HashMap<>();
            positions.keySet().forEach(partition -> nothingCommitted.put(partition, null));
            apply(service.onAssigned(lane, nothingCommitted));
        }

        void poll(Instant now) {
            List<PolledRecord> records = new ArrayList<>();
            long bytes = 0;
            for (Map.Entry<SourcePartition, Integer> position : positions.entrySet()) {
                if (paused.contains(position.getKey())) {
                    continue;
                }
                List<LogEntry> log = logs.get(position.getKey());
                int next = position.getValue();
                while (records.size() < MAX_POLL_RECORDS && next < log.size()
                        && !log.get(next).appendedAt.isAfter(now)) {
                    LogEntry entry = log.get(next++);
                    PolledRecord record = new PolledRecord(entry.source, entry.value, entry.appendedAt);
                    records.add(record);
                    bytes += heldBytes(record, entry);
                }
                position.setValue(next);
            }
            maxPollBytes = Math.max(maxPollBytes, bytes);
            apply(service.onPolled(lane, records));
        }

        /** What the service holds for a record: the polled bytes and the event without payload (or the stand-in). */
        private long heldBytes(PolledRecord record, LogEntry entry) {
            if (entry.event == null) {
                return CorruptRecords.standIn(record, lane).heldBytes();
            }
            EventRecord event = entry.event;
            return record.value().length + new EventRecord(event.eventId(), event.companyId(), event.sourceName(),
                    event.eventType(), event.groupKey(), Payload.empty(), event.attributes(), event.priority(),
                    event.ingestedAt(), event.sloDeadline(), event.attempt(), event.offloads(), event.delayUntil(),
                    event.lastError()).heldBytes();
        }

        private void apply(PartitionControl control) {
            paused.addAll(control.pause());
            paused.removeAll(control.resume());
        }
    }

    /** What a processor does with one task of its batch. */
    private enum Plan { ACK, RETRY, FAIL, NEVER_ANSWER }

    private final class Processor {
        final String id;
        CompletableFuture<LeaseGrant> waiting;
        final List<Work> work = new ArrayList<>();
        String leaseId;
        boolean extended;

        Processor(String id) {
            this.id = id;
        }

        void work(Instant now) {
            if (work.isEmpty() && waiting == null) {
                Duration wait = random.nextBoolean() ? Duration.ZERO : Duration.ofHours(1);
                waiting = service.fetch(new FetchTasksCommand(id, 1 + random.nextInt(10), 20_000, wait, null));
            }
            if (waiting != null && waiting.isDone()) {
                LeaseGrant grant = waiting.join();
                waiting = null;
                if (!grant.isEmpty()) {
                    checkGrant(grant, now);
                    start(grant, now);
                }
            }
            answerDue(now);
        }

        private void start(LeaseGrant grant, Instant now) {
            double roll = random.nextDouble();
            if (roll < 0.03) {
                return; // crashed: the lease will expire
            }
            if (roll < 0.05) {
                List<String> ids = grant.tasks().stream().map(task -> task.taskId().asString()).toList();
                service.release(ids);
                grant.tasks().forEach(task -> openLeases.remove(task.taskId().source()));
                return;
            }
            leaseId = grant.leaseId();
            extended = false;
            for (GrantedTask task : grant.tasks()) {
                long millis = random.nextDouble() < 0.05 ? 2_500 + random.nextInt(1_500) : 10 + random.nextInt(400);
                work.add(new Work(task.taskId(), now.plusMillis(millis), plan(task.taskId())));
            }
            Collections.shuffle(work, random);
        }

        private Plan plan(TaskId taskId) {
            if (taskId.source().equals(config.stuckRecord())) {
                return Plan.NEVER_ANSWER;
            }
            double roll = random.nextDouble();
            return roll < 0.04 ? Plan.RETRY : roll < 0.05 ? Plan.FAIL : roll < 0.06 ? Plan.NEVER_ANSWER : Plan.ACK;
        }

        private void answerDue(Instant now) {
            maybeExtend(now);
            Iterator<Work> items = work.iterator();
            while (items.hasNext()) {
                Work item = items.next();
                if (item.finishAt.isAfter(now)) {
                    continue;
                }
                items.remove();
                ProcessorResponse response = switch (item.plan) {
                    case ACK -> new ProcessorResponse(item.taskId, ProcessorResponse.Outcome.ACK, null, null);
                    case RETRY -> new ProcessorResponse(item.taskId, ProcessorResponse.Outcome.RETRY,
                            random.nextBoolean() ? null : Duration.ofMillis(random.nextInt(300)), "busy");
                    case FAIL -> new ProcessorResponse(item.taskId, ProcessorResponse.Outcome.FAIL, null, "bad data");
                    case NEVER_ANSWER -> null;
                };
                if (response != null) {
                    responseTopic.add(new Published(response, now));
                }
            }
        }

        /** A processor that sees its work run past the lease asks for more time, once per lease. */
        private void maybeExtend(Instant now) {
            if (extended || work.isEmpty() || random.nextDouble() > 0.02) {
                return;
            }
            extended = true;
            LeaseControlUseCase.ExtendOutcome outcome = service.extend(leaseId, Duration.ofSeconds(3));
            if (outcome.status() == LeaseControlUseCase.ExtendOutcome.Status.EXTENDED) {
                Instant until = now.plus(outcome.remaining());
                for (Work item : work) {
                    openLeases.computeIfPresent(item.taskId.source(),
                            (source, open) -> open.delivery == item.taskId.delivery()
                                    ? new OpenLease(open.delivery, until, open.key) : open);
                }
            }
        }
    }

    /** Writes succeed at once, fail, or complete some steps later. */
    private final class SimHandoffs implements HandoffWriter {
        @Override
        public CompletableFuture<Void> write(Handoff handoff) {
            SourcePosition source = handoff.source();
            String reason = ((HandoffTarget.DeadLetter) handoff.target()).reason();
            double roll = random.nextDouble();
            if (roll < 0.1) {
                return CompletableFuture.failedFuture(new IllegalStateException("DLQ unavailable"));
            }
            CompletableFuture<Void> result = new CompletableFuture<>();
            Instant completeAt = clock.instant().plusMillis(roll < 0.2 ? 50 + random.nextInt(500) : 0);
            pendingWrites.add(new PendingWrite(source, reason, completeAt, result));
            return result;
        }
    }

    private static final class LogEntry {
        final Lane lane;
        final SourcePartition partition;
        final byte[] value;
        final Instant appendedAt;
        /** Null for a record that does not decode. */
        final EventRecord event;
        SourcePosition source;

        LogEntry(Lane lane, SourcePartition partition, byte[] value, Instant appendedAt, EventRecord event) {
            this.lane = lane;
            this.partition = partition;
            this.value = value;
            this.appendedAt = appendedAt;
            this.event = event;
        }

        String key() {
            return event == null ? "corrupt" : event.companyId() + "/" + event.partitionKey();
        }
    }

    private record Work(TaskId taskId, Instant finishAt, Plan plan) {
    }

    private record Published(ProcessorResponse response, Instant at) {
    }

    private record PendingWrite(SourcePosition source, String reason, Instant completeAt,
            CompletableFuture<Void> result) {
    }

    private record OpenLease(int delivery, Instant expiresAt, String key) {
    }
}
