package dev.poolscope.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A port where nothing listens is said so in a sentence, not as RMI's nested exceptions. */
@Timeout(30)
class JmxSessionRefusedTest {

    @Test
    void aRefusedConnectionIsSaidPlainly() throws Exception {
        int port;
        // A port that was free a moment ago: bound, then let go, so nothing listens on it.
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        JmxTarget target = JmxTarget.parse("127.0.0.1:" + port);

        IOException e = assertThrows(IOException.class, () -> JmxSession.open(target, null, null).close());

        assertEquals("connection refused: nothing listens for JMX at 127.0.0.1:" + port, e.getMessage());
    }
}
