package io.eventgateway.bootstrap.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleSetTest {

    @Test
    void allMeansEveryRole() {
        RoleSet roles = RoleSet.parse("all");

        assertThat(roles.isAll()).isTrue();
        assertThat(roles.environmentNames()).containsExactly("publisher", "orchestrator", "processor", "recovery");
    }

    @Test
    void aCommaSeparatedListIsTrimmedAndCaseInsensitive() {
        RoleSet roles = RoleSet.parse(" Publisher , recovery");

        assertThat(roles.environmentNames()).containsExactly("publisher", "recovery");
        assertThat(roles.isAll()).isFalse();
    }

    @Test
    void anEmptyEntryIsRejected() {
        assertThatThrownBy(() -> RoleSet.parse("publisher,"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown role ''");
    }
}
