package io.eventgateway.domain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventgateway.domain.priority.Priority;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticRuleTest {

    private static ClassificationInput input(String type, String source, Map<String, String> attributes) {
        return new ClassificationInput(type, source, attributes, "acme", null);
    }

    @Test
    void matchesOnEventTypeAlone() {
        StaticRule rule = new StaticRule("flow.trigger", null, null, null, Priority.P30);

        assertThat(rule.matches(input("flow.trigger", "any-source", Map.of()))).isTrue();
        assertThat(rule.matches(input("flow.other", "any-source", Map.of()))).isFalse();
    }

    @Test
    void matchesOnSourceAlone() {
        StaticRule rule = new StaticRule(null, "crm", null, null, Priority.P20);

        assertThat(rule.matches(input("x", "crm", Map.of()))).isTrue();
        assertThat(rule.matches(input("x", "erp", Map.of()))).isFalse();
    }

    @Test
    void matchesOnAnAttributeKeyAndValue() {
        StaticRule rule = new StaticRule(null, null, "bulk", "true", Priority.P10);

        assertThat(rule.matches(input("x", "s", Map.of("bulk", "true")))).isTrue();
        assertThat(rule.matches(input("x", "s", Map.of("bulk", "false")))).isFalse();
        assertThat(rule.matches(input("x", "s", Map.of()))).isFalse();
    }

    @Test
    void everySetCriterionMustMatch() {
        StaticRule rule = new StaticRule("flow.trigger", "crm", null, null, Priority.P30);

        assertThat(rule.matches(input("flow.trigger", "erp", Map.of()))).isFalse();
    }

    @Test
    void matchingIsCaseSensitive() {
        StaticRule rule = new StaticRule("flow.trigger", null, null, null, Priority.P30);

        assertThat(rule.matches(input("Flow.Trigger", "s", Map.of()))).isFalse();
    }

    @Test
    void aRuleWithoutAnyCriterionIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StaticRule(null, null, null, null, Priority.P30))
                .withMessage("a static rule needs at least one of eventType, sourceName or attributeKey");
    }

    @Test
    void anAttributeKeyWithoutValueIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StaticRule(null, null, "bulk", null, Priority.P10))
                .withMessage("attributeKey and attributeValue must be set together, were key=bulk value=null");
    }

    @Test
    void aBlankCriterionIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StaticRule(" ", null, null, null, Priority.P10))
                .withMessage("eventType must be null (any) or non-blank, was ' '");
    }
}
