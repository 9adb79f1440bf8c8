package privrec.client.app;

import privrec.core.privacy.NoiseSource;

/**
 * What contributions need from the browser: the channel a report is sent on, timers for its random send time, and
 * cryptographic randomness (browser: {@code crypto.getRandomValues}) for both the noise and the send delay.
 */
public record ContributionServices(ReportChannel channel, Timers timers, NoiseSource random) {
}
