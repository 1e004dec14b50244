package studio.timelapse.shared.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads a machine's specification written as a table: a header row of states, then one row per transition with
 * {@code ok} where it may start from that state and {@code .} where it may not. Each cell becomes one test case.
 */
final class TransitionTable<S extends Enum<S>> {
    private final List<S> states;
    private final List<String> transitions = new ArrayList<>();
    private final List<Arguments> cells = new ArrayList<>();

    private TransitionTable(Class<S> stateType, String table) {
        List<String[]> rows = table.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+")).toList();
        states = Arrays.stream(rows.get(0)).map(name -> Enum.valueOf(stateType, name)).toList();
        for (String[] row : rows.subList(1, rows.size())) {
            if (row.length != states.size() + 1) {
                throw new IllegalArgumentException("row " + row[0] + " has " + (row.length - 1) + " cells");
            }
            transitions.add(row[0]);
            for (int column = 0; column < states.size(); column++) {
                cells.add(Arguments.of(states.get(column), row[0], cell(row[column + 1])));
            }
        }
    }

    static <S extends Enum<S>> TransitionTable<S> parse(Class<S> stateType, String table) {
        return new TransitionTable<>(stateType, table);
    }

    /** (state, transition, allowed) for every cell. */
    Stream<Arguments> cells() {
        return cells.stream();
    }

    List<S> states() {
        return states;
    }

    List<String> transitions() {
        return transitions;
    }

    private static boolean cell(String text) {
        return switch (text) {
            case "ok" -> true;
            case "." -> false;
            default -> throw new IllegalArgumentException("a cell is ok or ., not " + text);
        };
    }
}
