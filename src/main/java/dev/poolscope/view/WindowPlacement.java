package dev.poolscope.view;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window inside the visual bounds (screen minus task bars) of the screen it opens on: the remembered
 * bounds if they still lie on a screen, otherwise the screen under the mouse, at the preferred size or the whole
 * visual area if that is smaller. The bounds and maximised state are saved as the window closes.
 */
public final class WindowPlacement {

    /** The size the dashboard is designed for; smaller screens get their whole visual area. */
    static final double PREFERRED_WIDTH = 1440;
    static final double PREFERRED_HEIGHT = 900;
    /** Less than this of a remembered window on a screen counts as "that screen is gone". */
    private static final double MIN_VISIBLE = 120;

    private WindowPlacement() {
    }

    /**
     * The bounds for a window: {@code remembered} shifted and shrunk into the visual area it mostly lies on, or,
     * if it lies on none, the preferred size centred in the visual area under {@code pointer} (the first one if
     * the pointer is on none).
     */
    static Rectangle2D fit(Optional<Rectangle2D> remembered, List<Rectangle2D> visualAreas, Point2D pointer) {
        if (visualAreas.isEmpty()) {
            return new Rectangle2D(0, 0, PREFERRED_WIDTH, PREFERRED_HEIGHT);
        }
        if (remembered.isPresent()) {
            Rectangle2D r = remembered.get();
            Optional<Rectangle2D> home = visualAreas.stream().filter(a -> overlap(a, r) >= MIN_VISIBLE * MIN_VISIBLE)
                    .max((a, b) -> Double.compare(overlap(a, r), overlap(b, r)));
            if (home.isPresent()) {
                return clamp(r, home.get());
            }
        }
        Rectangle2D area = visualAreas.stream().filter(a -> a.contains(pointer)).findFirst()
                .orElse(visualAreas.get(0));
        double w = Math.min(PREFERRED_WIDTH, area.getWidth());
        double h = Math.min(PREFERRED_HEIGHT, area.getHeight());
        return new Rectangle2D(area.getMinX() + (area.getWidth() - w) / 2,
                area.getMinY() + (area.getHeight() - h) / 2, w, h);
    }

    /** Places {@code stage} (before it is shown) and remembers its bounds when it is hidden. */
    public static void apply(Stage stage, ViewPreferences prefs) {
        List<Rectangle2D> areas = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D bounds = fit(prefs.windowBounds(), areas, pointer());
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        stage.setMinWidth(Math.min(640, bounds.getWidth()));
        stage.setMinHeight(Math.min(480, bounds.getHeight()));
        stage.setMaximized(prefs.maximized());
        NormalBounds normal = new NormalBounds(stage, bounds);
        stage.setOnHiding(e -> prefs.rememberWindow(normal.get(), stage.isMaximized()));
    }

    private static Point2D pointer() {
        try {
            return new Robot().getMousePosition();
        } catch (RuntimeException | UnsatisfiedLinkError noPointer) {
            return Point2D.ZERO;
        }
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    private static Rectangle2D clamp(Rectangle2D r, Rectangle2D area) {
        double w = Math.min(r.getWidth(), area.getWidth());
        double h = Math.min(r.getHeight(), area.getHeight());
        double x = Math.max(area.getMinX(), Math.min(r.getMinX(), area.getMaxX() - w));
        double y = Math.max(area.getMinY(), Math.min(r.getMinY(), area.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    /** The stage's bounds while neither maximised nor full screen: what the next run should restore. */
    private static final class NormalBounds {
        private Rectangle2D bounds;

        NormalBounds(Stage stage, Rectangle2D initial) {
            bounds = initial;
            Runnable track = () -> {
                if (!stage.isMaximized() && !stage.isFullScreen() && stage.getWidth() > 0) {
                    bounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
                }
            };
            stage.xProperty().addListener(o -> track.run());
            stage.yProperty().addListener(o -> track.run());
            stage.widthProperty().addListener(o -> track.run());
            stage.heightProperty().addListener(o -> track.run());
        }

        Rectangle2D get() {
            return bounds;
        }
    }
}
