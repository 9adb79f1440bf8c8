package privrec.client.ui;

import java.util.List;

import org.teavm.jso.dom.html.HTMLElement;

import privrec.core.Item;

/** First visit: rate a few well-known movies, or fill the optional profile, or skip. */
final class OnboardingPage implements Page {
    /** Well-known movies offered at once. */
    static final int CANDIDATES = 12;

    private final Shell shell;

    OnboardingPage(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HTMLElement main) {
        main.appendChild(Dom.text("p", "lead",
                "Rate a few movies you know, or tell us a little about yourself — or both, or neither. "
                        + "Everything stays encrypted in this browser."));
        HTMLElement done = Dom.button("Show my recommendations", "onboarding-done", "primary", () ->
                shell.submit(() -> {
                    shell.app.settings().finishOnboarding();
                    return null;
                }));
        done.setAttribute("data-focus-key", "onboarding-done");
        main.appendChild(done);
        main.appendChild(MovieCards.undoBar(shell));

        HTMLElement rate = Dom.el("section", "onboarding-rate");
        rate.setAttribute("aria-labelledby", "onboarding-rate-heading");
        HTMLElement heading = Dom.text("h2", "section-title", "Rate well-known movies");
        heading.setId("onboarding-rate-heading");
        rate.appendChild(heading);
        List<Item> candidates = shell.app.queries().onboardingCandidates(CANDIDATES);
        HTMLElement list = Dom.el("ul", "cards");
        Dom.testId(list, "onboarding-list");
        for (Item item : candidates) {
            list.appendChild(MovieCards.item(shell, item, "onboarding-card", false, "h3"));
        }
        rate.appendChild(list);
        main.appendChild(rate);

        HTMLElement profile = Dom.el("section", "onboarding-profile");
        profile.setAttribute("aria-labelledby", "onboarding-profile-heading");
        HTMLElement profileHeading = Dom.text("h2", "section-title", "Optional profile");
        profileHeading.setId("onboarding-profile-heading");
        profile.appendChild(profileHeading);
        profile.appendChild(ProfileForm.build(shell));
        main.appendChild(profile);
    }
}
