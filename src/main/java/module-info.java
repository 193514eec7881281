/**
 * PoolScope's lab: the JavaFX app, the headless runner and the load generator around the engine module
 * ({@code dev.poolscope.engine}, the API). Nothing here is API: JavaFX may start the application class and load
 * the views' controllers, and nothing else reaches in.
 */
module dev.poolscope {
    requires dev.poolscope.engine;
    requires javafx.controls;
    requires javafx.fxml;
    requires javafx.swing;
    requires java.prefs;
    requires org.controlsfx.controls;
    requires atlantafx.base;
    requires HdrHistogram;
    requires java.net.http;
    requires jdk.httpserver;
    requires java.management;
    requires java.management.rmi;
    requires jdk.attach;

    exports dev.poolscope to javafx.graphics;
    opens dev.poolscope.view to javafx.fxml;
}
