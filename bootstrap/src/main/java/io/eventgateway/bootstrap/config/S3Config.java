package io.eventgateway.bootstrap.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;

/** {@code eventgateway.s3.*}: the S3 spool, the last link of the fallback chain. */
@ConfigurationProperties("eventgateway.s3")
public record S3Config(URI endpoint, String region, String accessKey, String secretKey, String bucket,
        String keyPrefix, boolean createBucket) {
}
