package dev.poolscope.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import dev.poolscope.App;
import dev.poolscope.engine.PoolConfig;
import dev.poolscope.load.Scenario;
import dev.poolscope.model.Comparison;
import dev.poolscope.model.MetricHistory;
import dev.poolscope.model.MetricsSampler;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the A/B window: a {@link Comparison} of two pools on one load, with the dashboard's theme and projector mode
 * (followed live). Closing the window ends the load and shuts both pools down in the background.
 */
final class CompareWindow {

    /** How long closing the window lets the pools drain before interrupting what still runs. */
    static final Duration CLOSE_DEADLINE = Duration.ofSeconds(1);

    private CompareWindow() {
    }

    /**
     * Shows a new A/B window over {@code owner}'s screen comparing {@code a} with {@code b} on {@code scenario};
     * {@code startNow} starts the load at once.
     */
    static Stage open(Window owner, Appearance appearance, PoolConfig a, PoolConfig b, Scenario scenario,
                      boolean startNow) {
        Comparison comparison = new Comparison(a, b, scenario, MetricsSampler.DEFAULT_PERIOD,
                MetricHistory.DEFAULT_CAPACITY);
        Stage stage = new Stage();
        stage.setTitle("PoolScope · A/B comparison");
        Scene scene = scene(comparison, -1, -1);
        Runnable unfollow = appearance == null ? () -> { } : appearance.follow(scene.getRoot());
        stage.setScene(scene);
        place(stage, owner);
        stage.setOnHidden(e -> {
            unfollow.run();
            comparison.close(CLOSE_DEADLINE);
        });
        if (owner instanceof Stage main) {
            stage.getIcons().setAll(main.getIcons());
        }
        stage.show();
        comparison.startSampling();
        if (startNow) {
            comparison.start();
        }
        return stage;
    }

    /** The A/B scene for {@code comparison}; a size of -1 lets the window decide. */
    static Scene scene(Comparison comparison, double width, double height) {
        FXMLLoader loader = new FXMLLoader(App.class.getResource("view/compare.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the A/B layout could not be loaded", e);
        }
        CompareController controller = loader.getController();
        controller.init(comparison);
        root.getProperties().put(CompareController.class, controller);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(App.class.getResource("view/dashboard.css").toExternalForm(),
                App.class.getResource("view/compare.css").toExternalForm());
        PresenterKeys.install(scene);
        return scene;
    }

    /** The preferred dashboard size, or the whole visual area of the owner's screen when that is smaller. */
    private static void place(Stage stage, Window owner) {
        Rectangle2D area = owner == null ? Screen.getPrimary().getVisualBounds()
                : Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                Math.max(1, owner.getHeight())).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        double w = Math.min(WindowPlacement.PREFERRED_WIDTH, area.getWidth());
        double h = Math.min(WindowPlacement.PREFERRED_HEIGHT, area.getHeight());
        stage.setX(area.getMinX() + (area.getWidth() - w) / 2);
        stage.setY(area.getMinY() + (area.getHeight() - h) / 2);
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setMinWidth(Math.min(640, w));
        stage.setMinHeight(Math.min(480, h));
    }
}
