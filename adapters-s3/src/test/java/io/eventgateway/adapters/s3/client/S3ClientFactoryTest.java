package io.eventgateway.adapters.s3.client;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class S3ClientFactoryTest {

    private static final URI ENDPOINT = URI.create("http://127.0.0.1:9000");

    @Test
    void aMissingEndpointIsRejectedBeforeAnyClientIsBuilt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> S3ClientFactory.forEndpoint(null, "us-east-1", "key", "secret"))
                .withMessageContaining("endpoint");
    }

    @Test
    void aBlankSecretIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> S3ClientFactory.forEndpoint(ENDPOINT, "us-east-1", "key", " "))
                .withMessageContaining("secret");
    }
}
