package privrec.client.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import privrec.client.app.UserError;
import privrec.client.js.JsException;
import privrec.client.model.ModelLoadException;
import privrec.client.vault.VaultException;
import privrec.client.vault.VaultException.Kind;

class ErrorMessagesTest {
    @Test
    void everyVaultKindHasASentenceEvenWithoutAMessage() {
        for (Kind kind : Kind.values()) {
            String sentence = ErrorMessages.sentence(new VaultException(kind, null));
            assertTrue(sentence.endsWith("."), kind + ": " + sentence);
        }
        assertEquals("Wrong password. Nothing was changed.",
                ErrorMessages.sentence(new VaultException(Kind.WRONG_PASSWORD, "")));
        assertTrue(ErrorMessages.sentence(new VaultException(Kind.CORRUPTED, " "))
                .contains("export the raw data or reset"));
    }

    @Test
    void vaultSentencesFromTheVaultAreShownAsWritten() {
        assertEquals("The password needs at least 8 characters.",
                ErrorMessages.sentence(new VaultException(Kind.WEAK_PASSWORD, "The password needs at least 8 characters.")));
    }

    @Test
    void modelAndBrowserErrorsBecomeSentences() {
        assertEquals("The model file failed its integrity check and was not used.", ErrorMessages.sentence(
                new ModelLoadException(ModelLoadException.Kind.HASH_MISMATCH,
                        "The model file failed its integrity check and was not used.")));
        assertTrue(ErrorMessages.sentence(new JsException("QuotaExceededError", "full"))
                .startsWith("The browser's storage for this site is full"));
        assertEquals("The browser reported a problem: TypeError: x is undefined",
                ErrorMessages.sentence(new JsException("TypeError", "x is undefined")));
    }

    @Test
    void unexpectedErrorsSayTheDataIsUnchanged() {
        assertEquals("Something went wrong: boom. Your saved data was not changed by this error.",
                ErrorMessages.sentence(new IllegalStateException("boom")));
        assertEquals("Something went wrong: NullPointerException. Your saved data was not changed by this error.",
                ErrorMessages.sentence(new NullPointerException()));
    }
}
