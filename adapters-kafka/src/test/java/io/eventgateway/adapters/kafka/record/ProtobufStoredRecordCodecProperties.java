package io.eventgateway.adapters.kafka.record;

import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProtobufStoredRecordCodecProperties {

    /** 2100-01-01T00:00:00Z: generated instants lie between just after the epoch and this. */
    private static final long YEAR_2100_MS = 4_102_444_800_000L;

    private final ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();

    @Property(tries = 200)
    void everyRecordWithMillisecondInstantsSurvivesARoundTrip(@ForAll("records") EventRecord record,
                                                              @ForAll Lane lane) {
        assertThat(codec.decode(codec.encode(record, lane))).isEqualTo(new DecodedRecord(record, lane));
    }

    @Property(tries = 200)
    void aStoredRecordWithOneByteChangedDecodesOrIsReportedCorrupt(
            @ForAll("records") EventRecord record, @ForAll Lane lane,
            @ForAll @IntRange(min = 0, max = 1_000_000) int position, @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] bytes = codec.encode(record, lane);
        bytes[position % bytes.length] ^= (byte) flip;

        Throwable thrown = catchThrowable(() -> codec.decode(bytes));

        // Any other exception type would escape the consumer's corrupt-record handling and stall a partition.
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(CorruptRecordException.class);
        }
    }

    @Provide
    Arbitrary<EventRecord> records() {
        Arbitrary<String> text = text();
        Arbitrary<String> optionalText = text.injectNull(0.3);
        Arbitrary<Instant> instants = Arbitraries.longs().between(1, YEAR_2100_MS).map(Instant::ofEpochMilli);
        Arbitrary<Payload> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(Payload::wrap);
        Arbitrary<Map<String, String>> attributes = Arbitraries.maps(text, text).ofMaxSize(4);
        Arbitrary<Integer> counts = Arbitraries.integers().between(0, 1_000);
        return Combinators.combine(text, text, text, text, optionalText, payloads, attributes,
                        Arbitraries.of(Priority.class))
                .flatAs((eventId, companyId, source, type, groupKey, payload, attrs, priority) ->
                        Combinators.combine(instants, instants, counts, counts, instants.injectNull(0.5), optionalText)
                                .as((ingestedAt, deadline, attempt, offloads, delayUntil, lastError) ->
                                        new EventRecord(eventId, companyId, source, type, groupKey, payload, attrs,
                                                priority, ingestedAt, deadline, attempt, offloads, delayUntil,
                                                lastError)));
    }

    /** Non-empty, ASCII and beyond (Latin-1, Greek, CJK), but no surrogates: protobuf strings are UTF-8. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00A0', '\u00FF')
                .withCharRange('\u0391', '\u03C9')
                .withCharRange('\u4E00', '\u4E40')
                .ofMinLength(1)
                .ofMaxLength(24);
    }
}
