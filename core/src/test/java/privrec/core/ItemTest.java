package privrec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ItemTest {
    @Test
    void aYearSuffixedItemIsTheSameValueAsTheItemWithItsWholeTitle() {
        Item suffixed = Item.withYearSuffix(3, 17, "Heat", 1995, 5, 40);
        Item whole = new Item(3, 17, "Heat (1995)", 1995, 5, 40);
        assertEquals("Heat (1995)", suffixed.title());
        assertSame(suffixed.title(), suffixed.title(), "built once");
        assertEquals(whole, suffixed);
        assertEquals(whole.hashCode(), suffixed.hashCode());
        assertEquals(whole.toString(), suffixed.toString());
        assertTrue(suffixed.hasYearSuffix());
        assertEquals("Heat", suffixed.name());
        assertFalse(whole.hasYearSuffix());
        assertEquals("Heat (1995)", whole.name());
        assertNotEquals(whole, new Item(3, 17, "Heat (1996)", 1995, 5, 40));
    }

    @Test
    void atIndexMovesTheItemAndKeepsEverythingElse() {
        Item item = Item.withYearSuffix(0, 9, "Up", 2009, 3, 7);
        Item moved = item.atIndex(5);
        assertEquals(5, moved.index());
        assertEquals("Up (2009)", moved.title());
        assertEquals(new Item(5, 9, "Up (2009)", 2009, 3, 7), moved);
        assertSame(item, item.atIndex(0));
    }

    @Test
    void badFieldsAreRefusedInBothForms() {
        assertThrows(IllegalArgumentException.class, () -> Item.withYearSuffix(0, 1, "", 2001, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Item.withYearSuffix(-1, 1, "X", 2001, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Item(0, 0, "X", 2001, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Item.withYearSuffix(0, 1, "X", 10_000, 0, 0));
    }
}
