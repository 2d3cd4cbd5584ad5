package io.eventgateway.adapters.s3.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedS3ServerLifecycleTest {

    @Test
    void aClosedServerCannotBeStartedAgain() {
        EmbeddedS3Server server = new EmbeddedS3Server(EmbeddedS3Settings.defaults());
        server.close();

        assertThatIllegalStateException().isThrownBy(server::start).withMessageContaining("CLOSED");
    }

    @Test
    void theEndpointIsUnknownBeforeStart() {
        EmbeddedS3Server server = new EmbeddedS3Server(EmbeddedS3Settings.defaults());

        assertThatIllegalStateException().isThrownBy(server::endpoint).withMessageContaining("start()");
    }
}
