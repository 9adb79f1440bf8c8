package privrec.client.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link VaultLocks} for single-threaded JVM tests: runs the body at once, refuses re-entry (as Web Locks would
 * deadlock), and records which lock names were taken so tests can check that every write held one.
 */
final class SerialLocks implements VaultLocks {
    final List<String> taken = new ArrayList<>();
    private String held;

    @Override
    public <T> T withLock(String name, Supplier<T> body) {
        if (name.equals(held)) {
            throw new IllegalStateException("lock " + name + " taken again while held: Web Locks would deadlock");
        }
        String outer = held;
        held = name;
        taken.add(name);
        try {
            return body.get();
        } finally {
            held = outer;
        }
    }

    boolean isHeld(String name) {
        return name.equals(held);
    }
}
