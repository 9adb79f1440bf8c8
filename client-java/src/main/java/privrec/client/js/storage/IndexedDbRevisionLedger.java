package privrec.client.js.storage;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import privrec.client.js.JsPromises;
import privrec.client.vault.RevisionLedger;

/**
 * {@link RevisionLedger} in IndexedDB (database "privrec-vault-ledger", store "revisions", vault name → revision).
 * IndexedDB runs every transaction in the browser's one backend for the origin, so a revision raised by a tab
 * (transaction complete) is what the next transaction from any tab reads — unlike localStorage, whose per-renderer
 * copies lag. Each call settles on its transaction's {@code complete}; {@link #raise} reads and writes in one
 * read-write transaction, so the value only ever goes up.
 */
public final class IndexedDbRevisionLedger implements RevisionLedger {
    private final JSObject db;

    private IndexedDbRevisionLedger(JSObject db) {
        this.db = db;
    }

    @JSBody(script = "return typeof indexedDB !== 'undefined' && !!indexedDB && typeof indexedDB.open === 'function';")
    public static native boolean available();

    /** Opens (creating on first use) the ledger; blocks, so call it on a TeaVM thread. */
    public static IndexedDbRevisionLedger open() {
        return new IndexedDbRevisionLedger(JsPromises.await(openDb()));
    }

    @Override
    public int get(String name) {
        try {
            return (int) JsPromises.await(run(db, "get", name, 0)).doubleValue();
        } catch (RuntimeException e) {
            return 0; // advisory: an unreadable ledger only weakens stale-read and rollback detection
        }
    }

    @Override
    public void raise(String name, int revision) {
        try {
            JsPromises.await(run(db, "raise", name, revision));
        } catch (RuntimeException e) {
            // advisory, as above: the vault write itself has already succeeded
        }
    }

    @Override
    public void forget(String name) {
        try {
            JsPromises.await(run(db, "delete", name, 0));
        } catch (RuntimeException e) {
            // advisory
        }
    }

    @JSBody(script = ""
            + "return new Promise(function (resolve, reject) {"
            + "  var r = indexedDB.open('privrec-vault-ledger', 1);"
            + "  r.onupgradeneeded = function () { r.result.createObjectStore('revisions'); };"
            + "  r.onsuccess = function () { resolve(r.result); };"
            + "  r.onerror = function () { reject(r.error || new Error('indexedDB.open failed')); };"
            + "  r.onblocked = function () { reject(new Error('the vault ledger is blocked by another tab')); };"
            + "});")
    private static native JSPromise<JSObject> openDb();

    /** {@code get}, {@code raise} (max of stored and given) or {@code delete}, in one transaction. */
    @JSBody(params = {"db", "op", "key", "revision"}, script = ""
            + "return new Promise(function (resolve, reject) {"
            + "  var tx = db.transaction('revisions', op === 'get' ? 'readonly' : 'readwrite');"
            + "  var store = tx.objectStore('revisions'), result = 0;"
            + "  if (op === 'delete') { store.delete(key); }"
            + "  else { var req = store.get(key); req.onsuccess = function () {"
            + "    var have = typeof req.result === 'number' ? req.result : 0; result = have;"
            + "    if (op === 'raise' && revision > have) { store.put(revision, key); result = revision; } }; }"
            + "  tx.oncomplete = function () { resolve(Number(result)); };"
            + "  tx.onerror = function () { reject(tx.error || new Error('IndexedDB ' + op + ' failed')); };"
            + "  tx.onabort = function () { reject(tx.error || new Error('IndexedDB ' + op + ' aborted')); };"
            + "});")
    private static native JSPromise<org.teavm.jso.core.JSNumber> run(JSObject db, String op, String key, int revision);
}
