package studio.timelapse.desktop.ui.library;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import studio.timelapse.desktop.library.SequenceDefinition;
import studio.timelapse.desktop.sequences.SequenceCatalog;
import studio.timelapse.desktop.sequences.SequenceView;
import studio.timelapse.desktop.ui.common.Problem;
import studio.timelapse.desktop.ui.common.UiWork;
import studio.timelapse.shared.refusal.Refusal;

/**
 * The sheet that defines a sequence by rules: its name, its cameras and imports, a date range (days in the studio's
 * zone, optionally with times), every Nth frame, daytime only, rejected frames in or out. The rules' own check
 * ({@link SequenceDefinition#validate()}) and the catalog's (a name taken) put each mistake next to its field.
 */
public final class DefineSequenceViewModel {
    /** Field names as the definition's refusals name them. */
    public static final String NAME = "name";
    public static final String SOURCES = "sources";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String EVERY = "every";

    /** A camera or import to take frames from. */
    public static final class Source {
        private final SequenceItem sequence;
        private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");

        Source(SequenceItem sequence) {
            this.sequence = sequence;
        }

        public SequenceItem sequence() {
            return sequence;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    private final SequenceCatalog catalog;
    private final List<Source> sources;
    private final ZoneId zone;
    private final UiWork work;
    private final Consumer<SequenceView> onDefined;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>(this, "fromDay");
    private final StringProperty fromTime = new SimpleStringProperty(this, "fromTime", "");
    private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>(this, "toDay");
    private final StringProperty toTime = new SimpleStringProperty(this, "toTime", "");
    private final IntegerProperty every = new SimpleIntegerProperty(this, "every", 1);
    private final BooleanProperty daytimeOnly = new SimpleBooleanProperty(this, "daytimeOnly");
    private final BooleanProperty includeRejected = new SimpleBooleanProperty(this, "includeRejected");
    private final ObservableMap<String, String> errors = FXCollections.observableMap(new TreeMap<>());
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ObjectProperty<Optional<Problem>> problem = new SimpleObjectProperty<>(this, "problem",
            Optional.empty());

    DefineSequenceViewModel(SequenceCatalog catalog, List<SequenceItem> sources, ZoneId zone, UiWork work,
            Consumer<SequenceView> onDefined) {
        this.catalog = catalog;
        this.sources = sources.stream().map(Source::new).toList();
        this.zone = zone;
        this.work = work;
        this.onDefined = onDefined;
    }

    void choose(long sequenceId) {
        sources.stream().filter(s -> s.sequence().id() == sequenceId).forEach(s -> s.chosenProperty().set(true));
    }

    /** Checks the rules and, when all is well, defines the sequence. */
    public void define() {
        errors.clear();
        Optional<java.time.Instant> from = instant(FROM, fromDay.get(), fromTime.get(), LocalTime.MIDNIGHT);
        // An end day without a time includes that whole day.
        Optional<java.time.Instant> to = toDay.get() == null ? Optional.empty()
                : (toTime.get() == null || toTime.get().isBlank()
                        ? Optional.of(toDay.get().plusDays(1).atStartOfDay(zone).toInstant())
                        : instant(TO, toDay.get(), toTime.get(), LocalTime.MIDNIGHT));
        if (!errors.isEmpty()) {
            return;
        }
        List<Long> chosen = sources.stream().filter(s -> s.chosenProperty().get()).map(s -> s.sequence().id())
                .toList();
        SequenceDefinition definition = new SequenceDefinition(chosen, from, to, every.get(), daytimeOnly.get(),
                includeRejected.get());
        List<Refusal> mistakes = new ArrayList<>(definition.validate());
        String title = name.get() == null ? "" : name.get().trim();
        if (title.isEmpty()) {
            mistakes.add(Refusal.of(Refusal.Kind.INVALID, "sequence.name_blank", "A sequence needs a name",
                    "call it after what it shows").withDetails(Map.of("field", NAME)));
        }
        if (!mistakes.isEmpty()) {
            show(mistakes);
            return;
        }
        busy.set(true);
        work.command("studio:ui:define_sequence", Map.of("name", title), "Sequence '" + title + "' was not defined",
                () -> catalog.define(title, definition, "defined in the studio"), view -> {
                    busy.set(false);
                    onDefined.accept(view);
                }, failure -> {
                    busy.set(false);
                    show(failure.refusals());
                    problem.set(Optional.of(failure));
                });
    }

    private void show(List<Refusal> refusals) {
        for (Refusal refusal : refusals) {
            Object field = refusal.details().get("field");
            errors.merge(field == null ? (refusal.kind() == Refusal.Kind.CONFLICT ? NAME : "") : field.toString(),
                    refusal.describe(), (a, b) -> a + "\n" + b);
        }
    }

    private Optional<java.time.Instant> instant(String field, LocalDate day, String time, LocalTime otherwise) {
        if (day == null) {
            if (time != null && !time.isBlank()) {
                errors.put(field, "A time needs a day");
            }
            return Optional.empty();
        }
        LocalTime at = otherwise;
        if (time != null && !time.isBlank()) {
            try {
                at = LocalTime.parse(time.trim());
            } catch (DateTimeParseException e) {
                errors.put(field, "'" + time.trim() + "' is not a time such as 06:30");
                return Optional.empty();
            }
        }
        return Optional.of(day.atTime(at).atZone(zone).toInstant());
    }

    public List<Source> sources() {
        return sources;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<LocalDate> fromDayProperty() {
        return fromDay;
    }

    /** Empty: from the start of the day. */
    public StringProperty fromTimeProperty() {
        return fromTime;
    }

    public ObjectProperty<LocalDate> toDayProperty() {
        return toDay;
    }

    /** Empty: to the end of the day. */
    public StringProperty toTimeProperty() {
        return toTime;
    }

    public IntegerProperty everyProperty() {
        return every;
    }

    public BooleanProperty daytimeOnlyProperty() {
        return daytimeOnly;
    }

    public BooleanProperty includeRejectedProperty() {
        return includeRejected;
    }

    /** Each field's mistakes ("" for those about no one field). */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<Optional<Problem>> problemProperty() {
        return problem;
    }
}
