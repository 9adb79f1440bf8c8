package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import privrec.core.Json;
import privrec.core.privacy.PrivacyAccountant;

/** The contribution settings and ledger in the vault: off by default, round trip, older records open with them off. */
class ContributionLedgerTest {
    private final VaultFixture f = new VaultFixture();

    static ContributionLedger sampleLedger() {
        byte[] bytes = new byte[1064];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return ContributionLedger.OFF.withOptedIn(true).withEpsilon(1.0)
                .withReport(new PrivacyAccountant.Spend("privrec-0123456789abcdef", 1.0, 1e-6, 0.0321),
                        new ContributionLedger.PendingReport("privrec-0123456789abcdef", bytes, 1_731_234_567_890d))
                .withoutPending("none-such", new ContributionLedger.Outcome("x", "sent", 204, 1));
    }

    @Test
    void newContentsHaveContributionsOff() {
        assertEquals(ContributionLedger.OFF, VaultContents.EMPTY.contributions());
        assertFalse(VaultContents.EMPTY.contributions().optedIn());
        assertEquals(ContributionLedger.OFF, f.store.create("new", PASSWORD).contents().contributions());
    }

    @Test
    void ledgerRoundTripsThroughTheVault() {
        UnlockedVault vault = f.store.create("anna", PASSWORD);
        VaultContents withLedger = VaultFixture.sample().withContributions(sampleLedger());
        vault.save(withLedger);
        VaultContents reopened = f.store.unlock("anna", PASSWORD).contents();
        assertEquals(withLedger, reopened);
        ContributionLedger.PendingReport p = reopened.contributions().pendingFor("privrec-0123456789abcdef");
        assertArrayEquals(sampleLedger().pending().get(0).bytes(), p.bytes());
        assertEquals(1_731_234_567_890d, p.sendAfterMillis());
        assertTrue(reopened.contributions().accountant().hasSpent("privrec-0123456789abcdef"));
    }

    @Test
    void everyEditKeepsTheLedger() {
        VaultContents c = VaultContents.EMPTY.withContributions(sampleLedger())
                .withRating(new RatedMovie(1, 4f, 1)).withDismissed(2).withSetting("a", "b")
                .withProfile(privrec.core.Profile.EMPTY).withoutRating(1).withoutDismissed(2);
        assertEquals(sampleLedger(), c.contributions());
    }

    @Test
    void optingOutDeletesPendingReportsAndKeepsTheSpends() {
        ContributionLedger off = sampleLedger().optedOut(5);
        assertFalse(off.optedIn());
        assertEquals(List.of(), off.pending());
        assertEquals(sampleLedger().spends(), off.spends());
        assertEquals("stopped", off.outcomes().get(0).what());
    }

    @Test
    void aVaultWithoutContributionsWritesNoContributionsField() {
        String json = new String(PlaintextFormat.write(VaultFixture.sample()), StandardCharsets.UTF_8);
        assertFalse(json.contains("contributions"), json);
        Map<String, Object> tree = Json.parseObject(new String(PlaintextFormat.write(
                VaultContents.EMPTY.withContributions(sampleLedger())), StandardCharsets.UTF_8), "v");
        assertTrue(tree.containsKey("contributions"));
    }

    @Test
    void aVersionThreeRecordOpensWithContributionsOff() {
        String v3 = "{\"profile\": {}, \"ratings\": [{\"movie\": 50, \"stars\": 4, \"at\": 1600000000000,"
                + " \"title\": \"Star Wars\", \"year\": 1977}], \"dismissed\": [], \"settings\": {\"genre\": \"-1\"}}";
        VaultContents opened = PlaintextFormat.read(v3.getBytes(StandardCharsets.UTF_8), 3);
        assertEquals(ContributionLedger.OFF, opened.contributions());
        assertEquals("Star Wars", opened.findRating(50).title());
        assertEquals(4, PlaintextFormat.CURRENT_VERSION);
    }
}
