package io.eventgateway.adapters.grpc.ingest;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the string fields of a {@code WireEvent}, which arrive as raw bytes. Invalid UTF-8 still yields a string
 * (each bad sequence replaced by U+FFFD) so the rest of the event can be checked and the field named; the caller
 * records the violation that rejects the event.
 */
final class Utf8Text {

    private Utf8Text() {
    }

    /** The text, with U+FFFD for each invalid sequence; {@code null} when empty (proto3 cannot tell it from absent). */
    static String decode(ByteString bytes) {
        return bytes.isEmpty() ? null : bytes.toStringUtf8();
    }

    /** Why {@code bytes} are not UTF-8, e.g. {@code "is not valid UTF-8 (first bad byte at index 3)"}; empty if they are. */
    static Optional<String> invalidity(ByteString bytes) {
        if (bytes.isValidUtf8()) {
            return Optional.empty();
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = bytes.asReadOnlyByteBuffer();
        // Decoding stops at the first bad sequence, leaving the buffer there; protobuf and the JDK agree on what is
        // valid, so it always stops somewhere.
        strict.decode(in, CharBuffer.allocate(bytes.size()), true);
        return Optional.of("is not valid UTF-8 (first bad byte at index " + in.position() + ")");
    }
}
