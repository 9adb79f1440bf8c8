package privrec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import privrec.trainer.data.DataFormatException;

class RatingLineTest {
    @Test
    void readsWholeAndHalfStars() {
        assertEquals(new RatingLine(1, 31, 5, 1260759144L), RatingLine.parseCsv("r", "1,31,2.5,1260759144"));
        assertEquals(new RatingLine(7, 2, 8, 0L), RatingLine.parseCsv("r", "7,2,4,0"));
        assertEquals(new RatingLine(7, 2, 8, 5L), RatingLine.parseCsv("r", "7,2,4.0,5"));
        assertEquals(new RatingLine(7, 2, 10, 5L), RatingLine.parseCsv("r", "7,2,5.00,5"), "the checking parser");
        assertEquals(new RatingLine(2147483647, 2, 1, 5L), RatingLine.parseCsv("r", "2147483647,2,0.5,5"));
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals("ratings.csv: rating \"1,2,x,3\": rating \"x\" is not a number", message("1,2,x,3"));
        assertEquals("ratings.csv: rating \"1,2,4.3,3\": rating 4.3 is not a whole or half star", message("1,2,4.3,3"));
        assertEquals("ratings.csv: rating \"1,2,5.5,3\": rating 5.5 is outside 0.5..5", message("1,2,5.5,3"));
        assertEquals("ratings.csv: rating \"1,2,0,3\": rating 0.0 is outside 0.5..5", message("1,2,0,3"));
        assertEquals("ratings.csv: rating \"0,2,4,3\": user id 0 must be positive", message("0,2,4,3"));
        assertEquals("ratings.csv: rating \"1,2147483648,4,3\": movie id 2147483648 is too large",
                message("1,2147483648,4,3"));
        assertEquals("ratings.csv: rating \"1,2,4\": expected 4 fields (userId,movieId,rating,timestamp), found 3",
                message("1,2,4"));
        assertEquals("ratings.csv: rating \"1,2,4,-3\": timestamp \"-3\" is not a number", message("1,2,4,-3"));
    }

    private static String message(String line) {
        return assertThrows(DataFormatException.class, () -> RatingLine.parseCsv("ratings.csv", line)).getMessage();
    }
}
