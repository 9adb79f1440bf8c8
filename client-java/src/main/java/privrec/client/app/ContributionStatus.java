package privrec.client.app;

import java.util.List;

import privrec.client.vault.ContributionLedger;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.PrivacyAccountant;

/**
 * What the views show about contributions for the open profile and the loaded release.
 *
 * @param release       the loaded release's model id, or null while no model is ready
 * @param policy        the release's terms, or null when it accepts no contributions (or no model is ready)
 * @param optedIn       the profile's choice (false until the user opts in)
 * @param epsilon       the ε the next report will use: the user's choice, else the operator's default (0 without
 *                      a policy)
 * @param total         the accountant's composed loss over every report made so far
 * @param spends        every report made, one per release
 * @param pending       reports not sent yet, with their exact values
 * @param outcomes      what became of earlier reports
 * @param offerPending  the one-time offer after onboarding is still to be shown
 */
public record ContributionStatus(String release, ContributionPolicy policy, boolean optedIn, double epsilon,
                                 PrivacyAccountant.Total total, List<PrivacyAccountant.Spend> spends,
                                 List<Pending> pending, List<ContributionLedger.Outcome> outcomes,
                                 boolean offerPending) {
    /**
     * A report waiting to be sent.
     *
     * @param values the k numbers it holds, exactly as they will be sent (float32)
     * @param bytes  its size on the wire
     */
    public record Pending(String release, float epsilon, float[] values, int bytes, double sendAfterMillis) {
    }

    public boolean available() {
        return policy != null;
    }
}
