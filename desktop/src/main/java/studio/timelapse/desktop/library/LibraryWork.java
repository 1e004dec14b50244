package studio.timelapse.desktop.library;

import java.sql.SQLException;
import org.jooq.DSLContext;

/** Work done with jOOQ inside one library transaction. */
@FunctionalInterface
interface LibraryWork<T> {
    T run(DSLContext sql) throws SQLException;
}
