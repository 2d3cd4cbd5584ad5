package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.application.dispatch.DispatchService;
import io.eventgateway.application.dispatch.OrchestratorStatus;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.bootstrap.role.OrchestratorRole;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /v1/status}: the replica's snapshot as snake_case JSON, for the dashboard and for people. */
@OrchestratorRole
@Controller("/v1/status")
public class OrchestratorStatusController {

    private final DispatchService service;

    public OrchestratorStatusController(DispatchService service) {
        this.service = service;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        return json(service.status());
    }

    static Map<String, Object> json(OrchestratorStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replica", Map.of(
                "index", status.replica().index(),
                "replicas", status.replica().replicas(),
                "owned_partitions", status.replica().ownedPartitions().stream().map(SourcePartition::toString)
                        .sorted().toList()));
        Map<String, Object> lanes = new LinkedHashMap<>();
        for (Lane lane : Lane.values()) {
            OrchestratorStatus.LaneStatus laneStatus = status.lanes().get(lane);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("buffered", laneStatus.buffered());
            one.put("bytes", laneStatus.bytes());
            one.put("paused", laneStatus.paused());
            one.put("oldest_age_ms", laneStatus.oldestAgeMs());
            one.put("poll_delay_ms", laneStatus.pollDelayMs());
            one.put("lag", laneStatus.lag());
            lanes.put(lane.shortName(), one);
        }
        body.put("lanes", lanes);
        OrchestratorStatus.Leases leases = status.leases();
        body.put("leases", Map.of(
                "in_flight", leases.inFlight(),
                "active_leases", leases.activeLeases(),
                "expired", leases.expired(),
                "held_back", leases.heldBack(),
                "waiting_fetches", leases.waitingFetches()));
        body.put("memory", Map.of(
                "used_bytes", status.memory().usedBytes(),
                "peak_used_bytes", status.memory().peakUsedBytes(),
                "budget_bytes", status.memory().budgetBytes(),
                "dedup_bytes", status.memory().dedupBytes()));
        Map<String, Object> paused = new TreeMap<>();
        status.pausedPartitions().forEach((partition, reasons) -> paused.put(partition.toString(),
                reasons.stream().map(Enum::name).sorted().toList()));
        body.put("paused_partitions", paused);
        body.put("counters", counters(status.counters()));
        return body;
    }

    private static Map<String, Object> counters(OrchestratorStatus.Counters counters) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("acks", counters.acks());
        json.put("retries", counters.retries());
        json.put("fails", counters.fails());
        json.put("late_responses", counters.lateResponses());
        json.put("duplicates", counters.duplicates());
        json.put("unknown", counters.unknown());
        json.put("slo_met", byPriority(counters.sloMet()));
        json.put("slo_missed", byPriority(counters.sloMissed()));
        json.put("dead_lettered", counters.deadLettered());
        json.put("corrupt", counters.corrupt());
        json.put("held_back_expiries", counters.heldBackExpiries());
        json.put("truncated_commits", counters.truncatedCommits());
        json.put("handoff_failures", counters.handoffFailures());
        json.put("refused_fetches", counters.refusedFetches());
        json.put("corrupt_commit_metadata", counters.corruptCommitMetadata());
        Map<String, Long> byLevel = new TreeMap<>();
        counters.handoffs().retriedByLevel().forEach((level, count) -> byLevel.put(Integer.toString(level), count));
        json.put("retried_in_memory", counters.handoffs().retriedInMemory());
        json.put("retried_by_level", byLevel);
        json.put("rerouted", counters.handoffs().rerouted());
        json.put("escalations", counters.handoffs().escalations());
        json.put("offloaded", counters.handoffs().offloaded());
        json.put("copies_dropped", counters.copiesDropped());
        json.put("skipped_on_restart", counters.restart().skippedOffsets());
        json.put("replayed_acks", counters.restart().replayedAcks());
        return json;
    }

    private static Map<String, Long> byPriority(Map<Priority, Long> counts) {
        Map<String, Long> json = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            json.put(priority.name(), counts.getOrDefault(priority, 0L));
        }
        return json;
    }
}
