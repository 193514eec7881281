/** PoolScope: a self-scaling worker pool engine and a JavaFX lab for watching and tuning it live. */
module dev.poolscope {
    requires javafx.controls;
    requires javafx.fxml;
    requires javafx.swing;
    requires org.controlsfx.controls;
    requires HdrHistogram;
    requires static micrometer.core;

    exports dev.poolscope;
    exports dev.poolscope.engine;
    exports dev.poolscope.engine.micrometer;
    exports dev.poolscope.load;
    exports dev.poolscope.cli;
    exports dev.poolscope.model;
    exports dev.poolscope.view;
    opens dev.poolscope.view to javafx.fxml;
}
