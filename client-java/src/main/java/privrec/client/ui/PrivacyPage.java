package privrec.client.ui;

import privrec.client.text.Numbers;
import java.util.List;

import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.NetworkLog;
import privrec.client.app.PrivacyReport;

/**
 * What this device holds (decrypted, as lists and as JSON), its encrypted size, and every request the page has
 * made since it loaded — the browser's own record — with the honest limit of what a web page can promise.
 */
final class PrivacyPage implements Page {
    private final Shell shell;

    PrivacyPage(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HTMLElement main) {
        HTMLElement intro = Dom.el("section", "panel");
        Dom.testId(intro, "privacy-explanation");
        intro.appendChild(Dom.text("p", null, "Your profile, ratings and “not interested” marks never leave this "
                + "device. They are stored only in this browser, encrypted with a key made from your password "
                + "(AES-GCM, PBKDF2 with 600,000 iterations), and the recommendations are computed right here. "
                + "The page only downloads the same public files for everyone — the app, the model and the "
                + "catalog — with no cookies, no query strings and no uploads. Errors are shown to you, never reported."));
        intro.appendChild(Dom.text("p", null, "The honest limit: a web page is code the site sends each time you "
                + "open it. If the people running this site turned malicious, they could ship new code that reads "
                + "your unlocked data. Encryption in the page cannot prevent that; published file hashes (see the "
                + "Model page) and the request list below let you check what this copy of the page does."));
        main.appendChild(intro);
        if (shell.app.isUnlocked()) {
            stored(main, shell.app.queries().privacy());
        } else {
            main.appendChild(Dom.text("p", "notice", "Unlock a profile to see what it stores."));
        }
        requests(main, shell.app.queries().requests());
    }

    private void stored(HTMLElement main, PrivacyReport report) {
        HTMLElement section = Dom.el("section", "panel");
        section.appendChild(Dom.text("h2", "section-title", "Stored on this device for " + shell.app.profileName()));
        HTMLElement size = Dom.text("p", null, "Encrypted size in this browser's storage: "
                + Numbers.bytes(report.storedBytes()) + ".");
        Dom.testId(size, "privacy-bytes");
        size.setAttribute("data-bytes", String.valueOf(report.storedBytes()));
        section.appendChild(size);
        section.appendChild(list("Profile", "privacy-profile", report.profileLines(), "No profile given."));
        section.appendChild(list("Ratings", "privacy-ratings", report.ratingLines(), "No ratings."));
        section.appendChild(list("Not interested", "privacy-dismissed", report.dismissedLines(), "None."));
        section.appendChild(list("Settings", "privacy-settings", report.settingLines(), "None."));
        HTMLElement details = Dom.el("details", null);
        details.appendChild(Dom.text("summary", null, "The same data as JSON (what is inside the encryption)"));
        HTMLElement pre = Dom.text("pre", "json", report.json());
        Dom.testId(pre, "privacy-json");
        details.appendChild(pre);
        section.appendChild(details);
        main.appendChild(section);
    }

    private static HTMLElement list(String title, String testId, List<String> lines, String empty) {
        HTMLElement box = Dom.el("div", "stored-list");
        box.appendChild(Dom.text("h3", null, title));
        HTMLElement ul = Dom.el("ul", null);
        Dom.testId(ul, testId);
        ul.setAttribute("data-count", String.valueOf(lines.size()));
        if (lines.isEmpty()) {
            ul.appendChild(Dom.text("li", "empty", empty));
        }
        for (String line : lines) {
            ul.appendChild(Dom.text("li", null, line));
        }
        box.appendChild(ul);
        return box;
    }

    private void requests(HTMLElement main, List<NetworkLog.Request> requests) {
        HTMLElement section = Dom.el("section", "panel");
        section.appendChild(Dom.text("h2", "section-title", "Network requests since this page loaded"));
        section.appendChild(Dom.text("p", "hint", requests.size() + " requests, as recorded by the browser itself "
                + "(Resource Timing). Files served from the browser's cache are listed too."));
        section.appendChild(Dom.button("Refresh list", "privacy-refresh", null, shell::refresh));
        HTMLElement ol = Dom.el("ol", "requests");
        Dom.testId(ol, "privacy-requests");
        ol.setAttribute("data-count", String.valueOf(requests.size()));
        for (NetworkLog.Request request : requests) {
            HTMLElement li = Dom.el("li", null);
            Dom.testId(li, "privacy-request");
            li.setAttribute("data-kind", request.kind());
            li.appendChild(Dom.text("span", "kind", request.kind()));
            li.appendChild(Dom.text("code", "url", request.url()));
            if (request.url().endsWith("/contributions")) {
                // The one request that carries data: the opted-in profile's noised report (Settings shows it).
                li.appendChild(Dom.text("span", "hint", " — POST of your contribution report (see Settings)"));
            }
            ol.appendChild(li);
        }
        section.appendChild(ol);
        main.appendChild(section);
    }
}
