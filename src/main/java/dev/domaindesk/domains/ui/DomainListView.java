package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.domains.Progress;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.BadgeSlot;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The left side: search box, status counts, and the domain list with badges. */
public final class DomainListView extends VBox {
    private final TextField search = new TextField();
    private final ListView<DomainRow> list = new ListView<>();

    public DomainListView(DomainListViewModel vm, AppState state) {
        getStyleClass().add("domain-list-pane");
        search.setId("search");
        search.setPromptText("Search domains (Ctrl+F)");
        search.textProperty().bindBidirectional(vm.searchProperty());
        FontIcon magnify = new FontIcon(MaterialDesignM.MAGNIFY);
        HBox searchBox = new HBox(6, magnify, search);
        searchBox.getStyleClass().add("search-box");
        HBox.setHgrow(search, Priority.ALWAYS);

        FlowPane counts = statusFilters(vm);

        list.setId("domainList");
        list.setItems(vm.visible());
        list.setCellFactory(v -> new DomainCell());
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(vm.loadedProperty())
                .then(javafx.beans.binding.Bindings.when(vm.searchProperty().isEmpty())
                        .then("No domains yet.\nAdd one with Ctrl+N or import a file.").otherwise("No domain matches."))
                .otherwise("Loading…"));
        empty.getStyleClass().add("placeholder");
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                state.selectedDomainIdProperty().set(row.id());
            }
        });
        state.selectedDomainIdProperty().addListener((obs, old, id) -> select(vm, id));
        vm.visible().addListener((javafx.collections.ListChangeListener<DomainRow>) c -> {
            boolean added = false;
            while (c.next()) {
                added |= c.wasAdded();
            }
            if (added && list.getSelectionModel().getSelectedItem() == null) {
                select(vm, state.selectedDomainId());
            }
        });
        search.setOnAction(e -> {
            if (!vm.visible().isEmpty()) {
                list.getSelectionModel().selectFirst();
                list.requestFocus();
            }
        });
        getChildren().addAll(searchBox, counts, outcomeFilter(vm), list);
        javafx.animation.Timeline notify = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.seconds(5), e -> vm.flushNotifications()));
        notify.setCycleCount(javafx.animation.Animation.INDEFINITE);
        notify.play();
    }

    /**
     * The counts are the filters: "Needs attention 16", "Failed 10", … each a toggle that shows only those domains
     * (clicking the shown one again shows all), and "by status" puts failed, then pending domains first.
     */
    private static FlowPane statusFilters(DomainListViewModel vm) {
        FlowPane pane = new FlowPane(4, 4);
        pane.setId("counts");
        pane.getStyleClass().add("counts");
        pane.accessibleTextProperty().bind(vm.countsProperty());
        ToggleGroup group = new ToggleGroup();
        for (StatusFilter f : StatusFilter.values()) {
            ToggleButton chip = new ToggleButton();
            chip.setId("filter-" + f.name().toLowerCase(java.util.Locale.ROOT));
            chip.getStyleClass().addAll("filter-chip", "filter-" + f.name().toLowerCase(java.util.Locale.ROOT));
            chip.textProperty().bind(javafx.beans.binding.Bindings.concat(f.label(), " ", vm.countOf(f)));
            chip.setUserData(f);
            chip.setToggleGroup(group);
            chip.setSelected(vm.statusFilterProperty().get() == f);
            pane.getChildren().add(chip);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            StatusFilter f = now == null ? StatusFilter.ALL : (StatusFilter) now.getUserData();
            vm.statusFilterProperty().set(f);
        });
        vm.statusFilterProperty().addListener((obs, old, f) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == f).findFirst().ifPresent(t -> t.setSelected(true)));
        CheckBox byStatus = new CheckBox("by status");
        byStatus.setId("sortByStatus");
        byStatus.setTooltip(new javafx.scene.control.Tooltip("Failed domains first, then pending, then verified"));
        byStatus.selectedProperty().bindBidirectional(vm.sortByStatusProperty());
        pane.getChildren().add(byStatus);
        return pane;
    }

    /** "Last check: newly broken 2 · Show all" while the list shows a part of the last check's summary. */
    private static HBox outcomeFilter(DomainListViewModel vm) {
        Label what = new Label();
        what.setId("outcomeFilter");
        what.textProperty().bind(vm.outcomeFilterProperty());
        javafx.scene.control.Button all = new javafx.scene.control.Button("Show all");
        all.setId("outcomeFilterClear");
        all.getStyleClass().add("small-button");
        all.setOnAction(e -> vm.clearOutcomeFilter());
        HBox box = new HBox(6, what, all);
        box.getStyleClass().add("outcome-filter");
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.outcomeFilterProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void select(DomainListViewModel vm, String id) {
        vm.row(id).filter(r -> list.getItems().contains(r)).ifPresent(r -> {
            if (list.getSelectionModel().getSelectedItem() != r) {
                list.getSelectionModel().select(r);
                list.scrollTo(r);
            }
        });
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /**
     * The width this pane needs to show the longest of {@code rows}' names in full beside the badge (measured with the
     * list's font as styled; the hundred longest names by characters stand for all).
     */
    public double widthFor(java.util.List<DomainRow> rows) {
        javafx.scene.Node cell = list.lookup(".domain-cell");
        javafx.scene.text.Font font = cell instanceof ListCell<?> c ? c.getFont() : javafx.scene.text.Font.getDefault();
        double longest = rows.stream().map(DomainRow::displayName)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).limit(100)
                .mapToDouble(name -> {
                    javafx.scene.text.Text t = new javafx.scene.text.Text(name);
                    t.setFont(font);
                    return t.getLayoutBounds().getWidth();
                }).max().orElse(0);
        BadgeSlot badge = new BadgeSlot(BadgeSlot.DOMAIN_BADGES, true);
        badge.show(Badge.PENDING);
        badge.setManaged(false);
        getChildren().add(badge); // styled as in a cell, then taken out
        badge.applyCss();
        double badgeWidth = badge.prefWidth(-1);
        getChildren().remove(badge);
        return longest + badgeWidth + snappedLeftInset() + snappedRightInset() + 8 /* gap */ + 16 /* cell padding */
                + 18 /* a scroll bar */ + 6 /* divider */ + 44 /* "7/9" */;
    }

    public ListView<DomainRow> list() {
        return list;
    }

    /**
     * Name on the left, status badge on the right; the badge follows its row's status while the cell shows it.
     * <p>
     * The name is the cell's own text and the badge's slot its graphic, shifted to the right edge after the skin's
     * layout, with fewer nodes than an HBox of a name label and a spacer. A cell that gets a new item
     * is re-styled with its whole subtree, so on each keystroke in the search box the nodes per cell are what costs.
     * The shift is a translation: moving a child in {@code layoutChildren} marks the cell for layout again, so it
     * would stay marked after every layout; a translation does not.
     */
    private static final class DomainCell extends ListCell<DomainRow> {
        private final BadgeSlot badge = new BadgeSlot(BadgeSlot.DOMAIN_BADGES, true);
        /** "7/9": required records verified; a fixed width, so a new count lays out this text alone. */
        private final dev.domaindesk.ui.CellText progress = new dev.domaindesk.ui.CellText();
        private final HBox tail = new HBox(6, progress, badge);
        private final ChangeListener<DomainStatus> statusChanged = (obs, old, status) -> showStatus(getItem());
        private final ChangeListener<Progress> progressChanged = (obs, old, p) -> {
            showProgress(p);
            showStatus(getItem());
        };
        private DomainRow watched;

        DomainCell() {
            getStyleClass().add("domain-cell");
            setContentDisplay(ContentDisplay.RIGHT);
            // a name too long even for the widened list keeps its first label and its domain: "mail.sub….example.com"
            setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            setPrefWidth(0);
            progress.getStyleClass().add("domain-progress");
            progress.setPrefWidth(USE_COMPUTED_SIZE);
            tail.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            tail.setMinWidth(USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(DomainRow row, boolean empty) {
            super.updateItem(row, empty);
            DomainRow now = empty ? null : row;
            if (watched != now) {
                if (watched != null) {
                    watched.statusProperty().removeListener(statusChanged);
                    watched.progressProperty().removeListener(progressChanged);
                }
                watched = now;
                if (now != null) {
                    now.statusProperty().addListener(statusChanged);
                    now.progressProperty().addListener(progressChanged);
                }
            }
            if (now == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            setText(now.displayName());
            showStatus(now);
            showProgress(now.progress());
            setGraphic(tail);
        }

        @Override
        protected void layoutChildren() {
            if (progress.getPrefWidth() == USE_COMPUTED_SIZE && getScene() != null) {
                // as wide as "99/99" in the styled font: the count changes without resizing anything
                progress.setText("99/99");
                progress.applyCss();
                progress.setPrefWidth(Math.ceil(progress.prefWidth(-1)));
                progress.setMinWidth(progress.getPrefWidth());
                progress.setMaxWidth(progress.getPrefWidth());
                showProgress(getItem() == null ? null : getItem().progress());
            }
            super.layoutChildren();
            if (getGraphic() == tail) {
                tail.setTranslateX(Math.max(0, getWidth() - snappedRightInset() - tail.getWidth() - tail.getLayoutX()));
            }
        }

        private void showProgress(Progress p) {
            progress.setText(p == null || p.required() == 0 ? "" : p.toString());
        }

        private void showStatus(DomainRow row) {
            if (row != null) {
                badge.show(row.badge());
                Progress p = row.progress();
                setAccessibleText(row.displayName() + ", " + row.badge().word()
                        + (p.required() == 0 ? "" : ", " + p.verified() + " of " + p.required() + " records verified"));
            }
        }
    }
}
