package io.eventgateway.bootstrap.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventgateway.application.settings.DynamicSettings;
import io.eventgateway.bootstrap.role.PublisherRole;
import io.eventgateway.domain.routing.RolloutRule;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/settings}: read and change the dynamic settings at runtime ({@code rollout_percent}, {@code aimd}
 * bounds). A change is validated as a whole and logged; an invalid one is refused with 400 naming the field.
 */
@PublisherRole
@Controller("/admin/settings")
public class SettingsController {

    private final LiveDynamicSettings settings;

    public SettingsController(LiveDynamicSettings settings) {
        this.settings = settings;
    }

    @Get
    public Map<String, Object> show() {
        return json(settings.current());
    }

    @Put
    public HttpResponse<Map<String, Object>> change(@Body JsonNode body) {
        try {
            DynamicSettings updated = settings.update(current -> apply(body, current), "admin endpoint");
            return HttpResponse.ok(json(updated));
        } catch (InvalidSettingException e) {
            return HttpResponse.badRequest(Map.of("errors", List.of(Map.of("field", e.field(), "reason",
                    e.getMessage()))));
        }
    }

    private static DynamicSettings apply(JsonNode body, DynamicSettings current) {
        if (body == null || !body.isObject()) {
            throw new InvalidSettingException("body", "must be a JSON object");
        }
        DynamicSettings result = current;
        JsonNode percent = body.get("rollout_percent");
        if (percent != null) {
            if (!percent.isIntegralNumber() || !percent.canConvertToInt()) {
                throw new InvalidSettingException("rollout_percent", "must be a whole number from 0 to 100");
            }
            try {
                result = result.withRollout(new RolloutRule(percent.intValue()));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("rollout_percent", e.getMessage());
            }
        }
        JsonNode aimd = body.get("aimd");
        if (aimd != null) {
            AimdBoundsChange change = new AimdBoundsChange(number(aimd, "floor"), number(aimd, "ceiling"),
                    number(aimd, "additive_step"), number(aimd, "decrease_factor"));
            try {
                result = result.withAimd(change.applyTo(result.aimd()));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("aimd", e.getMessage());
            }
        }
        return result;
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidSettingException("aimd." + field, "must be a number");
        }
        return value.doubleValue();
    }

    private static Map<String, Object> json(DynamicSettings settings) {
        Map<String, Object> aimd = new LinkedHashMap<>();
        aimd.put("floor", settings.aimd().floor());
        aimd.put("ceiling", settings.aimd().ceiling());
        aimd.put("additive_step", settings.aimd().additiveStep());
        aimd.put("decrease_factor", settings.aimd().decreaseFactor());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rollout_percent", settings.rollout().percent());
        json.put("aimd", aimd);
        return json;
    }
}
