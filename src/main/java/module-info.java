/**
 * PoolScope: a self-scaling worker pool engine and a JavaFX lab for watching and tuning it live.
 *
 * <p>Only the engine (with its optional Micrometer binder) and its JMX face are API. The other packages are the
 * app's own parts: JavaFX may start the application class and load the views' controllers, and nothing else
 * reaches in.
 */
module dev.poolscope {
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
    requires static micrometer.core;

    exports dev.poolscope.engine;
    exports dev.poolscope.engine.micrometer;
    exports dev.poolscope.jmx;
    exports dev.poolscope to javafx.graphics;
    opens dev.poolscope.view to javafx.fxml;
}
