package io.eventgateway.adapters.s3.spool;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The bucket a spool lives in, seen through one client. It is the one place where S3 failures are mapped to
 * spool exceptions, so every message names the bucket and the endpoint an operator must look at.
 */
final class SpoolBucket {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolBucket.class);

    private final S3Client s3;
    private final String name;
    private final String endpoint;

    SpoolBucket(S3Client s3, String name) {
        this.s3 = s3;
        this.name = name;
        this.endpoint = s3.serviceClientConfiguration().endpointOverride().map(URI::toString)
                .orElseGet(() -> "the AWS endpoint of region " + s3.serviceClientConfiguration().region());
    }

    String name() {
        return name;
    }

    /**
     * Fails unless the bucket exists; creates it first when {@code create} is set and it is missing.
     *
     * @throws SpoolUnavailableException when the endpoint cannot be reached or the bucket is missing
     */
    void ensureExists(boolean create) {
        try {
            s3.headBucket(head -> head.bucket(name));
        } catch (NoSuchBucketException missing) {
            if (!create) {
                throw new SpoolUnavailableException("spool bucket " + name + " does not exist at " + endpoint
                        + " and bucket creation is off", missing);
            }
            createBucket();
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("check that the bucket exists", e);
        }
    }

    /**
     * The spool exception for a failed request; {@code action} says what was being done, e.g. "put key x". The
     * cause is an {@link SdkException} or, for a connection the server dropped, the {@link UncheckedIOException} the
     * URL-connection HTTP client lets through unwrapped.
     */
    SpoolUnavailableException unavailable(String action, RuntimeException cause) {
        String reason = cause instanceof S3Exception s3Failure
                ? "S3 answered " + s3Failure.statusCode() + " " + errorCode(s3Failure)
                : "S3 was unreachable or did not answer";
        return new SpoolUnavailableException("spool bucket " + name + " at " + endpoint + ": could not " + action
                + ": " + reason + ": " + cause.getMessage(), cause);
    }

    /** The spool exception for work the store refused before any request was made. */
    SpoolUnavailableException refused(String reason, Throwable cause) {
        return new SpoolUnavailableException("spool bucket " + name + " at " + endpoint + ": " + reason, cause);
    }

    String describe(String key) {
        return "s3://" + name + "/" + key + " (endpoint " + endpoint + ")";
    }

    private void createBucket() {
        try {
            s3.createBucket(create -> create.bucket(name));
        } catch (BucketAlreadyOwnedByYouException createdMeanwhile) {
            // Another gateway process created it between our check and our create: the bucket is there.
            LOG.debug("Spool bucket {} at {} was created concurrently", name, endpoint, createdMeanwhile);
        } catch (SdkException | UncheckedIOException e) {
            throw unavailable("create the missing bucket", e);
        }
    }

    private static String errorCode(S3Exception failure) {
        return failure.awsErrorDetails() == null ? "" : failure.awsErrorDetails().errorCode();
    }
}
