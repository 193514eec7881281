package dev.poolscope.compare;

/** One of the two pools compared. */
public enum Side {
    A, B;

    /** The other side. */
    public Side other() {
        return this == A ? B : A;
    }
}
