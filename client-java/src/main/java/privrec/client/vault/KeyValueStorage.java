package privrec.client.vault;

import java.util.List;
import java.util.function.Consumer;

/**
 * A string key-value store with {@code localStorage} semantics, behind an interface so the vault logic runs on
 * the JVM in tests. Browser: {@code privrec.client.js.storage.LocalStorageKeyValueStorage}.
 *
 * <p>Contract the vault relies on: {@link #set} replaces the value of one key atomically — after a crash or an
 * exception the key holds either the old or the new value, never a mix; when it throws
 * {@link QuotaExceededException} the old value is still there.
 */
public interface KeyValueStorage {
    /** The storage is full; the write did not happen. */
    final class QuotaExceededException extends RuntimeException {
        public QuotaExceededException(String message) {
            super(message);
        }
    }

    /** The value, or null when absent. */
    String get(String key);

    /** @throws QuotaExceededException when the value does not fit; the previous value is kept */
    void set(String key, String value);

    void remove(String key);

    /** All keys currently stored (any order). */
    List<String> keys();

    /**
     * Registers a listener for changes made by other tabs/windows (never for this object's own writes). It gets
     * the changed key, or null when the whole storage was cleared.
     */
    void addExternalChangeListener(Consumer<String> listener);

    void removeExternalChangeListener(Consumer<String> listener);
}
