package dev.poolscope.load;

/** Thrown by {@link SimulatedWork} for a request whose {@link WorkPlan} says it fails; never a real fault. */
public final class SimulatedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message saying which request type failed and after how long. */
    public SimulatedFailure(String message) {
        super(message, null, false, false);
    }
}
