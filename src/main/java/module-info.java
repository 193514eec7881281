/** PoolScope: a self-scaling worker pool engine and a JavaFX lab for watching and tuning it live. */
module dev.poolscope {
    requires javafx.controls;
    requires javafx.fxml;
    requires HdrHistogram;

    exports dev.poolscope;
    exports dev.poolscope.engine;
    exports dev.poolscope.load;
    exports dev.poolscope.cli;
}
