package io.eventgateway.domain.dispatch;

import static io.eventgateway.domain.dispatch.TestTasks.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class FairTreeTest {

    private static final class Group extends FairTree.Member {
        long turn;

        Group(long id, long turn) {
            super(id, turn);
            this.turn = turn;
        }
    }

    @Test
    void anEmptyTreeAnswersNothing() {
        FairTree<Group> tree = new FairTree<>();

        assertThat(tree.earliest()).isNull();
        assertThat(tree.earliestDeadline()).isNull();
        assertThat(tree.leastRecentlyServedWithin(at(1_000))).isNull();
    }

    @Test
    void aMemberInTheTreeCannotChangeItsTurn() {
        FairTree<Group> tree = new FairTree<>();
        Group group = new Group(1, 1);
        tree.insert(group, at(0));

        assertThatThrownBy(() -> group.servedAt(2)).isInstanceOf(IllegalStateException.class);
    }

    @Property(tries = 100)
    void answersLikeAScanOverEveryMember(
            @ForAll @IntRange(min = 1, max = 300) int operations,
            @ForAll long seed) {
        Random random = new Random(seed);
        FairTree<Group> tree = new FairTree<>();
        List<Group> members = new ArrayList<>();
        long turns = 0;
        for (int id = 0; id < 40; id++) {
            members.add(new Group(id, ++turns));
        }
        for (int op = 0; op < operations; op++) {
            Group group = members.get(random.nextInt(members.size()));
            switch (random.nextInt(4)) {
                case 0 -> tree.reposition(group, at(random.nextInt(1_000)));
                case 1 -> tree.remove(group);
                case 2 -> {
                    Instant deadline = group.inTree() ? group.deadline() : at(random.nextInt(1_000));
                    tree.remove(group);
                    group.turn = ++turns;
                    group.servedAt(group.turn);
                    tree.insert(group, deadline);
                }
                default -> tree.reposition(group, null);
            }
            Instant windowEnd = at(random.nextInt(1_100));
            List<Group> filed = members.stream().filter(FairTree.Member::inTree).toList();

            assertThat(tree.size()).isEqualTo(filed.size());
            assertThat(tree.earliestDeadline()).isEqualTo(filed.stream().map(Group::deadline)
                    .min(Comparator.naturalOrder()).orElse(null));
            assertThat(tree.leastRecentlyServedWithin(windowEnd)).isSameAs(filed.stream()
                    .filter(member -> !member.deadline().isAfter(windowEnd))
                    .min(Comparator.comparingLong(member -> member.turn)).orElse(null));
        }
    }
}
