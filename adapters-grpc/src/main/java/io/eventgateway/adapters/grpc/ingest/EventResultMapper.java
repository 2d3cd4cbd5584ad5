package io.eventgateway.adapters.grpc.ingest;

import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.PublishEventsResult;
import io.eventgateway.application.ingest.StoredLocation;
import io.eventgateway.domain.ingest.FieldViolation;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.FieldError;
import io.eventgateway.protocol.v1.Priority;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import java.util.List;

/** Turns the use case's receipts into proto results, one per event in request order. */
final class EventResultMapper {

    private EventResultMapper() {
    }

    static PublishEventsResponse toResponse(PublishEventsResult result) {
        PublishEventsResponse.Builder response = PublishEventsResponse.newBuilder();
        for (EventReceipt receipt : result.receipts()) {
            response.addResults(toEventResult(receipt));
        }
        return response.build();
    }

    static EventResult toEventResult(EventReceipt receipt) {
        EventResult.Builder result = EventResult.newBuilder()
                .setEventId(receipt.eventId() == null ? "" : receipt.eventId());
        if (receipt instanceof EventReceipt.Stored stored) {
            return result.setStatus(EventResult.Status.STORED)
                    .setPriority(toProto(stored.priority()))
                    .setLane(stored.lane().shortName())
                    .setStoredIn(storedIn(stored.location()))
                    .setLocation(stored.location().describe())
                    .build();
        }
        if (receipt instanceof EventReceipt.Unavailable unavailable) {
            // No field is at fault; the reason tells an operator which stores failed.
            return result.setStatus(EventResult.Status.UNAVAILABLE)
                    .setPriority(toProto(unavailable.priority()))
                    .setLane(unavailable.lane().shortName())
                    .setError(FieldError.newBuilder().setReason(unavailable.reason()))
                    .build();
        }
        EventReceipt.Rejected rejected = (EventReceipt.Rejected) receipt;
        result.setStatus(EventResult.Status.REJECTED);
        if (!rejected.violations().isEmpty()) {
            result.setError(toFieldError(rejected.violations()));
        }
        return result.build();
    }

    /**
     * One proto error for all of an event's violations, so none is lost: the first names the field; each further
     * one is appended to the reason as {@code "; <field> <reason>"}, which reads as a sentence because reasons
     * continue their field name ({@code "is required and must not be blank; source_name is required and ..."}).
     */
    static FieldError toFieldError(List<FieldViolation> violations) {
        FieldViolation first = violations.get(0);
        StringBuilder reason = new StringBuilder(first.reason());
        for (FieldViolation further : violations.subList(1, violations.size())) {
            reason.append("; ").append(further.field()).append(' ').append(further.reason());
        }
        return FieldError.newBuilder().setField(first.field()).setReason(reason.toString()).build();
    }

    private static EventResult.StoredIn storedIn(StoredLocation location) {
        return switch (location.kind()) {
            case PRIMARY -> EventResult.StoredIn.PRIMARY;
            case ALTERNATE -> EventResult.StoredIn.ALTERNATE;
            case S3 -> EventResult.StoredIn.S3;
        };
    }

    private static Priority toProto(io.eventgateway.domain.priority.Priority priority) {
        return switch (priority) {
            case P30 -> Priority.P30;
            case P20 -> Priority.P20;
            case P10 -> Priority.P10;
        };
    }
}
