package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.CheckState;
import dev.domaindesk.domains.DnsRecord;
import dev.domaindesk.domains.Domain;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.BadgeSlot;
import dev.domaindesk.ui.CellText;
import dev.domaindesk.ui.CopyButton;
import dev.domaindesk.ui.RelativeTime;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Function;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import javafx.util.Duration;

/** The records table with badges and copy buttons, and below it the selected record's explanation. */
public final class RecordsView extends SplitPane {
    static final int SHORTEN_AT = 60;

    private final TableView<RecordRow> table = new TableView<>();

    public RecordsView(RecordsViewModel vm, Clock clock) {
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        table.setId("records");
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Select a domain to see the DNS records it needs."));
        table.getColumns().add(textColumn("Type", 66, r -> r.recordType().name(), Comparator.comparing(r -> r.recordType().name())));
        table.getColumns().add(copyColumn("Name", 280, RecordRow::name, true, vm));
        table.getColumns().add(copyColumn("Value", 340, RecordRow::value, false, vm));
        table.getColumns().add(textColumn("Priority", 66, r -> r.effectivePriority() == null ? "" : r.effectivePriority().toString(),
                Comparator.comparing(DnsRecord::effectivePriority, Comparator.nullsLast(Comparator.naturalOrder()))));
        table.getColumns().add(badgeColumn());
        table.getColumns().add(lastCheckedColumn(clock));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> vm.selectedProperty().set(row));
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
        StackPane tableWithToast = new StackPane(table, feedback);
        StackPane.setAlignment(feedback, javafx.geometry.Pos.BOTTOM_CENTER);
        feedback.setMouseTransparent(true);

        getItems().addAll(tableWithToast, new RecordDetailsView(vm));
        setDividerPositions(0.62);
    }

    public TableView<RecordRow> table() {
        return table;
    }

    private static TableColumn<RecordRow, RecordRow> textColumn(String title, double width, Function<DnsRecord, String> text,
                                                                Comparator<DnsRecord> order) {
        TableColumn<RecordRow, RecordRow> col = new TableColumn<>(title);
        col.setPrefWidth(width);
        col.setMinWidth(width);
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

    private static TableColumn<RecordRow, RecordRow> copyColumn(String title, double width, Function<RecordRow, String> text,
                                                               boolean isName, RecordsViewModel vm) {
        TableColumn<RecordRow, RecordRow> col = new TableColumn<>(title);
        col.setId(isName ? "nameColumn" : "valueColumn");
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(Comparator.comparing(text));
        col.setCellFactory(c -> new CopyCell(text, isName, isName ? vm::copyName : vm::copyValue, vm::copyHostOnly));
        return col;
    }

    /** Text (shortened when long, full in a tooltip) with copy buttons; the name also offers "host only". */
    private static final class CopyCell extends TableCell<RecordRow, RecordRow> {
        private final Label label = new Label();
        private final Tooltip full = new Tooltip();
        private final HBox box = new HBox(4);
        private final Function<RecordRow, String> text;
        /** Beside "host" until the zone is known: the host is then relative to the domain, maybe not the zone. */
        private final Label zoneNote = new Label("zone?");
        private final Tooltip zoneNoteTip = new Tooltip();
        private final ChangeListener<Domain> zoneWatch = (obs, old, d) -> showZoneNote(d);
        private RecordRow watched;

        CopyCell(Function<RecordRow, String> text, boolean isName, java.util.function.Consumer<RecordRow> copy,
                 java.util.function.Consumer<RecordRow> copyHost) {
            this.text = text;
            label.setMinWidth(0);
            label.setTooltip(full);
            full.setWrapText(true);
            full.setMaxWidth(600);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox.setHgrow(label, Priority.SOMETIMES);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.getChildren().addAll(label, spacer);
            CopyButton main = new CopyButton(isName ? "Copy the full name" : "Copy the value", () -> copy.accept(getItem()));
            main.getStyleClass().add(isName ? "copy-name" : "copy-value");
            box.getChildren().add(main);
            if (isName) {
                CopyButton host = new CopyButton("host", "Copy the host only (relative to the DNS zone), for panels that add the zone",
                        () -> copyHost.accept(getItem()));
                host.getStyleClass().add("copy-host");
                zoneNote.getStyleClass().add("host-note");
                zoneNote.setTooltip(zoneNoteTip);
                zoneNoteTip.setWrapText(true);
                zoneNoteTip.setMaxWidth(420);
                box.getChildren().addAll(host, zoneNote);
            }
            showZoneNote(null);
        }

        private void showZoneNote(Domain domain) {
            String note = domain == null ? "" : RecordRow.hostNote(domain);
            zoneNoteTip.setText(note);
            zoneNote.setVisible(!note.isEmpty());
            zoneNote.setManaged(!note.isEmpty());
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
            if (box.getChildren().contains(zoneNote)) {
                watched = row;
                row.domainProperty().addListener(zoneWatch);
                showZoneNote(row.domainProperty().get());
            }
            String value = text.apply(row);
            label.setText(shorten(value));
            full.setText(value);
            setGraphic(box);
        }
    }

    static String shorten(String value) {
        if (value.length() <= SHORTEN_AT) {
            return value;
        }
        return value.substring(0, 28) + " … " + value.substring(value.length() - 24);
    }

    private static TableColumn<RecordRow, RecordRow> badgeColumn() {
        TableColumn<RecordRow, RecordRow> col = new TableColumn<>("Status");
        col.setId("statusColumn");
        col.setPrefWidth(130);
        col.setMinWidth(120);
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

    private static TableColumn<RecordRow, RecordRow> lastCheckedColumn(Clock clock) {
        TableColumn<RecordRow, RecordRow> col = new TableColumn<>("Checked");
        col.setPrefWidth(96);
        col.setMinWidth(90);
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        col.setComparator(Comparator.comparing(r -> checked(r.record()) ? r.record().lastChecked() : null, // "never" first
                Comparator.nullsFirst(Comparator.naturalOrder())));
        col.setCellFactory(c -> new RecordTextCell(r -> checked(r) ? RelativeTime.ago(r.lastChecked(), clock.instant()) : "never") {
            private final Tooltip exact = new Tooltip(); // one per cell: a tooltip is a popup control, costly to create

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

    private static boolean checked(DnsRecord r) {
        return r.checkState() != CheckState.UNCHECKED;
    }
}
