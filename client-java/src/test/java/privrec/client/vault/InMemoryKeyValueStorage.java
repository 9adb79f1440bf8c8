package privrec.client.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * localStorage semantics in memory: per-key atomic writes, a quota counted in UTF-16 characters (keys + values,
 * as browsers do), and {@link #newTab()} views that share the data and hear each other's writes the way the
 * {@code storage} event works (never the writer's own).
 */
final class InMemoryKeyValueStorage implements KeyValueStorage {
    private static final class Shared {
        final Map<String, String> data = new LinkedHashMap<>();
        final List<InMemoryKeyValueStorage> tabs = new ArrayList<>();
        int quotaChars = Integer.MAX_VALUE;
    }

    private final Shared shared;
    private final List<Consumer<String>> listeners = new ArrayList<>();

    InMemoryKeyValueStorage() {
        this(new Shared());
    }

    private InMemoryKeyValueStorage(Shared shared) {
        this.shared = shared;
        shared.tabs.add(this);
    }

    /** Another tab of the same origin: same data, its own listeners. */
    InMemoryKeyValueStorage newTab() {
        return new InMemoryKeyValueStorage(shared);
    }

    void setQuotaChars(int quotaChars) {
        shared.quotaChars = quotaChars;
    }

    int usedChars() {
        int used = 0;
        for (Map.Entry<String, String> e : shared.data.entrySet()) {
            used += e.getKey().length() + e.getValue().length();
        }
        return used;
    }

    Map<String, String> snapshot() {
        return new LinkedHashMap<>(shared.data);
    }

    @Override
    public String get(String key) {
        return shared.data.get(key);
    }

    @Override
    public void set(String key, String value) {
        String old = shared.data.get(key);
        int after = usedChars() - (old == null ? 0 : key.length() + old.length()) + key.length() + value.length();
        if (after > shared.quotaChars) {
            throw new QuotaExceededException("QuotaExceededError: " + after + " > " + shared.quotaChars);
        }
        shared.data.put(key, value);
        notifyOthers(key);
    }

    @Override
    public void remove(String key) {
        if (shared.data.remove(key) != null) {
            notifyOthers(key);
        }
    }

    @Override
    public List<String> keys() {
        return new ArrayList<>(shared.data.keySet());
    }

    @Override
    public void addExternalChangeListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeExternalChangeListener(Consumer<String> listener) {
        listeners.remove(listener);
    }

    int listenerCount() {
        return listeners.size();
    }

    private void notifyOthers(String key) {
        for (InMemoryKeyValueStorage tab : shared.tabs) {
            if (tab != this) {
                for (Consumer<String> l : new ArrayList<>(tab.listeners)) {
                    l.accept(key);
                }
            }
        }
    }
}
