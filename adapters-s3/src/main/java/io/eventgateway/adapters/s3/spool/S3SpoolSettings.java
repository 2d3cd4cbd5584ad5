package io.eventgateway.adapters.s3.spool;

import java.util.regex.Pattern;

/**
 * Where spool objects go.
 *
 * @param bucket       an S3 bucket name (3–63 lower-case letters, digits, dots and hyphens)
 * @param keyPrefix    prepended to every spool key; empty or ending in {@code /}; {@code null} means
 *                     {@value #DEFAULT_KEY_PREFIX}
 * @param createBucket create the bucket at start when it is missing (local runs); otherwise a missing bucket
 *                     fails the start, because a spool that cannot be written is no fallback
 */
public record S3SpoolSettings(String bucket, String keyPrefix, boolean createBucket) {

    public static final String DEFAULT_KEY_PREFIX = "spool/";

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** Leaves room under S3's 1 024-byte key limit for the dated part of the key. */
    private static final int MAX_PREFIX_LENGTH = 512;

    public S3SpoolSettings {
        if (bucket == null || !BUCKET_NAME.matcher(bucket).matches()) {
            throw new IllegalArgumentException("bucket must be 3-63 lower-case letters, digits, '.' or '-', "
                    + "starting and ending with a letter or digit, was " + bucket);
        }
        keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
        if (keyPrefix.startsWith("/")) {
            throw new IllegalArgumentException("keyPrefix must not start with '/', was " + keyPrefix);
        }
        if (!keyPrefix.isEmpty() && !keyPrefix.endsWith("/")) {
            throw new IllegalArgumentException("keyPrefix must be empty or end with '/', was " + keyPrefix);
        }
        if (keyPrefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("keyPrefix must be at most " + MAX_PREFIX_LENGTH + " characters, was "
                    + keyPrefix.length());
        }
    }
}
