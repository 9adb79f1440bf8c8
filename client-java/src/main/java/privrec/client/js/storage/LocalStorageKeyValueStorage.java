package privrec.client.js.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Storage;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.StorageEvent;
import privrec.client.js.JsException;
import privrec.client.js.JsPromises;
import privrec.client.vault.KeyValueStorage;
import privrec.client.vault.VaultException;

/**
 * {@link KeyValueStorage} on {@code window.localStorage}, with other tabs' changes from the {@code storage}
 * event (which browsers fire only in the tabs that did not make the change).
 *
 * <p>JS exceptions from {@code localStorage} are caught in JS (TeaVM would otherwise surface them without their
 * name): a full storage becomes {@link QuotaExceededException} — Chromium throws a {@code DOMException} named
 * {@code QuotaExceededError} (code 22), Firefox once used {@code NS_ERROR_DOM_QUOTA_REACHED}, HtmlUnit throws
 * {@code InternalError: QuotaExceededError}; anything else (storage disabled, SecurityError) becomes
 * VaultException STORAGE_UNAVAILABLE.
 */
public final class LocalStorageKeyValueStorage implements KeyValueStorage {
    private final Storage storage;
    private final List<Consumer<String>> listeners = new ArrayList<>();
    private EventListener<StorageEvent> eventListener;

    private LocalStorageKeyValueStorage(Storage storage) {
        this.storage = storage;
    }

    /** @throws VaultException STORAGE_UNAVAILABLE when the browser refuses localStorage (e.g. disabled cookies) */
    public static LocalStorageKeyValueStorage open() {
        JSObject outcome = localStorageOrError();
        if (!isStorage(outcome)) {
            throw unavailable(describe(outcome));
        }
        return new LocalStorageKeyValueStorage(localStorage());
    }

    @Override
    public String get(String key) {
        return storage.getItem(key);
    }

    @Override
    public void set(String key, String value) {
        JSObject error = trySetItem(storage, key, value);
        if (error == null) {
            return;
        }
        String text = describe(error);
        if (isQuotaError(error) || text.contains("QuotaExceeded") || text.contains("QUOTA")) {
            throw new QuotaExceededException(text);
        }
        throw unavailable(text);
    }

    @Override
    public void remove(String key) {
        storage.removeItem(key);
    }

    @Override
    public List<String> keys() {
        // Collect first: the key order of localStorage changes as items are added or removed.
        int length = storage.getLength();
        List<String> keys = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            String key = storage.key(i);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Override
    public void addExternalChangeListener(Consumer<String> listener) {
        listeners.add(listener);
        if (eventListener == null) {
            eventListener = event -> {
                // Events for sessionStorage reach the same listener; only localStorage matters here.
                if (!fromLocalStorage(event)) {
                    return;
                }
                String key = event.getKey();
                for (Consumer<String> l : new ArrayList<>(listeners)) {
                    l.accept(key);
                }
            };
            Window.current().addEventListener("storage", eventListener);
        }
    }

    @Override
    public void removeExternalChangeListener(Consumer<String> listener) {
        listeners.remove(listener);
        if (listeners.isEmpty() && eventListener != null) {
            Window.current().removeEventListener("storage", eventListener);
            eventListener = null;
        }
    }

    /** Reading {@code window.localStorage} itself throws SecurityError when storage is blocked. */
    @JSBody(script = "try { return window.localStorage; } catch (e) { return {error: e}; }")
    private static native JSObject localStorageOrError();

    @JSBody(script = "return window.localStorage;")
    private static native Storage localStorage();

    @JSBody(params = "o", script = "return !!o && typeof o.getItem === 'function';")
    private static native boolean isStorage(JSObject o);

    @JSBody(params = {"storage", "key", "value"},
            script = "try { storage.setItem(key, value); return null; } catch (e) { return e; }")
    private static native JSObject trySetItem(Storage storage, String key, String value);

    @JSBody(params = "e", script = "return !!e && (e.name === 'QuotaExceededError' || e.code === 22 "
            + "|| e.code === 1014 || e.name === 'NS_ERROR_DOM_QUOTA_REACHED');")
    private static native boolean isQuotaError(JSObject e);

    @JSBody(params = "event", script = "try { return event.storageArea === window.localStorage "
            + "|| event.storageArea === null || event.storageArea === undefined; } catch (e) { return true; }")
    private static native boolean fromLocalStorage(StorageEvent event);

    /** "name: message" of a JS error (or of {error: e}); {@link JsPromises#toJava} does the same for promises. */
    private static String describe(JSObject error) {
        RuntimeException java = JsPromises.toJava(unwrapError(error));
        return java instanceof JsException js ? js.getMessage() : String.valueOf(java.getMessage());
    }

    @JSBody(params = "o", script = "return (o && o.error !== undefined) ? o.error : o;")
    private static native JSObject unwrapError(JSObject o);

    private static VaultException unavailable(String detail) {
        return new VaultException(VaultException.Kind.STORAGE_UNAVAILABLE, "This browser does not let the page "
                + "keep data on this device (local storage is disabled or blocked), so vaults cannot be opened or "
                + "saved. (" + detail + ")");
    }
}
