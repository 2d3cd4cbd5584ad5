package io.eventgateway.domain.dispatch;

import java.time.Instant;

/**
 * An ordered set of tenant or key groups by the deadline of their earliest on-time task, that also answers "which
 * group due by {@code windowEnd} was served least recently?" in O(log n). That query is the fairness rule: round
 * robin among the groups whose work falls in the window, without scanning them.
 *
 * <p>A treap keyed by (deadline, id) with each subtree remembering its least recently served member. Member weights
 * are a fixed hash of the member id, so the shape is deterministic and expected depth is O(log n).
 *
 * <p>Invariant: a member's deadline and {@code lastTurn} do not change while it is in the tree; callers remove it,
 * change it, and insert it again ({@link #reposition}).
 */
final class FairTree<M extends FairTree.Member> {

    /** Intrusive tree links; a member is in at most one tree. */
    abstract static class Member {
        final long id;
        private final int weight;
        private long lastTurn;
        private Instant deadline;
        private boolean inTree;
        private Member left;
        private Member right;
        private Member leastRecentlyServed;

        Member(long id, long lastTurn) {
            this.id = id;
            this.weight = mix(id);
            this.lastTurn = lastTurn;
        }

        /** The deadline this member is filed under; meaningful only while it is in a tree. */
        Instant deadline() {
            return deadline;
        }

        boolean inTree() {
            return inTree;
        }

        /** Records a service turn; the member must be out of its tree, since turns order the tree's answers. */
        void servedAt(long turn) {
            if (inTree) {
                throw new IllegalStateException("take the member out of its tree before changing its turn");
            }
            lastTurn = turn;
        }

        private boolean isBefore(Member other) {
            int byDeadline = deadline.compareTo(other.deadline);
            return byDeadline < 0 || (byDeadline == 0 && id < other.id);
        }

        /** splitmix64's finaliser: well-spread weights from sequential ids. */
        private static int mix(long value) {
            long z = value + 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return (int) (z ^ (z >>> 31));
        }
    }

    private Member root;
    private int size;

    boolean isEmpty() {
        return root == null;
    }

    int size() {
        return size;
    }

    /** The member with the earliest deadline, or null. */
    @SuppressWarnings("unchecked")
    M earliest() {
        Member node = root;
        if (node == null) {
            return null;
        }
        while (node.left != null) {
            node = node.left;
        }
        return (M) node;
    }

    /** The earliest deadline in the tree, or null when it is empty. */
    Instant earliestDeadline() {
        M earliest = earliest();
        return earliest == null ? null : earliest.deadline();
    }

    /** Among members filed at a deadline no later than {@code windowEnd}, the one served least recently; or null. */
    @SuppressWarnings("unchecked")
    M leastRecentlyServedWithin(Instant windowEnd) {
        Member best = null;
        Member node = root;
        while (node != null) {
            if (node.deadline.isAfter(windowEnd)) {
                node = node.left;
            } else {
                // The node and its whole left subtree are due within the window.
                best = lessRecent(best, node);
                if (node.left != null) {
                    best = lessRecent(best, node.left.leastRecentlyServed);
                }
                node = node.right;
            }
        }
        return (M) best;
    }

    /** Files the member under {@code deadline}, or takes it out when {@code deadline} is null. */
    void reposition(M filed, Instant deadline) {
        Member member = filed;
        if (member.inTree) {
            if (deadline != null && deadline.equals(member.deadline)) {
                return;
            }
            remove(filed);
        }
        if (deadline != null) {
            insert(filed, deadline);
        }
    }

    void insert(M filed, Instant deadline) {
        Member member = filed;
        if (member.inTree) {
            throw new IllegalStateException("member is already in the tree");
        }
        member.deadline = deadline;
        member.left = null;
        member.right = null;
        root = insert(root, member);
        member.inTree = true;
        size++;
    }

    /** Takes the member out; a member that is not in the tree is left alone. */
    void remove(M filed) {
        Member member = filed;
        if (!member.inTree) {
            return;
        }
        root = remove(root, member);
        member.inTree = false;
        member.left = null;
        member.right = null;
        size--;
    }

    private static Member insert(Member node, Member member) {
        if (node == null) {
            update(member);
            return member;
        }
        if (member.isBefore(node)) {
            node.left = insert(node.left, member);
            if (node.left.weight > node.weight) {
                node = rotateRight(node);
            }
        } else {
            node.right = insert(node.right, member);
            if (node.right.weight > node.weight) {
                node = rotateLeft(node);
            }
        }
        update(node);
        return node;
    }

    private static Member remove(Member node, Member member) {
        if (node == null) {
            throw new IllegalStateException("tree does not hold a member it believes it holds");
        }
        if (node == member) {
            return merge(node.left, node.right);
        }
        if (member.isBefore(node)) {
            node.left = remove(node.left, member);
        } else {
            node.right = remove(node.right, member);
        }
        update(node);
        return node;
    }

    /** Joins two treaps where every member of {@code low} is before every member of {@code high}. */
    private static Member merge(Member low, Member high) {
        if (low == null) {
            return high;
        }
        if (high == null) {
            return low;
        }
        if (low.weight > high.weight) {
            low.right = merge(low.right, high);
            update(low);
            return low;
        }
        high.left = merge(low, high.left);
        update(high);
        return high;
    }

    private static Member rotateRight(Member node) {
        Member pivot = node.left;
        node.left = pivot.right;
        pivot.right = node;
        update(node);
        update(pivot);
        return pivot;
    }

    private static Member rotateLeft(Member node) {
        Member pivot = node.right;
        node.right = pivot.left;
        pivot.left = node;
        update(node);
        update(pivot);
        return pivot;
    }

    private static void update(Member node) {
        Member best = node;
        if (node.left != null) {
            best = lessRecent(best, node.left.leastRecentlyServed);
        }
        if (node.right != null) {
            best = lessRecent(best, node.right.leastRecentlyServed);
        }
        node.leastRecentlyServed = best;
    }

    /** Turns are unique (one counter), so this is a strict order. */
    private static Member lessRecent(Member a, Member b) {
        if (a == null) {
            return b;
        }
        return b.lastTurn < a.lastTurn ? b : a;
    }
}
