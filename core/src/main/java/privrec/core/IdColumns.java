package privrec.core;

import java.util.Arrays;

/**
 * Movie id → model column, for {@link Catalog}: open addressing over two int arrays. A {@code HashMap<Integer,
 * Integer>} boxes two objects per movie; at 87,000 movies building it was one of the longest single steps of the
 * browser's start-up (TeaVM's JavaScript), and its garbage the next one. Any int is a valid id; columns are ≥ 0.
 */
final class IdColumns {
    private static final int EMPTY = -1;

    private final int[] ids;
    private final int[] columns;
    private final int mask;

    /** Room for {@code capacity} ids at a load factor of at most ½. */
    IdColumns(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        ids = new int[size];
        columns = new int[size];
        Arrays.fill(columns, EMPTY);
        mask = size - 1;
    }

    /** Records {@code id → column}; false (and nothing changed) when the id is already there. */
    boolean put(int id, int column) {
        if (column < 0) {
            throw new IllegalArgumentException("column " + column + " is negative");
        }
        int slot = slotOf(id);
        if (columns[slot] != EMPTY) {
            return false;
        }
        ids[slot] = id;
        columns[slot] = column;
        return true;
    }

    /** The column of {@code id}, or -1. */
    int get(int id) {
        return columns[slotOf(id)];
    }

    /** The slot holding {@code id}, or the empty slot where it would go. */
    private int slotOf(int id) {
        int slot = mix(id) & mask;
        while (columns[slot] != EMPTY && ids[slot] != id) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    // Spreads consecutive ids over the table (Fibonacci hashing); int arithmetic only, which TeaVM keeps as int32.
    private static int mix(int id) {
        int h = id * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
