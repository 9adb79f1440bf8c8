package privrec.client.js.net;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.ArrayBuffer;
import privrec.client.js.Bytes;
import privrec.client.js.JsPromises;
import privrec.client.model.BlobCache;

/**
 * {@link BlobCache} in IndexedDB (database "privrec-models", store "files", name → ArrayBuffer), for browsers
 * without the Cache API. Each operation is its own transaction and settles on the transaction's
 * {@code complete}, so a put is durable when {@link #put} returns.
 */
public final class IndexedDbBlobCache implements BlobCache {
    private final JSObject db;

    private IndexedDbBlobCache(JSObject db) {
        this.db = db;
    }

    @JSBody(script = "return typeof indexedDB !== 'undefined' && !!indexedDB && typeof indexedDB.open === 'function';")
    public static native boolean available();

    public static IndexedDbBlobCache open() {
        return new IndexedDbBlobCache(JsPromises.await(openDb()));
    }

    @Override
    public byte[] get(String name) {
        ArrayBuffer value = JsPromises.await(request(db, "readonly", "get", name, null));
        return value == null ? null : Bytes.wrap(value);
    }

    @Override
    public void put(String name, byte[] data) {
        JsPromises.await(request(db, "readwrite", "put", name, Bytes.toJs(data)));
    }

    @Override
    public void delete(String name) {
        JsPromises.await(request(db, "readwrite", "delete", name, null));
    }

    @Override
    public List<String> names() {
        JSArray<JSString> keys = JsPromises.await(request(db, "readonly", "getAllKeys", null, null)).cast();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keys.getLength(); i++) {
            names.add(keys.get(i).stringValue());
        }
        return names;
    }

    @JSBody(script = ""
            + "return new Promise(function (resolve, reject) {"
            + "  var r = indexedDB.open('privrec-models', 1);"
            + "  r.onupgradeneeded = function () { r.result.createObjectStore('files'); };"
            + "  r.onsuccess = function () { resolve(r.result); };"
            + "  r.onerror = function () { reject(r.error || new Error('indexedDB.open failed')); };"
            + "  r.onblocked = function () { reject(new Error('the model database is blocked by another tab')); };"
            + "});")
    private static native JSPromise<JSObject> openDb();

    /** One store operation ({@code get}, {@code put}, {@code delete}, {@code getAllKeys}) in its own transaction. */
    @JSBody(params = {"db", "mode", "op", "key", "value"}, script = ""
            + "return new Promise(function (resolve, reject) {"
            + "  var tx = db.transaction('files', mode), store = tx.objectStore('files'), result = null;"
            + "  var req = op === 'put' ? store.put(value, key) : op === 'getAllKeys' ? store.getAllKeys() : store[op](key);"
            + "  req.onsuccess = function () { result = req.result === undefined ? null : req.result; };"
            + "  tx.oncomplete = function () { resolve(result); };"
            + "  tx.onerror = function () { reject(tx.error || req.error || new Error('IndexedDB ' + op + ' failed')); };"
            + "  tx.onabort = function () { reject(tx.error || new Error('IndexedDB ' + op + ' aborted')); };"
            + "});")
    private static native <T extends JSObject> JSPromise<T> request(JSObject db, String mode, String op, String key,
                                                                    ArrayBuffer value);
}
