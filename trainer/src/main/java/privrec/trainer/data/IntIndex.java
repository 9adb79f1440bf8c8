package privrec.trainer.data;

/**
 * Positive int id → dense index 0..size-1, in insertion order. Open addressing on primitive arrays: a boxed
 * {@code HashMap<Integer,Integer>} would cost an allocation per lookup, and we look up twice per rating.
 * Ids must be positive (0 marks an empty slot); the loaders reject other ids before they get here.
 */
final class IntIndex {
    private int[] keys = new int[64];
    private int[] values = new int[64];
    private int size;

    int size() {
        return size;
    }

    /** Dense index of {@code id}, or -1. */
    int get(int id) {
        int mask = keys.length - 1;
        for (int slot = mix(id) & mask; ; slot = (slot + 1) & mask) {
            int key = keys[slot];
            if (key == id) {
                return values[slot];
            }
            if (key == 0) {
                return -1;
            }
        }
    }

    /** Dense index of {@code id}, adding it with the next index when new. */
    int getOrAdd(int id) {
        if (id <= 0) {
            throw new IllegalArgumentException("id " + id + " must be positive");
        }
        int mask = keys.length - 1;
        for (int slot = mix(id) & mask; ; slot = (slot + 1) & mask) {
            int key = keys[slot];
            if (key == id) {
                return values[slot];
            }
            if (key == 0) {
                keys[slot] = id;
                values[slot] = size;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
        }
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = mix(oldKeys[i]) & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Ids are often consecutive; scramble them so linear probing does not form long runs. */
    private static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    @Override
    public String toString() {
        return "IntIndex[size=" + size + ", capacity=" + keys.length + "]";
    }
}
