package io.eventgateway.adapters.s3.embedded;

import java.nio.file.Path;

/**
 * How to run an {@link EmbeddedS3Server}.
 *
 * <p>A port of 0 lets the server bind a free port. A null {@code dataDir} keeps objects in memory, gone
 * on close; a given directory stores them as files, and a server started again on it (and on the same
 * port) serves the buckets and objects written before. Clients sign requests with {@code accessKey} and
 * {@code secretKey} in {@code region}.
 */
public record EmbeddedS3Settings(int port, Path dataDir, String accessKey, String secretKey, String region) {

    public static final String DEFAULT_ACCESS_KEY = "eventgateway";
    public static final String DEFAULT_SECRET_KEY = "eventgateway-secret";
    public static final String DEFAULT_REGION = "us-east-1";

    private static final int MAX_PORT = 65_535;

    public EmbeddedS3Settings {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be in 0.." + MAX_PORT + ", was " + port);
        }
        requireText("accessKey", accessKey);
        requireText("secretKey", secretKey);
        requireText("region", region);
    }

    /** A free port, objects in memory, the default credentials and region. */
    public static EmbeddedS3Settings defaults() {
        return new EmbeddedS3Settings(0, null, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_REGION);
    }

    public EmbeddedS3Settings withPort(int newPort) {
        return new EmbeddedS3Settings(newPort, dataDir, accessKey, secretKey, region);
    }

    public EmbeddedS3Settings withDataDir(Path dir) {
        return new EmbeddedS3Settings(port, dir, accessKey, secretKey, region);
    }

    public EmbeddedS3Settings withCredentials(String newAccessKey, String newSecretKey) {
        return new EmbeddedS3Settings(port, dataDir, newAccessKey, newSecretKey, region);
    }

    public EmbeddedS3Settings withRegion(String newRegion) {
        return new EmbeddedS3Settings(port, dataDir, accessKey, secretKey, newRegion);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
