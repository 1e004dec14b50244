package studio.timelapse.desktop.ui.library;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The grid's items: the numbers 0 to size − 1, held as a size only. The grid asks for the cells it shows; a change of
 * size tells it what was added or removed at the end, so growing to 100,000 frames allocates nothing and rebuilds no
 * cell that is on screen.
 */
final class GridIndices extends ObservableListBase<Integer> {
    private int size;

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }

    /** Grows or shrinks the list at its end. */
    void resize(int newSize) {
        if (newSize < 0) {
            throw new IllegalArgumentException("a size below 0: " + newSize);
        }
        if (newSize == size) {
            return;
        }
        int before = size;
        beginChange();
        if (newSize > before) {
            size = newSize;
            nextAdd(before, newSize);
        } else {
            List<Integer> removed = new ArrayList<>(before - newSize);
            for (int i = newSize; i < before; i++) {
                removed.add(i);
            }
            size = newSize;
            nextRemove(newSize, removed);
        }
        endChange();
    }
}
