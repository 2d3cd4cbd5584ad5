package io.eventgateway.bootstrap.http.ingest;

/** The request as a whole cannot be read (not JSON, wrong shape): HTTP 400 naming the field. */
final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    MalformedRequestException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
