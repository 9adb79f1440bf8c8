package privrec.client.app;

import privrec.client.vault.VaultContents;

/**
 * A change to the vault contents, as a function of the current contents rather than a finished value: the
 * vault applies it under its cross-tab lock to whatever is stored at that moment (another tab's save included), so
 * neither tab's
 * update is lost.
 */
@FunctionalInterface
public interface Edit {
    VaultContents apply(VaultContents current);
}
