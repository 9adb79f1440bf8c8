package privrec.client.ui;

import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

import privrec.client.js.dom.Files;

/** Account: profile, backup export, password change, auto-lock delay, delete, lock. */
final class SettingsPage implements Page {
    private static final int[] AUTO_LOCK_CHOICES = {2, 5, 10, 15, 30, 60};

    private final Shell shell;

    SettingsPage(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HTMLElement main) {
        main.appendChild(section("Profile", ProfileForm.build(shell)));
        main.appendChild(section("Backup", backup()));
        main.appendChild(section("Change password", password()));
        main.appendChild(section("Automatic lock", autoLock()));
        main.appendChild(section("Contribute to the next model", ContributionViews.settingsSection(shell)));
        main.appendChild(section("Delete this profile", delete()));
    }

    private static HTMLElement section(String title, HTMLElement content) {
        HTMLElement section = Dom.el("section", "panel");
        section.appendChild(Dom.text("h2", "section-title", title));
        section.appendChild(content);
        return section;
    }

    private HTMLElement backup() {
        HTMLElement box = Dom.el("div", null);
        box.appendChild(Dom.text("p", "hint", "Saves an encrypted file you can import on another device with the "
                + "same password. The file is made in this browser; nothing is uploaded."));
        box.appendChild(Dom.button("Export backup file", "export-backup", "primary", () -> shell.submit(() -> {
            String name = shell.app.profileName();
            Files.download(shell.app.session().exportBackup(), "privrec-" + UnlockPage.safe(name) + "-backup.json",
                    "application/json");
            return "Saved an encrypted backup of " + name + ".";
        })));
        return box;
    }

    private HTMLElement password() {
        HTMLElement form = Dom.el("form", "form");
        Dom.testId(form, "password-form");
        HTMLElement oldRow = Dom.el("div", "field");
        HTMLInputElement old = Dom.input(oldRow, "Current password", "password", "password-old", "password-old");
        old.setAttribute("autocomplete", "current-password");
        HTMLElement newRow = Dom.el("div", "field");
        HTMLInputElement fresh = Dom.input(newRow, "New password", "password", "password-new", "password-new");
        fresh.setAttribute("autocomplete", "new-password");
        HTMLElement againRow = Dom.el("div", "field");
        HTMLInputElement again = Dom.input(againRow, "New password again", "password", "password-new2", "password-new2");
        again.setAttribute("autocomplete", "new-password");
        form.appendChild(oldRow);
        form.appendChild(newRow);
        form.appendChild(againRow);
        HTMLElement go = Dom.button("Change password", "password-submit", "primary", () -> {
            String o = old.getValue();
            String n = fresh.getValue();
            String a = again.getValue();
            old.setValue("");
            fresh.setValue("");
            again.setValue("");
            shell.submit(() -> {
                shell.app.session().changePassword(o, n, a);
                return "Password changed. Your data was re-encrypted with the new password.";
            });
        });
        go.setAttribute("type", "submit");
        form.appendChild(go);
        form.addEventListener("submit", (EventListener<Event>) Event::preventDefault);
        return form;
    }

    private HTMLElement autoLock() {
        HTMLElement row = Dom.el("div", "field");
        String[][] options = new String[AUTO_LOCK_CHOICES.length][];
        for (int i = 0; i < options.length; i++) {
            options[i] = new String[] {String.valueOf(AUTO_LOCK_CHOICES[i]), AUTO_LOCK_CHOICES[i] + " minutes"};
        }
        HTMLSelectElement select = Dom.select(row, "Lock after this long without activity", "autolock-minutes",
                "autolock-minutes", options);
        select.setValue(String.valueOf(shell.app.settings().autoLockMinutes()));
        select.setAttribute("data-focus-key", "autolock");
        select.addEventListener("change", (EventListener<Event>) e -> {
            int minutes = Integer.parseInt(select.getValue());
            shell.submit(() -> {
                shell.app.settings().setAutoLockMinutes(minutes);
                return "This profile now locks after " + minutes + " minutes without activity.";
            });
        });
        return row;
    }

    private HTMLElement delete() {
        HTMLElement box = Dom.el("div", null);
        String name = shell.app.profileName();
        box.appendChild(Dom.text("p", "hint", "Removes " + name + "'s encrypted data from this browser for good. "
                + "Export a backup first if you may want it back."));
        if (!shell.drafts.confirmDelete) {
            box.appendChild(Dom.button("Delete profile…", "delete-profile", "danger", () -> {
                shell.drafts.confirmDelete = true;
                shell.focusNext("delete-confirm");
                shell.refresh();
            }));
        } else {
            HTMLElement confirm = Dom.button("Yes, delete " + name + " for good", "delete-confirm", "danger", () ->
                    shell.submit(() -> {
                        shell.drafts.confirmDelete = false;
                        shell.app.session().deleteOpenProfile();
                        // Back to the profile screen (its heading takes focus), not a locked Settings address.
                        shell.lockedByUser();
                        return "Deleted profile " + name + " from this device.";
                    }));
            confirm.setAttribute("data-focus-key", "delete-confirm");
            box.appendChild(confirm);
            box.appendChild(Dom.button("Cancel", "delete-cancel", null, () -> {
                shell.drafts.confirmDelete = false;
                shell.focusNext("delete-profile");
                shell.refresh();
            }));
        }
        return box;
    }
}
