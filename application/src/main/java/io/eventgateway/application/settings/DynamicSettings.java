package io.eventgateway.application.settings;

import io.eventgateway.domain.admission.AimdSettings;
import io.eventgateway.domain.routing.RolloutRule;
import java.util.Objects;

/** Settings that change at runtime without a restart: read on every use, never cached by their users. */
public record DynamicSettings(RolloutRule rollout, AimdSettings aimd) {

    public static DynamicSettings defaults() {
        return new DynamicSettings(RolloutRule.none(), AimdSettings.defaults());
    }

    public DynamicSettings {
        Objects.requireNonNull(rollout, "rollout");
        Objects.requireNonNull(aimd, "aimd");
    }

    public DynamicSettings withRollout(RolloutRule newRollout) {
        return new DynamicSettings(newRollout, aimd);
    }

    public DynamicSettings withAimd(AimdSettings newAimd) {
        return new DynamicSettings(rollout, newAimd);
    }
}
