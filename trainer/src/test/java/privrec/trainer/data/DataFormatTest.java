package privrec.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataFormatTest {
    @Test
    void parsesCliSpellings() {
        assertEquals(DataFormat.SYNTHETIC, DataFormat.parse("synthetic"));
        assertEquals(DataFormat.ML_100K, DataFormat.parse("ml-100k"));
        assertEquals(DataFormat.ML_CSV, DataFormat.parse("ML-CSV"));
        assertEquals(DataFormat.ML_100K, DataFormat.parse("ML_100K"));
        assertEquals("ml-100k", DataFormat.ML_100K.toString());
    }

    @Test
    void unknownFormatListsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFormat.parse("ml-1m"));
        assertEquals("unknown data format \"ml-1m\"; expected one of synthetic, ml-100k, ml-csv", e.getMessage());
    }

    @Test
    void errorMessageIsFileLineProblem() {
        assertEquals("ratings.csv:1234: rating \"x\" is not a number",
                new DataFormatException("ratings.csv", 1234, "rating \"x\" is not a number").getMessage());
        DataFormatException whole = new DataFormatException("u.data", 0, "file is empty");
        assertEquals("u.data: file is empty", whole.getMessage());
        assertEquals(0, whole.line());
        assertEquals("u.data", whole.fileName());
        assertEquals("file is empty", whole.problem());
    }
}
