package privrec.client.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

import privrec.client.app.ContributionStatus;
import privrec.client.text.Numbers;
import privrec.client.vault.ContributionLedger;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.PrivacyAccountant;

/**
 * Opt-in contributions on screen: the one-time offer after onboarding (Home) and the Settings section with the
 * explanation, the switch, the ε choice, the accountant's total and every pending report's exact numbers.
 */
final class ContributionViews {
    private ContributionViews() {
    }

    /** The offer, once, after onboarding: two buttons, nothing pre-selected; null when it is not due. */
    static HTMLElement offerCard(Shell shell) {
        ContributionStatus status = shell.app.contributions().status();
        if (!status.offerPending()) {
            return null;
        }
        HTMLElement card = Dom.el("section", "panel contribution-offer");
        Dom.testId(card, "contribution-offer");
        card.setAttribute("aria-labelledby", "contribution-offer-heading");
        HTMLElement heading = Dom.text("h2", "section-title", "Help improve the next model? (optional)");
        heading.setId("contribution-offer-heading");
        card.appendChild(heading);
        explain(card, status);
        HTMLElement buttons = Dom.el("div", "button-row");
        buttons.appendChild(Dom.button("Yes, contribute", "contribution-offer-accept", "primary", () ->
                shell.submit(() -> {
                    shell.app.contributions().setOptedIn(true);
                    return "Contributions are on. You can see the report before it is sent in Settings.";
                })));
        buttons.appendChild(Dom.button("No thanks", "contribution-offer-dismiss", null, () -> shell.submit(() -> {
            shell.app.contributions().dismissOffer();
            return "Contributions stay off. You can change this in Settings.";
        })));
        card.appendChild(buttons);
        return card;
    }

    /** What is sent, when, and what ε and δ mean: the same words on the offer and in Settings. */
    private static void explain(HTMLElement box, ContributionStatus status) {
        ContributionPolicy p = status.policy();
        box.appendChild(Dom.text("p", "hint", "Off unless you turn it on. If you do, this browser sends the operator"
                + " one small report per model release: " + p.rank() + " numbers that summarise your ratings on the"
                + " model's item basis, clipped to a fixed size, with random noise added on this device before"
                + " anything leaves it. Nothing else: no ratings, titles, profile, name, cookie or id."));
        box.appendChild(Dom.text("p", "hint", "When: at most once per model release, at a random time up to "
                + minutes(p.maxDelaySeconds()) + " after the release is loaded — possibly during a later visit."
                + " You can see the exact numbers, and cancel, before it is sent. The server still sees your IP"
                + " address, as with every request."));
        box.appendChild(Dom.text("p", "hint", "Privacy level ε = " + number(status.epsilon()) + ", δ = "
                + number(p.delta()) + ". ε bounds how much one report can tell about you: smaller ε means more"
                + " noise and less said; δ is the tiny chance that bound does not hold."));
    }

    /** The Settings section. */
    static HTMLElement settingsSection(Shell shell) {
        ContributionStatus status = shell.app.contributions().status();
        HTMLElement box = Dom.el("div", null);
        Dom.testId(box, "contributions");
        box.setAttribute("data-opted-in", String.valueOf(status.optedIn()));
        box.setAttribute("data-pending", String.valueOf(status.pending().size()));
        if (status.available()) {
            explain(box, status);
        } else {
            box.appendChild(Dom.text("p", "hint", status.release() == null
                    ? "Contributions become available once the model has loaded."
                    : "This model release does not take contributions; nothing is sent."));
        }
        if (status.available() || status.optedIn()) {
            HTMLElement row = Dom.el("div", "field checkbox");
            HTMLInputElement toggle = Dom.input(row, "Contribute a private report to the next model release",
                    "checkbox", "contribute-toggle", "contribute-toggle");
            toggle.setChecked(status.optedIn());
            toggle.setAttribute("data-focus-key", "contribute-toggle");
            toggle.addEventListener("change", (EventListener<Event>) e -> {
                boolean on = toggle.isChecked();
                shell.submit(() -> {
                    shell.app.contributions().setOptedIn(on);
                    return on ? "Contributions are on." : "Contributions are off. Pending reports were deleted;"
                            + " nothing more is sent.";
                });
            });
            box.appendChild(row);
        }
        if (status.available()) {
            HTMLElement row = Dom.el("div", "field");
            ContributionPolicy p = status.policy();
            String[][] options = new String[p.epsilons().size()][];
            for (int i = 0; i < options.length; i++) {
                double e = p.epsilons().get(i);
                options[i] = new String[] {String.valueOf(e), "ε = " + number(e)
                        + (e == p.epsilon() ? " (the operator's default)" : e < p.epsilon() ? " (more noise)" : "")};
            }
            HTMLSelectElement select = Dom.select(row, "Privacy level of future reports", "contribute-epsilon",
                    "contribute-epsilon", options);
            select.setValue(String.valueOf(status.epsilon()));
            select.setAttribute("data-focus-key", "contribute-epsilon");
            select.addEventListener("change", (EventListener<Event>) e -> {
                double chosen = Double.parseDouble(select.getValue());
                shell.submit(() -> {
                    shell.app.contributions().setEpsilon(chosen);
                    return "Future reports use ε = " + number(chosen) + ".";
                });
            });
            box.appendChild(row);
        }
        PrivacyAccountant.Total total = status.total();
        HTMLElement totalLine = Dom.text("p", null, status.spends().isEmpty()
                ? "Privacy loss so far: none (no report has been made)."
                : "Privacy loss so far, over " + status.spends().size() + (status.spends().size() == 1 ? " report"
                : " reports") + ": ε = " + number(total.epsilon()) + ", δ = " + number(total.delta()) + " ("
                + ("zCDP".equals(total.composition()) ? "zero-concentrated DP composition" : "basic composition")
                + ", the tighter of the two).");
        Dom.testId(totalLine, "contribute-total");
        totalLine.setAttribute("data-composition", total.composition());
        box.appendChild(totalLine);
        for (ContributionStatus.Pending pending : status.pending()) {
            box.appendChild(pendingReport(shell, pending));
        }
        if (!status.outcomes().isEmpty()) {
            HTMLElement list = Dom.el("ul", "plain-list");
            Dom.testId(list, "contribute-outcomes");
            for (ContributionLedger.Outcome o : status.outcomes()) {
                list.appendChild(Dom.text("li", null, "Release " + o.release() + ": " + switch (o.what()) {
                    case "sent" -> "report sent " + localTime(o.atMillis()) + ".";
                    case "refused" -> "the server did not take the report (HTTP " + o.status() + "); it is not sent"
                            + " again.";
                    case "cancelled" -> "report cancelled by you " + localTime(o.atMillis())
                            + ", never sent (its noise is still counted above).";
                    default -> "report deleted when you turned contributions off, never sent.";
                }));
            }
            box.appendChild(list);
        }
        return box;
    }

    private static HTMLElement pendingReport(Shell shell, ContributionStatus.Pending pending) {
        HTMLElement panel = Dom.el("div", "pending-report");
        Dom.testId(panel, "contribute-pending");
        panel.setAttribute("data-release", pending.release());
        panel.setAttribute("data-bytes", String.valueOf(pending.bytes()));
        panel.appendChild(Dom.text("h3", null, "Report waiting to be sent"));
        boolean retry = shell.app.contributions().failedThisSession(pending.release());
        panel.appendChild(Dom.text("p", null, "For release " + pending.release() + ", at ε = "
                + number(pending.epsilon()) + ": " + pending.values().length + " numbers, "
                + Numbers.bytes(pending.bytes()) + " (" + pending.bytes() + " bytes) on the wire. "
                + (retry ? "Sending failed (no answer); it is tried again after you next unlock."
                : "Scheduled for " + localTime(pending.sendAfterMillis()) + " if this profile is open then,"
                + " else at a random time after you next unlock.")));
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < pending.values().length; i++) {
            values.append(i == 0 ? "" : " ").append(pending.values()[i]);
        }
        HTMLElement numbers = Dom.text("p", "report-values", values.toString());
        Dom.testId(numbers, "contribute-values");
        panel.appendChild(numbers);
        panel.appendChild(Dom.button("Cancel this report", "contribute-cancel", "danger", () -> shell.submit(() -> {
            shell.app.contributions().cancelPending(pending.release());
            return "The report was cancelled and will not be sent. Its noise was already drawn, so it stays counted"
                    + " in your privacy loss.";
        })));
        return panel;
    }

    private static String minutes(int seconds) {
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return (seconds / 60) + " minutes";
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.valueOf((long) v);
        }
        if (Math.abs(v) < 0.001) {
            return localExponential(v);
        }
        String text = Numbers.fixed(v, 3);
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '0') {
            end--;
        }
        return text.substring(0, text.charAt(end - 1) == '.' ? end - 1 : end);
    }

    @JSBody(params = "v", script = "return v.toExponential(1).replace('e-', '·10^-');")
    private static native String localExponential(double v);

    @JSBody(params = "ms", script = "return new Date(ms).toLocaleString();")
    private static native String localTime(double ms);
}
