package privrec.client.ui;

import privrec.client.app.UserError;
import privrec.client.js.JsException;
import privrec.client.model.ModelLoadException;
import privrec.client.vault.VaultException;

/**
 * Turns any failure into one sentence for the screen. The sentence is only ever shown: nothing here (or anywhere
 * in the client) reports errors to a server, a console service or an analytics endpoint.
 */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String sentence(Throwable error) {
        if (error instanceof UserError) {
            return error.getMessage();
        }
        if (error instanceof VaultException vault) {
            return vault(vault);
        }
        if (error instanceof ModelLoadException model) {
            return nonEmpty(model.getMessage(), "The recommendation model could not be loaded.");
        }
        if (error instanceof JsException js) {
            if (js.mentions("QuotaExceeded")) {
                return "The browser's storage for this site is full, so the change was not saved. "
                        + "Your previously saved data is intact.";
            }
            return "The browser reported a problem: " + js.getMessage();
        }
        return "Something went wrong: " + nonEmpty(error.getMessage(), error.getClass().getSimpleName())
                + ". Your saved data was not changed by this error.";
    }

    private static String vault(VaultException e) {
        // The vault author's messages are already sentences; these fallbacks cover an empty message.
        String fallback = switch (e.kind()) {
            case WRONG_PASSWORD -> "Wrong password. Nothing was changed.";
            case CORRUPTED -> "This profile's data was modified or is corrupted. Nothing was overwritten: "
                    + "you can export the raw data or reset this profile.";
            case QUOTA_EXCEEDED -> "The browser's storage for this site is full, so the change was not saved. "
                    + "Your previously saved data is intact.";
            case CONFLICT -> "This profile was changed in another tab at the same moment. Please try again.";
            case ALREADY_EXISTS -> "A profile with this name already exists on this device.";
            case NOT_FOUND -> "There is no profile with this name on this device.";
            case INVALID_NAME -> "Please choose a profile name without control characters.";
            case WEAK_PASSWORD -> "Please choose a longer password.";
            case UNSUPPORTED_VERSION -> "This data was written by another version of the app and cannot be read.";
            case CRYPTO_UNAVAILABLE -> "This browser offers no Web Crypto here, so profiles cannot be encrypted. "
                    + "Open the page over https or from localhost in a current browser.";
            case STORAGE_UNAVAILABLE -> "This browser does not allow the site to keep data on the device.";
            case LOCKED -> "The profile was locked. Please unlock it again.";
            case ROLLED_BACK -> "An older copy of this profile replaced its saved data. Nothing was overwritten; "
                    + "your newer data is still open here: export a backup in Settings to keep it.";
        };
        return nonEmpty(e.getMessage(), fallback);
    }

    private static String nonEmpty(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
