package io.eventgateway.bootstrap.http.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link JsonEventsReader} makes of bodies it cannot read: a 400 naming the field where it can. */
class JsonEventsReaderTest {

    private final JsonEventsReader reader = new JsonEventsReader(new ObjectMapper());

    @Test
    void invalidUtf8InAStringValueIsMalformedNamingTheEventField() {
        byte[] body = body("{\"events\":[{\"company_id\":\"acme\"},{\"company_id\":\"ab", new byte[] {(byte) 0xC3, 0x28},
                "\"}]}");

        MalformedRequestException refused = catchThrowableOfType(MalformedRequestException.class,
                () -> reader.read(body));

        assertThat(refused.field()).isEqualTo("events[1].company_id");
        assertThat(refused.getMessage()).startsWith("is not valid UTF-8");
    }

    @Test
    void invalidUtf8InAnAttributeValueNamesTheAttribute() {
        byte[] body = body("{\"events\":[{\"attributes\":{\"region\":\"", new byte[] {(byte) 0xFF}, "\"}}]}");

        MalformedRequestException refused = catchThrowableOfType(MalformedRequestException.class,
                () -> reader.read(body));

        assertThat(refused.field()).isEqualTo("events[0].attributes[region]");
        assertThat(refused.getMessage()).startsWith("is not valid UTF-8");
    }

    /** Jackson alone decodes these (found by the fuzz: {@code C0 AF} was stored as {@code /}). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sequencesJacksonAccepts")
    void utf8ThatJacksonWouldDecodeButIsInvalidIsRefusedNamingTheField(String name, byte[] invalid) {
        byte[] body = body("{\"events\":[{\"event_id\":\"ab", invalid, "cd\"}]}");

        MalformedRequestException refused = catchThrowableOfType(MalformedRequestException.class,
                () -> reader.read(body));

        assertThat(refused.field()).isEqualTo("events[0].event_id");
        assertThat(refused.getMessage()).isEqualTo("is not valid UTF-8 (first bad byte at offset 26 of the body)");
    }

    static Stream<Arguments> sequencesJacksonAccepts() {
        return Stream.of(
                Arguments.of("overlong '/'", new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arguments.of("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                Arguments.of("beyond U+10FFFF", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
    }

    @Test
    void invalidUtf8OutsideAnyValueNamesTheBody() {
        byte[] body = body("", new byte[] {(byte) 0xFF}, "{\"events\":[]}");

        MalformedRequestException refused = catchThrowableOfType(MalformedRequestException.class,
                () -> reader.read(body));

        assertThat(refused.field()).isEqualTo("body");
        assertThat(refused.getMessage()).contains("not valid");
    }

    private static byte[] body(String before, byte[] invalid, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(invalid);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
