package io.eventgateway.bootstrap.http.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.application.ingest.RequestRefusedException;
import io.eventgateway.bootstrap.role.PublisherRole;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/events}: the HTTP face of ingest. Statuses are mapped here and only here: 200 with a result per
 * event (partial failure is normal), 400 malformed, 413 too large, 429 overloaded with {@code Retry-After}.
 */
@PublisherRole
@Controller("/v1/events")
public class IngestController {

    private final PublishEventsUseCase publishEvents;
    private final JsonEventsReader reader;

    public IngestController(PublishEventsUseCase publishEvents, ObjectMapper json) {
        this.publishEvents = publishEvents;
        this.reader = new JsonEventsReader(json);
    }

    /** An absent body is ours to refuse: left to Micronaut it would be a 400 in another shape, naming no field. */
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public CompletableFuture<HttpResponse<?>> publish(@Nullable @Body byte[] body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body;
            PublishEventsCommand command = new PublishEventsCommand(reader.read(bytes), bytes.length);
            return publishEvents.publish(command).thenApply(result -> HttpResponse.ok(
                    ReceiptJson.results(result.receipts())));
        } catch (MalformedRequestException e) {
            return CompletableFuture.completedFuture(
                    HttpResponse.<Map<String, Object>>badRequest().body(ReceiptJson.errors(e.field(), e.getMessage())));
        } catch (RequestRefusedException e) {
            return CompletableFuture.completedFuture(refused(e));
        }
    }

    private static HttpResponse<Map<String, Object>> refused(RequestRefusedException e) {
        Map<String, Object> body = ReceiptJson.errors(e.field(), e.getMessage());
        return switch (e.reason()) {
            case TOO_LARGE -> HttpResponse.<Map<String, Object>>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(body);
            case OVERLOADED -> HttpResponse.<Map<String, Object>>status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)))
                    .body(body);
        };
    }
}
