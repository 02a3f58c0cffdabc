package dev.domaindesk.domains.ui;

import dev.domaindesk.domains.DomainStatus;
import dev.domaindesk.ui.AppState;
import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.BadgeSlot;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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

        Label counts = new Label();
        counts.setId("counts");
        counts.getStyleClass().add("counts");
        counts.textProperty().bind(vm.countsProperty());

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
        getChildren().addAll(searchBox, counts, list);
        javafx.animation.Timeline notify = new javafx.animation.Timeline(
                new javafx.animation.KeyFrame(javafx.util.Duration.seconds(5), e -> vm.flushNotifications()));
        notify.setCycleCount(javafx.animation.Animation.INDEFINITE);
        notify.play();
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
                + 18 /* a scroll bar */ + 6 /* divider */;
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
        private final ChangeListener<DomainStatus> statusChanged = (obs, old, status) -> showStatus(getItem());
        private DomainRow watched;

        DomainCell() {
            getStyleClass().add("domain-cell");
            setContentDisplay(ContentDisplay.RIGHT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(DomainRow row, boolean empty) {
            super.updateItem(row, empty);
            DomainRow now = empty ? null : row;
            if (watched != now) {
                if (watched != null) {
                    watched.statusProperty().removeListener(statusChanged);
                }
                watched = now;
                if (now != null) {
                    now.statusProperty().addListener(statusChanged);
                }
            }
            if (now == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            setText(now.displayName());
            showStatus(now);
            setGraphic(badge);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            if (getGraphic() == badge) {
                badge.setTranslateX(Math.max(0, getWidth() - snappedRightInset() - badge.getWidth() - badge.getLayoutX()));
            }
        }

        private void showStatus(DomainRow row) {
            if (row != null) {
                badge.show(Badge.of(row.status()));
                setAccessibleText(row.displayName() + ", " + row.status().wire());
            }
        }
    }
}
