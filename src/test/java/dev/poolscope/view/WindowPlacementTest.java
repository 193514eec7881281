package dev.poolscope.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/** The window's bounds always lie inside a screen's visual area, remembered or not. */
class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D MONITOR = new Rectangle2D(1366, 0, 1920, 1040);

    @Test
    void aSmallScreenGetsItsWholeVisualArea() {
        assertEquals(LAPTOP, WindowPlacement.fit(Optional.empty(), List.of(LAPTOP), Point2D.ZERO));
    }

    @Test
    void aLargeScreenUnderThePointerGetsThePreferredSizeCentred() {
        Rectangle2D r = WindowPlacement.fit(Optional.empty(), List.of(LAPTOP, MONITOR), new Point2D(2000, 500));
        assertEquals(new Rectangle2D(1366 + 240, 70, 1440, 900), r);
    }

    @Test
    void rememberedBoundsAreKeptWhenTheyFit() {
        Rectangle2D remembered = new Rectangle2D(1500, 40, 1200, 800);
        assertEquals(remembered, WindowPlacement.fit(Optional.of(remembered), List.of(LAPTOP, MONITOR), Point2D.ZERO));
    }

    @Test
    void rememberedBoundsLargerThanTheScreenShrinkIntoIt() {
        Rectangle2D remembered = new Rectangle2D(-37, -44, 1440, 900);
        assertEquals(LAPTOP, WindowPlacement.fit(Optional.of(remembered), List.of(LAPTOP), Point2D.ZERO));
    }

    @Test
    void boundsOnAScreenThatIsGoneFallBackToTheScreenUnderThePointer() {
        Rectangle2D onUnpluggedMonitor = new Rectangle2D(1500, 40, 1200, 800);
        assertEquals(LAPTOP, WindowPlacement.fit(Optional.of(onUnpluggedMonitor), List.of(LAPTOP),
                new Point2D(100, 100)));
    }
}
