package dev.domaindesk.ui;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * One rotation shared by every spinning icon ("checking" badges, the Check now button while it runs): a single
 * animation that runs only while some node follows it. Rotating a node changes neither its size nor its CSS, so
 * a spin costs a repaint of the icon and nothing else; a {@code ProgressIndicator} is a dozen styled regions.
 * FX thread only.
 */
public final class Spin {
    private static final DoubleProperty ANGLE = new SimpleDoubleProperty();
    private static final Timeline TURN = new Timeline(new KeyFrame(Duration.ZERO, new KeyValue(ANGLE, 0)),
            new KeyFrame(Duration.seconds(1), new KeyValue(ANGLE, 360, Interpolator.LINEAR)));
    /** Weak: a node dropped without being told to stop does not stay reachable from here. */
    private static final Set<Node> FOLLOWING = Collections.newSetFromMap(new WeakHashMap<>());

    static {
        TURN.setCycleCount(Animation.INDEFINITE);
    }

    private Spin() {
    }

    /** Starts or stops {@code node} spinning (upright when stopped). */
    public static void follow(Node node, boolean spin) {
        if (spin == FOLLOWING.contains(node)) {
            return;
        }
        if (spin) {
            FOLLOWING.add(node);
            node.rotateProperty().bind(ANGLE);
            TURN.play();
        } else {
            FOLLOWING.remove(node);
            node.rotateProperty().unbind();
            node.setRotate(0);
            if (FOLLOWING.isEmpty()) {
                TURN.stop();
            }
        }
    }

    /** True while the shared rotation runs. */
    public static boolean running() {
        return TURN.getStatus() == Animation.Status.RUNNING;
    }
}
