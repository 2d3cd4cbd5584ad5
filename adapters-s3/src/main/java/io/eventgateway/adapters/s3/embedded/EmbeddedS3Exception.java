package io.eventgateway.adapters.s3.embedded;

/** The embedded S3 server could not start or stop; the message names the port and data directory. */
public final class EmbeddedS3Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedS3Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
