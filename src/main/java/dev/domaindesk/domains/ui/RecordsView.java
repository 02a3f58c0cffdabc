package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.domains.RecordType;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.BadgeSlot;
import dev.domaindesk.ui.CellText;
import dev.domaindesk.ui.CopyButton;
import dev.domaindesk.ui.RelativeTime;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/** The records table with badges and copy buttons, and below it the selected record's explanation. */
public final class RecordsView extends SplitPane {
    /** Only a value this long (a DKIM key) is shortened in its cell; anything shorter wraps whole. */
    static final int SHORTEN_AT = 160;

    /** The texts each fixed column must show in full (the widest of each is measured). */
    private static final Map<String, List<String>> FIT_SAMPLES = Map.of(
            "Type", Arrays.stream(RecordType.values()).map(Enum::name).toList(),
            "Priority", List.of("65535"),
            "Status", List.of(),
            "Checked", List.of("never", "just now", "59 min ago", "23 h ago", "yesterday", "30 days ago"));
    private static final int STATUS = 4;

    private final TableView<RecordRow> table = new TableView<>();
    /** Unshown: the font and the badge as styled, to size the fixed columns. */
    private final Label fontProbe = new Label();
    private final BadgeSlot badgeProbe = new BadgeSlot(BadgeSlot.RECORD_BADGES, false);
    /** Unshown cells with every button (the zone note too): what the buttons take of the Name and Value columns. */
    private final CopyCell nameProbe = new CopyCell(r -> "", true, r -> { }, r -> { }, new SimpleDoubleProperty(24));
    private final CopyCell valueProbe = new CopyCell(r -> "", false, r -> { }, r -> { }, new SimpleDoubleProperty(24));
    private boolean remeasureQueued;
    private final DoubleProperty nameReserve = new SimpleDoubleProperty(140);
    private final DoubleProperty valueReserve = new SimpleDoubleProperty(50);

    public RecordsView(RecordsViewModel vm, Clock clock) {
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        table.setId("records");
        table.setItems(vm.rows());
        // Type, Priority, Status and Checked are fixed to their content (fitColumns): only Name and Value take the rest
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("Select a domain to see the DNS records it needs."));
        table.getColumns().add(textColumn("Type", r -> r.recordType().name(), Comparator.comparing(r -> r.recordType().name())));
        table.getColumns().add(copyColumn("Name", RecordRow::name, true, vm));
        table.getColumns().add(copyColumn("Value", RecordRow::value, false, vm));
        table.getColumns().add(textColumn("Priority", r -> r.effectivePriority() == null ? "" : r.effectivePriority().toString(),
                Comparator.comparing(DnsRecord::effectivePriority, Comparator.nullsLast(Comparator.naturalOrder()))));
        table.getColumns().add(badgeColumn());
        table.getColumns().add(lastCheckedColumn(vm, clock));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selectedProperty().set(row));
        // Tab into the table selects a row, so Ctrl+C at once copies something
        table.focusedProperty().addListener((obs, was, focused) -> {
            if (focused && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
                table.getFocusModel().focus(0);
            }
        });
        vm.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            }
        });

        Label feedback = new Label();
        feedback.setId("copyFeedback");
        feedback.getStyleClass().add("copy-feedback");
        feedback.textProperty().bind(vm.copyFeedbackProperty());
        feedback.setOpacity(0);
        FadeTransition fade = new FadeTransition(Duration.millis(400), feedback);
        fade.setFromValue(1);
        fade.setToValue(0);
        SequentialTransition flash = new SequentialTransition(new PauseTransition(Duration.seconds(1.6)), fade);
        vm.copiesProperty().addListener((obs, old, n) -> {
            flash.stop();
            feedback.setOpacity(1);
            flash.playFromStart();
        });
        badgeProbe.show(Badge.DNS_ERROR);
        for (javafx.scene.Node probe : List.of(fontProbe, badgeProbe, nameProbe.buttons, valueProbe.buttons)) {
            probe.setManaged(false);
            probe.setVisible(false);
        }
        nameProbe.showZoneNote(true);
        StackPane tableWithToast = new StackPane(table, feedback, fontProbe, badgeProbe, nameProbe.buttons, valueProbe.buttons);
        StackPane.setAlignment(feedback, javafx.geometry.Pos.BOTTOM_CENTER);
        feedback.setMouseTransparent(true);

        getItems().addAll(tableWithToast, new RecordDetailsView(vm));
        // "Checked" is worded against the header's "now" and re-read on its beat (each Checked cell alone, not the
        // whole table: table.refresh() rebuilds every cell, ~90 ms of FX thread during a check): the two never disagree
        setDividerPositions(0.62);
    }

    /**
     * Fits Type, Priority, Status and Checked to their content with the font as styled (so after CSS, which runs before
     * layout in each pulse): a width fixed before the stylesheet's font is known came out too narrow for the badge.
     */
    @Override
    protected void layoutChildren() {
        fitColumns();
        super.layoutChildren();
    }

    private void fitColumns() {
        Font font = fontProbe.getFont();
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        double cellPad = font.getSize() * 1.2; // the cell's padding and a little air
        double headerPad = font.getSize() * 1.7; // the header's padding and its sort arrow
        fitReserves(cellPad);
        for (TableColumn<RecordRow, ?> col : table.getColumns()) {
            List<String> samples = FIT_SAMPLES.get(col.getText());
            if (samples == null) {
                continue;
            }
            double content = col == table.getColumns().get(STATUS) ? badgeProbe.prefWidth(-1)
                    : samples.stream().mapToDouble(t -> textWidth(font, t)).max().orElse(0);
            fix(col, Math.ceil(Math.max(textWidth(bold, col.getText()) + headerPad, content + cellPad)));
        }
    }

    /**
     * A new wrapping width changes the rows' heights, but the table's flow keeps the heights it measured: it is asked
     * to measure them again, once per pulse however many cells changed (only when the columns change width).
     */
    private void remeasureRows() {
        if (!remeasureQueued) {
            remeasureQueued = true;
            javafx.application.Platform.runLater(() -> {
                remeasureQueued = false;
                table.refresh();
            });
        }
    }

    private void fitReserves(double cellPad) {
        double name = Math.ceil(nameProbe.buttons.prefWidth(-1) + 4 + cellPad);
        double value = Math.ceil(valueProbe.buttons.prefWidth(-1) + 4 + cellPad);
        if (name != nameReserve.get()) {
            nameReserve.set(name);
        }
        if (value != valueReserve.get()) {
            valueReserve.set(value);
        }
    }

    private static void fix(TableColumn<RecordRow, ?> col, double width) {
        if (Math.abs(col.getWidth() - width) > 0.5 || col.getMaxWidth() != width) {
            col.setMinWidth(width);
            col.setMaxWidth(width);
            col.setPrefWidth(width);
        }
    }

    static double textWidth(Font font, String text) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    public TableView<RecordRow> table() {
        return table;
    }

    private static TableColumn<RecordRow, RecordRow> textColumn(String title, Function<DnsRecord, String> text,
                                                                Comparator<DnsRecord> order) {
        TableColumn<RecordRow, RecordRow> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(Comparator.comparing(RecordRow::record, order));
        col.setCellFactory(c -> new RecordTextCell(text));
        return col;
    }

    /** Text from the row's record. */
    private static class RecordTextCell extends WatchingCell<DnsRecord> {
        private final CellText text;
        private final Function<DnsRecord, String> format;

        RecordTextCell(Function<DnsRecord, String> format) {
            this(new CellText(), format);
        }

        private RecordTextCell(CellText text, Function<DnsRecord, String> format) {
            super(RecordRow::recordProperty, text);
            this.text = text;
            this.format = format;
        }

        @Override
        void show(DnsRecord record) {
            text.setText(record == null ? "" : format.apply(record));
        }
    }

    private TableColumn<RecordRow, RecordRow> copyColumn(String title, Function<RecordRow, String> text,
                                                               boolean isName, RecordsViewModel vm) {
        TableColumn<RecordRow, RecordRow> col = new TableColumn<>(title);
        col.setId(isName ? "nameColumn" : "valueColumn");
        col.setMinWidth(isName ? 190 : 130);
        col.setPrefWidth(isName ? 330 : 330);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(Comparator.comparing(text));
        DoubleProperty reserve = isName ? nameReserve : valueReserve;
        javafx.beans.binding.DoubleBinding wrap = Bindings.createDoubleBinding(
                () -> Math.max(24, Math.floor(col.getWidth() - reserve.get())), col.widthProperty(), reserve);
        wrap.addListener((obs, old, now) -> remeasureRows());
        col.setCellFactory(c -> new CopyCell(text, isName, isName ? vm::copyName : vm::copyValue, vm::copyHostOnly, wrap));
        return col;
    }

    /**
     * A name or value that wraps rather than being cut (an admin must read all of {@code x._domainkey.example.com}),
     * with copy buttons on the right; the name also offers "host only". Values past {@link #SHORTEN_AT} characters
     * (DKIM keys) are shortened, the full value in the tooltip and on the copy button.
     * <p>
     * A {@link Text} with a wrapping width, not a wrapping label: a table row asks its cells for their height without
     * a width, and only a wrapping width makes that height the wrapped one.
     */
    private static final class CopyCell extends TableCell<RecordRow, RecordRow> {
        private final Text label = new Text();
        private final Label purpose = new Label();
        private final Tooltip full = new Tooltip();
        private final HBox buttons = new HBox(2);
        private final HBox box = new HBox(4);
        private final Function<RecordRow, String> text;
        private final boolean isName;
        /** Beside "host" until the zone is known: the host is then relative to the domain, maybe not the zone. */
        private final Label zoneNote = new Label("", new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE));
        private final Tooltip zoneNoteTip = new Tooltip();
        private final ChangeListener<Domain> zoneWatch = (obs, old, d) -> showZoneNote(d);
        private RecordRow watched;
        /** The name or value as shown, before it is broken into lines after its dots. */
        private String shown = "";

        /** A DNS name wraps after its dots to the cell's width, never inside a label (NameLines). */
        private void showText() {
            String lines = NameLines.wrap(shown, label.getFont(), label.getWrappingWidth() - 1);
            if (!lines.equals(label.getText())) {
                label.setText(lines);
            }
        }

        CopyCell(Function<RecordRow, String> text, boolean isName, java.util.function.Consumer<RecordRow> copy,
                 java.util.function.Consumer<RecordRow> copyHost, javafx.beans.value.ObservableDoubleValue wrap) {
            this.text = text;
            this.isName = isName;
            label.getStyleClass().add("record-text");
            // bound before the row measures the cell: a width set during layout came too late for the row's height
            label.wrappingWidthProperty().bind(wrap);
            label.wrappingWidthProperty().addListener((obs, old, w) -> showText());
            label.fontProperty().addListener((obs, old, f) -> showText());
            Tooltip.install(label, full);
            full.setWrapText(true);
            full.setMaxWidth(600);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            buttons.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            buttons.setMinWidth(USE_PREF_SIZE);
            purpose.getStyleClass().add("record-purpose");
            purpose.setMinWidth(0);
            purpose.setVisible(false);
            purpose.setManaged(false);
            // the name under what the record is for ("DKIM 2"): the profile's word for it, above the name itself
            box.getChildren().addAll(isName ? new javafx.scene.layout.VBox(1, purpose, label) : label, spacer, buttons);
            CopyButton main = new CopyButton(isName ? "Copy the full name" : "Copy the value", () -> copy.accept(getItem()));
            main.getStyleClass().add(isName ? "copy-name" : "copy-value");
            buttons.getChildren().add(main);
            if (isName) {
                CopyButton host = new CopyButton("host", "Copy the host only (relative to the DNS zone), for panels that add the zone",
                        () -> copyHost.accept(getItem()));
                host.getStyleClass().add("copy-host");
                zoneNote.getStyleClass().add("host-note");
                zoneNote.setAccessibleText("zone not known yet");
                zoneNote.setTooltip(zoneNoteTip);
                zoneNote.setMinWidth(USE_PREF_SIZE);
                zoneNoteTip.setWrapText(true);
                zoneNoteTip.setMaxWidth(420);
                buttons.getChildren().addAll(host, zoneNote);
            }
            showZoneNote(null);
        }

        private void showZoneNote(Domain domain) {
            String note = domain == null ? "" : RecordRow.hostNote(domain);
            zoneNoteTip.setText(note);
            showZoneNote(!note.isEmpty());
        }

        void showZoneNote(boolean shown) {
            zoneNote.setVisible(shown);
            zoneNote.setManaged(shown);
        }

        @Override
        protected void updateItem(RecordRow row, boolean empty) {
            super.updateItem(row, empty);
            if (watched != null) {
                watched.domainProperty().removeListener(zoneWatch);
                watched = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            if (buttons.getChildren().contains(zoneNote)) {
                watched = row;
                row.domainProperty().addListener(zoneWatch);
                showZoneNote(row.domainProperty().get());
            }
            boolean named = isName && !row.purpose().isEmpty();
            if (named != purpose.isVisible()) {
                purpose.setVisible(named);
                purpose.setManaged(named);
            }
            purpose.setText(row.purpose());
            String value = text.apply(row);
            shown = shorten(value);
            showText();
            full.setText(value);
            setAccessibleText(value);
            setGraphic(box);
        }
    }

    static String shorten(String value) {
        if (value.length() <= SHORTEN_AT) {
            return value;
        }
        return value.substring(0, 60) + " … " + value.substring(value.length() - 40);
    }

    private static TableColumn<RecordRow, RecordRow> badgeColumn() {
        TableColumn<RecordRow, RecordRow> col = new TableColumn<>("Status");
        col.setId("statusColumn");
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(Comparator.comparing(r -> r.badgeProperty().get()));
        col.setCellFactory(c -> new BadgeCell());
        return col;
    }

    /** The row's badge. */
    private static final class BadgeCell extends WatchingCell<Badge> {
        private final BadgeSlot badge;

        BadgeCell() {
            this(new BadgeSlot(BadgeSlot.RECORD_BADGES, false));
        }

        private BadgeCell(BadgeSlot badge) {
            super(RecordRow::badgeProperty, badge);
            this.badge = badge;
        }

        @Override
        void show(Badge shown) {
            badge.show(shown);
        }
    }

    private static TableColumn<RecordRow, RecordRow> lastCheckedColumn(RecordsViewModel vm, Clock clock) {
        TableColumn<RecordRow, RecordRow> col = new TableColumn<>("Checked");
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(Comparator.comparing(r -> checked(r.record()) ? r.record().lastChecked() : null, // "never" first
                Comparator.nullsFirst(Comparator.naturalOrder())));
        col.setCellFactory(c -> new RecordTextCell(r -> checked(r) ? RelativeTime.ago(r.lastChecked(), shownNow(vm, r, clock))
                : "never") {
            private final Tooltip exact = new Tooltip(); // one per cell: a tooltip is a popup control, costly to create
            private final javafx.beans.value.ChangeListener<Number> beat = (obs, old, now) -> show(
                    getTableRow() == null || getTableRow().getItem() == null ? null : getTableRow().getItem().record());

            {
                vm.timesBeatProperty().addListener(new javafx.beans.value.WeakChangeListener<>(beat));
            }

            @Override
            void show(DnsRecord r) {
                super.show(r);
                if (r != null && checked(r)) {
                    exact.setText(RelativeTime.exact(r.lastChecked(), clock.getZone()));
                    setTooltip(exact);
                } else {
                    setTooltip(null);
                }
            }
        });
        return col;
    }

    /** The header's "now", or the record's own check when that is newer (its result arrived before the header moved on). */
    private static java.time.Instant shownNow(RecordsViewModel vm, DnsRecord r, Clock clock) {
        java.time.Instant now = vm.timesShownAt() == null ? clock.instant() : vm.timesShownAt();
        return r.lastChecked() != null && r.lastChecked().isAfter(now) ? r.lastChecked() : now;
    }

    private static boolean checked(DnsRecord r) {
        return r.checkState() != CheckState.UNCHECKED;
    }
}
