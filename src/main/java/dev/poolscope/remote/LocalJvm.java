package dev.poolscope.remote;

import java.util.Comparator;
import java.util.List;

import com.sun.tools.attach.VirtualMachine;

/**
 * A JVM running on this machine under the same user, as the Attach API lists it.
 *
 * @param pid       its process id
 * @param mainClass its main class or jar, as the JVM reports it (may be empty)
 */
public record LocalJvm(long pid, String mainClass) {

    /** The JVMs this user may attach to, this one excluded (a JVM may not attach to itself by default). */
    public static List<LocalJvm> list() {
        long self = ProcessHandle.current().pid();
        return VirtualMachine.list().stream()
                .map(d -> new LocalJvm(Long.parseLong(d.id()), d.displayName()))
                .filter(j -> j.pid != self)
                .sorted(Comparator.comparingLong(LocalJvm::pid))
                .toList();
    }

    /** {@code 4242 — com.example.Orders}, for the list. */
    public String describe() {
        return pid + " — " + (mainClass.isBlank() ? "(main class unknown)" : mainClass);
    }
}
