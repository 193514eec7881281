/**
 * HdrHistogram as a named module. The library ships no module descriptor (not even an Automatic-Module-Name), so
 * javac, {@code javafx:run} and jlink would each take it as a filename-based automatic module; this module
 * repackages its classes, unchanged, with this descriptor, and every step uses this one copy.
 */
module HdrHistogram {
    exports org.HdrHistogram;
    exports org.HdrHistogram.packedarray;
}
