package privrec.client.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void fixedRoundsHalfAwayFromZeroWithoutExponents() {
        assertEquals("3.14", Numbers.fixed(3.14159, 2));
        assertEquals("-0.50", Numbers.fixed(-0.499, 2));
        assertEquals("0.000", Numbers.fixed(-0.0001, 3));
        assertEquals("2", Numbers.fixed(1.5, 0));
        assertEquals("1700000000123", Numbers.fixed(1_700_000_000_123.0, 0));
        assertEquals("1000000000", Numbers.fixed(1e9, 0));
    }

    @Test
    void bytesUseDecimalUnits() {
        assertEquals("812 bytes", Numbers.bytes(812));
        assertEquals("14.6 KB", Numbers.bytes(14_600));
        assertEquals("3.2 MB", Numbers.bytes(3_240_000));
    }

    @Test
    void starsReadNaturally() {
        assertEquals("1 star", Stars.text(1f));
        assertEquals("4 stars", Stars.text(4f));
        assertEquals("3.5 stars", Stars.text(3.5f));
    }

    @Test
    void yearIsShownOnceEvenWhenTheTitleHasIt() {
        assertEquals("Toy Story (1995)", Titles.withYear("Toy Story (1995)", 1995));
        assertEquals("Heat (1995)", Titles.withYear("Heat", 1995));
        assertEquals("Heat", Titles.withYear("Heat", 0));
        assertEquals("1984 (1956)", Titles.withYear("1984", 1956));
    }
}
