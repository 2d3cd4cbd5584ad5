package io.eventgateway.bootstrap.reliability;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.eventgateway.protocol.v1.wire.WireAttribute;
import io.eventgateway.protocol.v1.wire.WireEvent;
import io.eventgateway.protocol.v1.wire.WirePublishEventsRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random and adversarial {@code PublishEvents} requests, built on the wire twin of the contract so that string fields
 * can carry what a careful client never sends: invalid UTF-8, huge values, control characters. Timestamps span the
 * whole {@code int64}/{@code int32} range, priorities every {@code int32}; batches may be empty or share one id.
 */
final class GrpcFuzzRequests {

    private static final ByteString INVALID_UTF8 = ByteString.copyFrom(new byte[] {'a', (byte) 0xC3, 0x28});

    private GrpcFuzzRequests() {
    }

    static Arbitrary<WirePublishEventsRequest> requests() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, event().list().ofMaxSize(8).map(GrpcFuzzRequests::request)),
                Tuple.of(1, Combinators.combine(event(), Arbitraries.integers().between(2, 20))
                        .as((event, copies) -> {
                            WireEvent same = event.toBuilder().setEventId(utf8(UUID.randomUUID().toString())).build();
                            return request(Collections.nCopies(copies, same));
                        })),
                Tuple.of(1, Arbitraries.just(WirePublishEventsRequest.getDefaultInstance())));
    }

    private static Arbitrary<WireEvent> event() {
        return Builders.withBuilder(WireEvent::newBuilder)
                .use(text(false)).in((event, value) -> event.setEventId(value))
                .use(text(true)).in((event, value) -> event.setCompanyId(value))
                .use(text(true)).in((event, value) -> event.setSourceName(value))
                .use(text(true)).in((event, value) -> event.setEventType(value))
                .use(text(false)).in((event, value) -> event.setGroupKey(value))
                .use(payload()).in((event, value) -> event.setPayload(value))
                .use(attributes()).in((event, value) -> event.addAllAttributes(value))
                .use(priority()).in((event, value) -> event.setPriorityValue(value))
                .use(timestamp()).withProbability(0.4).in((event, value) -> event.setSloDeadline(value))
                .use(timestamp()).withProbability(0.4).in((event, value) -> event.setDelayUntil(value))
                .build(WireEvent.Builder::build);
    }

    /** Mostly a plausible value, sometimes absent, random bytes (often not UTF-8), huge or with a control char. */
    private static Arbitrary<ByteString> text(boolean required) {
        return Arbitraries.frequencyOf(
                Tuple.of(required ? 12 : 4, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20)
                        .map(GrpcFuzzRequests::utf8)),
                Tuple.of(required ? 1 : 6, Arbitraries.just(ByteString.EMPTY)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(ByteString::copyFrom)),
                Tuple.of(1, Arbitraries.just(INVALID_UTF8)),
                Tuple.of(1, Arbitraries.of(257, 10_000, 200_000).map(length -> utf8("k".repeat(length)))),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20).map(GrpcFuzzRequests::utf8)));
    }

    private static Arbitrary<ByteString> payload() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(ByteString::copyFrom)),
                Tuple.of(1, Arbitraries.just(ByteString.copyFrom(new byte[1024 * 1024 + 1]))));
    }

    private static Arbitrary<List<WireAttribute>> attributes() {
        Arbitrary<WireAttribute> attribute = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("region", "tier", "").map(GrpcFuzzRequests::utf8)),
                        Tuple.of(1, Arbitraries.just(INVALID_UTF8)),
                        Tuple.of(1, Arbitraries.just(utf8("x".repeat(300))))),
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.strings().ofMaxLength(10).map(GrpcFuzzRequests::utf8)),
                        Tuple.of(1, Arbitraries.just(INVALID_UTF8)),
                        Tuple.of(1, Arbitraries.just(utf8("v".repeat(5_000))))))
                .as((key, value) -> WireAttribute.newBuilder().setKey(key).setValue(value).build());
        return Arbitraries.frequencyOf(
                Tuple.of(8, attribute.list().ofMaxSize(4)),
                Tuple.of(1, attribute.list().ofSize(100)));
    }

    private static Arbitrary<Integer> priority() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(0, 10, 20, 30)),
                Tuple.of(1, Arbitraries.integers()));
    }

    private static Arbitrary<Timestamp> timestamp() {
        long now = Instant.now().getEpochSecond();
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(now - 3_600, now + 3_600)),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -62_135_596_800L, 253_402_300_799L, 0L,
                        -1L, 253_402_300_800L)),
                Tuple.of(1, Arbitraries.longs()));
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 999_999_999)),
                Tuple.of(1, Arbitraries.of(-1, 1_000_000_000, Integer.MIN_VALUE, Integer.MAX_VALUE)));
        return Combinators.combine(seconds, nanos)
                .as((s, n) -> Timestamp.newBuilder().setSeconds(s).setNanos(n).build());
    }

    private static WirePublishEventsRequest request(List<WireEvent> events) {
        return WirePublishEventsRequest.newBuilder().addAllEvents(events).build();
    }

    private static ByteString utf8(String text) {
        return ByteString.copyFrom(text, StandardCharsets.UTF_8);
    }
}
