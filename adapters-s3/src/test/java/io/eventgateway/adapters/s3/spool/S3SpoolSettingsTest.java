package io.eventgateway.adapters.s3.spool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class S3SpoolSettingsTest {

    @Test
    void aMissingPrefixMeansTheDefaultSpoolPrefix() {
        assertThat(new S3SpoolSettings("eg-spool", null, false).keyPrefix()).isEqualTo("spool/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "spool/", "gateway/staging/spool/"})
    void anEmptyPrefixOrOneEndingInASlashIsAccepted(String prefix) {
        assertThat(new S3SpoolSettings("eg-spool", prefix, true).keyPrefix()).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spool", "/spool/"})
    void aPrefixThatWouldNotBeADirectoryIsRejected(String prefix) {
        assertThatIllegalArgumentException().isThrownBy(() -> new S3SpoolSettings("eg-spool", prefix, false))
                .withMessageContaining("keyPrefix");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "ab", "Upper-Case", "under_score", "-leading", "trailing-",
            "a-name-that-is-far-too-long-for-any-s3-bucket-because-it-exceeds-63"})
    void anInvalidBucketNameIsRejected(String bucket) {
        assertThatIllegalArgumentException().isThrownBy(() -> new S3SpoolSettings(bucket, "spool/", false))
                .withMessageContaining("bucket");
    }
}
