package studio.timelapse.desktop.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows printed as aligned columns, each as wide as its widest cell, so that a long camera id or name pushes its
 * column wider instead of shifting the rest of the line. The last column is not padded.
 */
final class TextTable {
    private static final String GAP = "  ";

    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        rows.add(List.of(headers));
    }

    TextTable row(Object... cells) {
        if (cells.length != rows.get(0).size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of "
                    + rows.get(0).size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int column = 0; column < columns; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < columns; column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < columns - 1) {
                    line.append(" ".repeat(widths[column] - cell.length())).append(GAP);
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
