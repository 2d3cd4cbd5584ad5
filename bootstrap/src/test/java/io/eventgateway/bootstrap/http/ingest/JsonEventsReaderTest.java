package io.eventgateway.bootstrap.http.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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
