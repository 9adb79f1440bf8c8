package privrec.client.js.webcrypto;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.ArrayBufferView;

/**
 * The subset of {@code crypto.subtle} the vault uses (TeaVM ships no bindings for it). Algorithm parameter
 * objects come from {@link WebCrypto}. All methods return promises; await them with
 * {@link privrec.client.js.JsPromises#await}.
 */
public interface SubtleCrypto extends JSObject {
    /** {@code keyUsages} reaches JS as a plain Array (TeaVM converts {@code String[]}). */
    JSPromise<CryptoKey> importKey(String format, ArrayBufferView keyData, JSObject algorithm, boolean extractable,
                                   String[] keyUsages);

    JSPromise<CryptoKey> deriveKey(JSObject algorithm, CryptoKey baseKey, JSObject derivedKeyType,
                                   boolean extractable, String[] keyUsages);

    JSPromise<ArrayBuffer> encrypt(JSObject algorithm, CryptoKey key, ArrayBufferView data);

    /** Rejects with an {@code OperationError} when the AES-GCM tag does not verify. */
    JSPromise<ArrayBuffer> decrypt(JSObject algorithm, CryptoKey key, ArrayBufferView data);
}
