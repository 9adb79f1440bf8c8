package privrec.webapp;

import privrec.contributions.ReportStore;

/**
 * How the server takes {@code POST /contributions} ({@link ContributionEndpoint}).
 *
 * @param store               where accepted reports go; null = none (every report is answered 503)
 * @param limits              rate limits ({@link RateLimiter})
 * @param clientAddressHeader behind a reverse proxy, the header it sets to the client's address (nginx
 *                            {@code proxy_set_header X-Real-IP $remote_addr}), used only as the rate limiter's
 *                            input; null = the connection's address. Only set it when every request comes through
 *                            that proxy: a client could otherwise choose its own "address".
 */
record ContributionSettings(ReportStore store, RateLimiter.Limits limits, String clientAddressHeader) {
    /** No store: the endpoint answers 503. */
    static final ContributionSettings NONE = new ContributionSettings(null, RateLimiter.Limits.DEFAULT, null);

    ContributionSettings {
        if (limits == null) {
            limits = RateLimiter.Limits.DEFAULT;
        }
    }
}
