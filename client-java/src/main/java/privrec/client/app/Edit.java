package privrec.client.app;

import privrec.client.vault.VaultContents;

/**
 * A change to the vault contents, as a function of the current contents rather than a finished value: when
 * another tab saved first (a CONFLICT), the same edit is applied again to the fresh contents, so neither tab's
 * update is lost.
 */
@FunctionalInterface
public interface Edit {
    VaultContents apply(VaultContents current);
}
