package privrec.client.model;

/**
 * Loads the published model: manifest, then the model and catalog files it names, each verified against the
 * manifest's SHA-256 and size before use, served from the on-device cache when the hash is already there.
 *
 * <p>{@link #load} blocks: call it on a TeaVM thread (in the browser: {@code new Thread(..).start()}, never
 * directly from a DOM listener). Browser instance: {@link BrowserModels#loader(String)}.
 */
public interface ModelLoader {
    /**
     * Loads the model, reporting progress to {@code listener}.
     *
     * @throws ModelLoadException with a human message and a {@link ModelLoadException.Kind}; nothing unverified
     *                            is ever returned or cached
     */
    LoadedModel load(LoadListener listener) throws ModelLoadException;
}
