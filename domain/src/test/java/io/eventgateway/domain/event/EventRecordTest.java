package io.eventgateway.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.priority.Priority;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static EventRecord record(String groupKey, int payloadBytes) {
        return new EventRecord("e-1", "acme", "billing", "invoice.paid", groupKey,
                Payload.wrap(new byte[payloadBytes]), Map.of("k", "v"), Priority.P20, NOW, NOW.plusSeconds(60), 0, 0,
                null, null);
    }

    @Test
    void thePartitionKeyIsTheGroupKeyElseTheEventId() {
        assertThat(record("g", 1).partitionKey()).isEqualTo("g");
        assertThat(record(null, 1).partitionKey()).isEqualTo("e-1");
        assertThat(record("", 1).partitionKey()).isEqualTo("e-1");
    }

    @Test
    void withAttemptChangesOnlyTheAttempt() {
        EventRecord original = record("g", 1);

        EventRecord retried = original.withAttempt(3);

        assertThat(retried.attempt()).isEqualTo(3);
        assertThat(retried.withAttempt(0)).isEqualTo(original);
    }

    @Test
    void heldBytesGrowWithThePayload() {
        assertThat(record("g", 1000).heldBytes() - record("g", 0).heldBytes()).isEqualTo(1000);
        assertThat(record("g", 0).heldBytes()).isGreaterThanOrEqualTo(EventRecord.FIXED_OVERHEAD_BYTES);
    }

    @Test
    void attributesAreCopiedSoTheCallerCannotChangeThem() {
        Map<String, String> attributes = new HashMap<>(Map.of("k", "v"));
        EventRecord event = new EventRecord("e", "c", "s", "t", null, Payload.empty(), attributes, Priority.P10, NOW,
                NOW, 0, 0, null, null);

        attributes.put("x", "y");

        assertThat(event.attributes()).containsOnlyKeys("k");
    }

    @Test
    void requiredFieldsAndCountsAreValidated() {
        assertThatThrownBy(() -> new EventRecord("", "c", "s", "t", null, Payload.empty(), null, Priority.P10, NOW,
                NOW, 0, 0, null, null)).hasMessageContaining("eventId");
        assertThatThrownBy(() -> new EventRecord("e", "c", "s", "t", null, Payload.empty(), null, Priority.P10, NOW,
                NOW, -1, 0, null, null)).hasMessageContaining("attempt");
    }

    @Test
    void payloadsCompareByContentAndHandOutCopies() {
        byte[] bytes = {1, 2, 3};
        Payload payload = Payload.copyOf(bytes);
        bytes[0] = 9;

        assertThat(payload).isEqualTo(Payload.wrap(new byte[] {1, 2, 3}));
        payload.toByteArray()[1] = 9;
        assertThat(payload.toByteArray()).containsExactly(1, 2, 3);
    }
}
