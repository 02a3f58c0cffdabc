package dev.domaindesk.verification.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** The status bar: activity and progress, Cancel, offline indicator, next background check. */
public final class StatusBarView extends HBox {
    private static final PseudoClass SHOWN = PseudoClass.getPseudoClass("shown");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Label offline = new Label("Offline", new FontIcon(MaterialDesignW.WIFI_OFF));

    public StatusBarView(StatusBarViewModel vm) {
        getStyleClass().add("status-bar");
        setSpacing(10);
        Label activity = new Label();
        activity.setId("activity");
        activity.textProperty().bind(vm.activityProperty());
        progress.setId("statusProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        cancel.setId("cancelCheck");
        cancel.getStyleClass().add("small-button");
        cancel.visibleProperty().bind(vm.manualRunningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        offline.setId("offline");
        offline.getStyleClass().addAll("badge", "badge-muted");
        offline.visibleProperty().bind(vm.offlineProperty());
        offline.managedProperty().bind(offline.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label next = new Label();
        next.setId("nextCheck");
        next.getStyleClass().add("muted-text");
        next.textProperty().bind(vm.nextCheckProperty());
        HBox summary = new HBox(8);
        summary.setId("runSummary");
        summary.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        vm.summary().addListener((ListChangeListener<StatusBarViewModel.SummaryPart>) c ->
                summary.getChildren().setAll(vm.summary().stream().map(p -> part(vm, p)).toList()));
        vm.shownProperty().addListener((obs, old, kind) -> summary.getChildren().forEach(n ->
                n.pseudoClassStateChanged(SHOWN, n.getUserData() == kind)));
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // the bar and Cancel first: the text after them may grow without moving them
        getChildren().addAll(progress, cancel, activity, summary, offline, spacer, next);
        vm.refreshNextCheck();
        Timeline refresh = new Timeline(new KeyFrame(Duration.seconds(30), e -> vm.refreshNextCheck()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
    }

    /** "2 newly broken": a link that shows those domains alone in the list (none to show: plain text). */
    private static javafx.scene.Node part(StatusBarViewModel vm, StatusBarViewModel.SummaryPart p) {
        Hyperlink link = new Hyperlink(p.text());
        link.setId("summary-" + p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        link.getStyleClass().addAll("summary-part", "summary-" + p.kind().name().toLowerCase(java.util.Locale.ROOT));
        link.setUserData(p.kind());
        link.setDisable(p.count() == 0);
        link.setTooltip(new javafx.scene.control.Tooltip("Show only the " + p.text() + " in the list"));
        link.setOnAction(e -> {
            link.setVisited(false);
            vm.showOnly(p.kind());
        });
        link.pseudoClassStateChanged(SHOWN, vm.shownProperty().get() == p.kind());
        return link;
    }

    /**
     * Tall enough for the progress bar, Cancel and the offline badge while they are hidden too: the bar keeps its
     * height when a check starts or ends. A bar that grows makes everything above it lay out again and the whole
     * window repaint.
     */
    @Override
    protected double computeMinHeight(double width) {
        return Math.max(super.computeMinHeight(width), tallestPart());
    }

    @Override
    protected double computePrefHeight(double width) {
        return Math.max(super.computePrefHeight(width), tallestPart());
    }

    private double tallestPart() {
        double tallest = Math.max(progress.prefHeight(-1), Math.max(cancel.prefHeight(-1), offline.prefHeight(-1)));
        return snappedTopInset() + tallest + snappedBottomInset();
    }
}
