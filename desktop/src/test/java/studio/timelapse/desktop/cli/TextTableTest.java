package studio.timelapse.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void eachColumnIsAsWideAsItsWidestCellSoLongIdsKeepTheOthersAligned() {
        StringWriter printed = new StringWriter();
        new TextTable("ID", "NAME", "STATE")
                .row("79bcebc9-42e7-4297-a859-cf3a7a5b867e", "Demo camera", "capturing")
                .row("a1", "Garden", "offline since 14:02")
                .print(new PrintWriter(printed, true));

        assertThat(printed.toString().lines()).containsExactly(
                "ID                                    NAME         STATE",
                "79bcebc9-42e7-4297-a859-cf3a7a5b867e  Demo camera  capturing",
                "a1                                    Garden       offline since 14:02");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> new TextTable("ID", "NAME").row("only one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells in a table of 2");
    }
}
