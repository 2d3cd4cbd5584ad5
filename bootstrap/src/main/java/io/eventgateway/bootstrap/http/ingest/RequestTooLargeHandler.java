package io.eventgateway.bootstrap.http.ingest;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** A body over {@code micronaut.server.max-request-size} gets the same 413 shape as every other ingest error. */
@Singleton
@Produces
@Requires(classes = {ContentLengthExceededException.class, ExceptionHandler.class})
public class RequestTooLargeHandler
        implements ExceptionHandler<ContentLengthExceededException, HttpResponse<Map<String, Object>>> {

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, ContentLengthExceededException exception) {
        return HttpResponse.<Map<String, Object>>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .body(ReceiptJson.errors("body", exception.getMessage()));
    }
}
