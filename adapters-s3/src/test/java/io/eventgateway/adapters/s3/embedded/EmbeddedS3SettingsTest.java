package io.eventgateway.adapters.s3.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmbeddedS3SettingsTest {

    @Test
    void defaultsBindAFreePortKeepObjectsInMemoryAndUseTheGatewayCredentials() {
        EmbeddedS3Settings defaults = EmbeddedS3Settings.defaults();

        assertThat(defaults.port()).isZero();
        assertThat(defaults.dataDir()).isNull();
        assertThat(defaults.accessKey()).isEqualTo("eventgateway");
        assertThat(defaults.secretKey()).isEqualTo("eventgateway-secret");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536})
    void aPortOutsideTheTcpRangeIsRejected(int port) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedS3Settings.defaults().withPort(port))
                .withMessageContaining("port");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void aBlankSecretIsRejected(String secret) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmbeddedS3Settings.defaults().withCredentials("eventgateway", secret))
                .withMessageContaining("secretKey");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aBlankRegionIsRejected(String region) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedS3Settings.defaults().withRegion(region))
                .withMessageContaining("region");
    }
}
