/**
 * Opt-in private contributions (docs/contributions.md): the report a browser sends (projection on the item basis,
 * clipping, Gaussian noise from a cryptographic source), the operator's policy from the manifest, the check the
 * server applies, the debiased aggregate the trainer uses, and the privacy accountant the vault keeps. Plain Java:
 * the browser runs it after TeaVM compiles it, the trainer and the server on the JVM.
 */
package privrec.core.privacy;
