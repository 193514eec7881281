package dev.poolscope.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pid that is no JVM, or no process at all, is said so at once, rather than as an attach that timed out after 5 s
 * (and left an {@code .attach_pid} file in the other process's directory).
 */
@Timeout(10)
class JmxSessionNoJvmTest {

    private static final String SLEEP = "/bin/sleep";

    @Test
    void aProcessThatIsNoJvmIsSaidToBeNone() throws Exception {
        assumeTrue(new File(SLEEP).canExecute(), "needs " + SLEEP);
        Process sleeper = new ProcessBuilder(SLEEP, "20").start();
        try {
            JmxTarget target = JmxTarget.parse(Long.toString(sleeper.pid()));

            IOException e = assertThrows(IOException.class, () -> JmxSession.open(target, null, null).close());

            assertEquals("pid " + sleeper.pid() + " is not a Java VM this user can attach to (jps lists those; one "
                    + "started with -XX:-UsePerfData is not listed: connect to its JMX port instead)", e.getMessage());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aPidNoProcessRunsAsIsSaidSoAtOnce() throws Exception {
        assumeTrue(new File(SLEEP).canExecute(), "needs " + SLEEP);
        Process ended = new ProcessBuilder(SLEEP, "0").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        JmxTarget target = JmxTarget.parse(Long.toString(ended.pid()));

        IOException e = assertThrows(IOException.class, () -> JmxSession.open(target, null, null).close());

        assertEquals("no process runs as pid " + ended.pid(), e.getMessage());
    }
}
