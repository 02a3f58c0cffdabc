package dev.domaindesk.domains.ui;

import dev.domaindesk.ui.Badge;
import dev.domaindesk.ui.BadgeLabel;
import dev.domaindesk.ui.Spin;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The header of the selected domain: name and badge, verified count, provider with hint, last check, Check now. */
public final class DomainPaneView extends VBox {

    public DomainPaneView(DomainPaneViewModel vm) {
        getStyleClass().add("domain-header");
        Label title = new Label();
        title.setId("domainTitle");
        title.getStyleClass().add("domain-title");
        title.textProperty().bind(vm.titleProperty());
        BadgeLabel badge = new BadgeLabel();
        badge.setId("domainBadge");
        vm.badgeProperty().addListener((obs, old, b) -> badge.show(b));
        badge.show(vm.badgeProperty().get());

        FontIcon refresh = new FontIcon(MaterialDesignR.REFRESH);
        Button check = new Button("", refresh);
        check.setId("checkNow");
        check.setTooltip(new Tooltip("Check this domain's records in DNS now (F5)"));
        check.disableProperty().bind(vm.canCheckProperty().not());
        check.setOnAction(e -> vm.checkNow());
        // while a check runs the button says so and its arrow spins (the status bar shows how far it is)
        check.textProperty().bind(Bindings.when(vm.checkingProperty()).then("Checking…").otherwise("Check now"));
        vm.checkingProperty().addListener((obs, old, running) -> Spin.follow(refresh, running));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, badge, spacer, check);
        top.getStyleClass().add("domain-header-top");

        Label summary = label("verifiedSummary", "summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label lastChecked = label("lastChecked", "muted-text");
        lastChecked.textProperty().bind(vm.lastCheckedProperty());
        Tooltip exact = new Tooltip();
        exact.textProperty().bind(vm.lastCheckedExactProperty());
        lastChecked.setTooltip(exact);
        HBox facts = new HBox(18, summary, lastChecked);

        Label provider = label("provider", "provider");
        provider.textProperty().bind(vm.providerProperty());
        Label hint = label("providerHint", "hint");
        hint.textProperty().bind(vm.providerHintProperty());
        hint.visibleProperty().bind(vm.providerHintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        hint.setWrapText(true);

        getChildren().addAll(top, facts, provider, hint);
        visibleProperty().bind(vm.titleProperty().isNotEmpty());

        Timeline clock = new Timeline(new KeyFrame(Duration.seconds(30), e -> vm.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        return l;
    }
}
