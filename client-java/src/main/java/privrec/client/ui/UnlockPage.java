package privrec.client.ui;

import java.util.List;

import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

import privrec.client.js.dom.Files;
import privrec.client.vault.VaultException;
import privrec.client.vault.VaultRules;

/**
 * Log in = unlock a profile; a new name creates one (password typed twice). Also: pick an existing profile,
 * recover from a corrupted one (export raw, reset) and import a backup file.
 */
final class UnlockPage implements Page {
    private final Shell shell;
    private HTMLInputElement name;
    private HTMLInputElement password;
    private HTMLInputElement password2;
    private HTMLElement repeatRow;
    private HTMLElement submit;

    UnlockPage(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HTMLElement main) {
        main.appendChild(Dom.text("p", "lead", "Your ratings and profile are kept only in this browser, "
                + "encrypted with your password. Several people can keep separate profiles here."));
        List<String> names = shell.app.session().profileNames();
        main.appendChild(profileList(names));
        main.appendChild(form(names));
        if (shell.drafts.corruptedName != null) {
            main.appendChild(corrupted(shell.drafts.corruptedName));
        }
        main.appendChild(importSection());
    }

    private HTMLElement profileList(List<String> names) {
        HTMLElement section = Dom.el("section", "profiles");
        section.setAttribute("aria-label", "Profiles on this device");
        HTMLElement list = Dom.el("ul", "profile-list");
        Dom.testId(list, "profile-list");
        if (names.isEmpty()) {
            section.appendChild(Dom.text("p", "hint", "No profiles on this device yet: choose a name to create one."));
        }
        for (String existing : names) {
            HTMLElement li = Dom.el("li", null);
            HTMLElement pick = Dom.button(existing, "profile-option", "profile-option", () -> {
                name.setValue(existing);
                shell.drafts.name = existing;
                updateMode();
                password.focus();
            });
            pick.setAttribute("data-name", existing);
            pick.setAttribute("aria-label", "Use profile " + existing);
            li.appendChild(pick);
            list.appendChild(li);
        }
        section.appendChild(list);
        return section;
    }

    private HTMLElement form(List<String> names) {
        HTMLElement form = Dom.el("form", "form unlock-form");
        Dom.testId(form, "unlock-form");
        HTMLElement nameRow = Dom.el("div", "field");
        name = Dom.input(nameRow, "Profile name", "text", "unlock-name", "unlock-name");
        name.setAttribute("autocomplete", "username");
        name.setAttribute("maxlength", String.valueOf(VaultRules.MAX_NAME_LENGTH));
        name.setValue(shell.drafts.name);
        name.addEventListener("input", (EventListener<Event>) e -> {
            shell.drafts.name = name.getValue();
            updateMode();
        });
        form.appendChild(nameRow);

        HTMLElement passwordRow = Dom.el("div", "field");
        password = Dom.input(passwordRow, "Password", "password", "unlock-password", "unlock-password");
        password.setAttribute("autocomplete", "current-password");
        form.appendChild(passwordRow);

        repeatRow = Dom.el("div", "field");
        password2 = Dom.input(repeatRow, "Password again (new profile)", "password", "unlock-password2",
                "unlock-password2");
        password2.setAttribute("autocomplete", "new-password");
        repeatRow.appendChild(Dom.text("p", "hint", "At least " + VaultRules.MIN_PASSWORD_LENGTH
                + " characters. There is no recovery: without the password the data cannot be read by anyone."));
        form.appendChild(repeatRow);

        submit = Dom.button("Unlock", "unlock-submit", "primary", this::go);
        submit.setAttribute("type", "submit");
        form.appendChild(submit);
        form.addEventListener("submit", (EventListener<Event>) Event::preventDefault);
        updateMode();
        return form;
    }

    /** Existing name: unlock. New name: create, which needs the password twice. */
    private void updateMode() {
        boolean exists = shell.app.session().profileNames().contains(name.getValue().trim());
        boolean creating = !exists && !name.getValue().trim().isEmpty();
        repeatRow.setHidden(!creating);
        submit.setTextContent(creating ? "Create profile" : "Unlock");
        Dom.document().getBody().setAttribute("data-unlock-mode", creating ? "create" : "unlock");
    }

    private void go() {
        String who = name.getValue().trim();
        String secret = password.getValue();
        String again = password2.getValue();
        boolean creating = !repeatRow.isHidden();
        password.setValue("");
        password2.setValue("");
        shell.drafts.name = who;
        shell.submit(() -> {
            try {
                if (creating) {
                    shell.app.session().create(who, secret, again);
                    shell.openedProfile();
                    return "Created profile " + who + ". Rate a few movies to get started.";
                }
                shell.app.session().unlock(who, secret);
                shell.openedProfile();
                shell.drafts.corruptedName = null;
                return "Unlocked " + who + ".";
            } catch (VaultException e) {
                if (e.kind() == VaultException.Kind.CORRUPTED) {
                    shell.drafts.corruptedName = who;
                }
                throw e;
            }
        });
    }

    private HTMLElement corrupted(String who) {
        HTMLElement box = Dom.el("section", "panel danger");
        Dom.testId(box, "corrupted");
        box.appendChild(Dom.text("h2", "section-title", "Profile “" + who + "” cannot be read"));
        box.appendChild(Dom.text("p", null, "Its stored data was modified or is damaged, so it was not opened and "
                + "nothing was overwritten. You can save the raw encrypted data to a file, and then deliberately "
                + "reset the profile to start again under the same name."));
        box.appendChild(Dom.button("Export raw data", "export-raw", null, () -> shell.submit(() -> {
            Files.download(shell.app.session().exportRaw(who), "privrec-" + safe(who) + "-raw.txt", "text/plain");
            return "Saved the raw data of " + who + " as a file.";
        })));
        if (!shell.drafts.confirmReset) {
            box.appendChild(Dom.button("Reset this profile…", "reset-profile", "danger", () -> {
                shell.drafts.confirmReset = true;
                shell.focusNext("reset-confirm");
                shell.refresh();
            }));
        } else {
            box.appendChild(Dom.button("Yes, erase " + who + " for good", "reset-confirm", "danger", () ->
                    shell.submit(() -> {
                        shell.app.session().resetProfile(who);
                        shell.drafts.corruptedName = null;
                        shell.drafts.confirmReset = false;
                        return "Erased profile " + who + ".";
                    })));
        }
        return box;
    }

    private HTMLElement importSection() {
        HTMLElement box = Dom.el("details", "panel");
        box.appendChild(Dom.text("summary", null, "Import a backup file"));
        HTMLElement form = Dom.el("form", "form");
        Dom.testId(form, "import-form");
        HTMLElement fileRow = Dom.el("div", "field");
        HTMLInputElement file = Dom.input(fileRow, "Backup file", "file", "import-file", "import-file");
        file.setAttribute("accept", ".json,application/json");
        form.appendChild(fileRow);
        HTMLElement pwRow = Dom.el("div", "field");
        HTMLInputElement pw = Dom.input(pwRow, "Password of the backup", "password", "import-password", "import-password");
        form.appendChild(pwRow);
        HTMLElement asRow = Dom.el("div", "field");
        HTMLInputElement as = Dom.input(asRow, "Save as profile name (optional)", "text", "import-name", "import-name");
        form.appendChild(asRow);
        HTMLElement go = Dom.button("Import", "import-submit", "primary", () -> {
            String secret = pw.getValue();
            String asName = as.getValue();
            pw.setValue("");
            shell.submit(() -> {
                String text = Files.readFirstFile(file);
                shell.app.session().importBackup(text, secret, asName);
                shell.openedProfile();
                return "Imported the backup as " + shell.app.profileName() + ".";
            });
        });
        go.setAttribute("type", "submit");
        form.appendChild(go);
        form.addEventListener("submit", (EventListener<Event>) Event::preventDefault);
        box.appendChild(form);
        return box;
    }

    static String safe(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return out.toString();
    }
}
