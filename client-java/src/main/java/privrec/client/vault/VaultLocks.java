package privrec.client.vault;

import java.util.function.Supplier;

/**
 * Mutual exclusion across every tab of this origin for the read-modify-write of one vault record. Browser:
 * {@code privrec.client.js.storage.WebLocks} ({@code navigator.locks}, with an in-tab fallback where the Web Locks
 * API is missing).
 *
 * <p>Why a lock and not only compare-and-set: a tab's {@code localStorage} reads may lag another tab's writes by
 * milliseconds (Chromium keeps a per-renderer copy that is updated by message), so "read, compare, write" can pass
 * on a stale read and overwrite the other tab's save. Under the lock each writer re-reads, re-applies its edit to
 * what it read, and writes; the revision check stays as a second wall.
 */
public interface VaultLocks {
    /**
     * Runs {@code body} while holding the exclusive lock {@code name}, and returns its result. The body may block
     * (await WebCrypto); it must not take the same lock again (locks are not re-entrant). The lock is released
     * when the body returns or throws, and by the browser when the tab closes.
     */
    <T> T withLock(String name, Supplier<T> body);
}
