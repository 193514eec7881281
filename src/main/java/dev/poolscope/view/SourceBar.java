package dev.poolscope.view;

import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.poolscope.model.Lab;
import dev.poolscope.model.PoolSource;
import dev.poolscope.model.SettingsText;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The band above the headline while a remote pool is shown: which pool, whether it is read-only or live-tuning
 * (in colour), disconnected with a Reconnect button, <em>Copy settings</em>, and the way back to the demo pool.
 */
final class SourceBar {

    private final Lab lab;
    private final VBox band = new VBox();
    private final Label where = new Label();
    private final Button unlock = new Button("Unlock tuning");
    private final Button reconnect = new Button("Reconnect");
    private final MenuButton copy = new MenuButton("Copy settings");
    private final Button demo = new Button("Demo pool");
    private final Consumer<String> inform;

    SourceBar(Lab lab, Consumer<String> inform) {
        this.lab = lab;
        this.inform = inform;
        band.setId("sourceBar");
        band.getStyleClass().add("source-bar");
        where.setId("sourceLabel");
        where.getStyleClass().add("source-text");
        where.setWrapText(true);
        where.setMinHeight(Region.USE_PREF_SIZE);
        unlock.setId("unlockButton");
        unlock.setTooltip(tip("Let the controls change this pool: each change goes live to its JVM at once, and is "
                + "logged old → new."));
        unlock.setOnAction(e -> lab.unlockTuning());
        reconnect.setId("reconnectButton");
        reconnect.setTooltip(tip("Try to reach the JVM again; the history shown so far is kept."));
        reconnect.setOnAction(e -> lab.sourceProperty().get().reconnect());
        copy.setId("copySettingsButton");
        copy.setTooltip(tip("Changes made over JMX are lost when the service restarts: copy them to keep them."));
        copy.getItems().setAll(
                item("as PoolConfig builder code", () -> SettingsText.builderCode(lab.settings().config())),
                item("as command-line flags", () -> SettingsText.cliFlags(lab.settings().config())),
                item("as key=value properties", () -> SettingsText.properties(lab.settings().config())));
        demo.setId("demoButton");
        demo.setTooltip(tip("Go back to the in-process demo pool; this connection is closed."));
        demo.setOnAction(e -> lab.watchDemo());
        HBox.setHgrow(where, Priority.ALWAYS);
        where.setMaxWidth(Double.MAX_VALUE);
        for (Region button : new Region[] {unlock, reconnect, copy, demo}) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, where, unlock, reconnect, copy, demo);
        row.setAlignment(Pos.CENTER_LEFT);
        band.getChildren().add(row);
        ObservableBooleanValue remote = Bindings.createBooleanBinding(() -> lab.sourceProperty().get().isRemote(),
                lab.sourceProperty());
        band.visibleProperty().bind(remote);
        band.managedProperty().bind(remote);
        unlock.visibleProperty().bind(lab.settings().writableProperty().not());
        unlock.managedProperty().bind(unlock.visibleProperty());
        reconnect.visibleProperty().bind(lab.sampler().problemProperty().isNotNull());
        reconnect.managedProperty().bind(reconnect.visibleProperty());
        lab.sourceProperty().addListener((o, a, b) -> refresh());
        lab.settings().writableProperty().addListener((o, a, b) -> refresh());
        lab.sampler().problemProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private MenuItem item(String text, Supplier<String> content) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(content.get());
            Clipboard.getSystemClipboard().setContent(c);
            inform.accept("Copied the settings " + text);
        });
        return item;
    }

    /** The band's node. */
    VBox node() {
        return band;
    }

    private void refresh() {
        PoolSource source = lab.sourceProperty().get();
        String problem = lab.sampler().problemProperty().get();
        boolean live = lab.settings().writableProperty().get();
        band.getStyleClass().removeAll("source-live", "source-read-only", "source-disconnected");
        if (problem != null) {
            where.setText("⚠ " + problem + " · the charts keep what was seen");
            band.getStyleClass().add("source-disconnected");
        } else if (live) {
            where.setText("● LIVE-TUNING " + source.describe() + " · every change goes to that JVM at once");
            band.getStyleClass().add("source-live");
        } else {
            where.setText("Watching " + source.describe() + " · read-only");
            band.getStyleClass().add("source-read-only");
        }
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }
}
