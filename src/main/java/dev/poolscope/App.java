package dev.poolscope;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Starts the PoolScope window. Wiring only. */
public final class App extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("PoolScope");
        stage.setScene(new Scene(new Label("PoolScope"), 640, 400));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
