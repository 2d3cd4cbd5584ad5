package io.eventgateway.adapters.s3.client;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Duration;

/**
 * Builds AWS SDK v2 S3 clients for an explicit endpoint (the embedded server, MinIO, a VPC endpoint).
 * Path-style addressing, because such endpoints do not resolve bucket subdomains; static credentials,
 * because nothing here should consult the environment or instance metadata.
 */
public final class S3ClientFactory {

    /** A spool write that cannot even connect must fail fast so the fallback chain moves on. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A whole call, retries included, ends within this: a hung server must not hold a spool writer thread for
     * several socket timeouts in a row.
     */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(60);

    private S3ClientFactory() {
    }

    public static S3Client forEndpoint(URI endpoint, String region, String accessKey, String secret) {
        return forEndpoint(endpoint, region, accessKey, secret, API_CALL_TIMEOUT);
    }

    /**
     * As {@link #forEndpoint(URI, String, String, String)}, with every call, retries included, ending within
     * {@code apiCallTimeout}.
     */
    public static S3Client forEndpoint(URI endpoint, String region, String accessKey, String secret,
            Duration apiCallTimeout) {
        if (endpoint == null) {
            throw new IllegalArgumentException("endpoint must not be null");
        }
        requireText("region", region);
        requireText("accessKey", accessKey);
        requireText("secret", secret);
        if (apiCallTimeout == null || apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            throw new IllegalArgumentException("apiCallTimeout must be positive, was " + apiCallTimeout);
        }
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build())
                .overrideConfiguration(config -> config.apiCallTimeout(apiCallTimeout))
                .build();
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
