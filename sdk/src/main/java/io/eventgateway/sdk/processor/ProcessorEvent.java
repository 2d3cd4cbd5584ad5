package io.eventgateway.sdk.processor;

import io.eventgateway.protocol.v1.LeasedTask;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.StoredRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One leased event as the handler sees it: the stored record's fields, decoded, plus the task id the response echoes.
 *
 * @param attempt  deliveries of this event that ended without an ACK so far
 * @param delivery 1 for the first lease of this stored record
 */
public record ProcessorEvent(String taskId, String eventId, String companyId, String source, String type,
        String groupKey, byte[] payload, Map<String, String> attributes, Priority priority, Instant ingestedAt,
        Instant sloDeadline, int attempt, int delivery) {

    public ProcessorEvent {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(eventId, "eventId");
        payload = payload.clone();
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        Objects.requireNonNull(sloDeadline, "sloDeadline");
    }

    /** Decodes a leased task; a task whose stored record cannot be parsed is answered FAIL by the runner. */
    static ProcessorEvent from(LeasedTask task, StoredRecord stored) {
        return new ProcessorEvent(task.getTaskId(), stored.getEventId(), stored.getCompanyId(),
                stored.getSourceName(), stored.getEventType(), stored.getGroupKey(), stored.getPayload().toByteArray(),
                stored.getAttributesMap(), stored.getPriority(), Instant.ofEpochMilli(stored.getIngestedAtMs()),
                Instant.ofEpochMilli(stored.getSloDeadlineMs()), stored.getAttempt(), task.getDelivery());
    }

    /** A copy: the record's array must not be shared with the caller. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
