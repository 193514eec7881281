package dev.poolscope.remote;

import java.net.MalformedURLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXServiceURL;

/**
 * What to connect to: a local JVM by process id (reached through the Attach API, which starts its local-only
 * management agent), a {@code host:port} where a JVM's RMI registry serves JMX, or a full {@code service:jmx:} URL.
 *
 * @param text the target as the user typed it
 * @param pid  the local process id, or null for a URL
 * @param url  the JMX service URL, or null for a pid (the agent's URL is only known after attaching)
 */
public record JmxTarget(String text, Long pid, JMXServiceURL url) {

    private static final int MAX_SHOWN = 60;
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

    /**
     * Reads a target; the message of a bad one says what is accepted.
     *
     * @throws IllegalArgumentException if the text is no pid, {@code host:port} or {@code service:jmx:} URL
     */
    public static JmxTarget parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{1,10}")) {
            return new JmxTarget(t, Long.parseLong(t), null);
        }
        if (t.startsWith("service:jmx:")) {
            try {
                return new JmxTarget(t, null, new JMXServiceURL(t));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(bad(t, "it is not a valid JMX service URL (" + e.getMessage() + ")"));
            }
        }
        Matcher m = HOST_PORT.matcher(t);
        if (m.matches()) {
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException(bad(t, "the port must be between 1 and 65535"));
            }
            try {
                return new JmxTarget(t, null,
                        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + m.group(1) + ":" + port + "/jmxrmi"));
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(bad(t, e.getMessage()));
            }
        }
        throw new IllegalArgumentException(bad(t, "expected a process id (e.g. 4242), host:port (e.g. "
                + "localhost:9010) or a service:jmx: URL"));
    }

    private static String bad(String text, String why) {
        return "target '" + text + "' is not allowed: " + why;
    }

    /**
     * The target in the log's and the title's words, e.g. {@code pid 4242} or {@code localhost:9010}; a long URL
     * (an RMI stub runs to hundreds of characters) is shortened to its host.
     */
    public String describe() {
        if (pid != null) {
            return "pid " + pid;
        }
        return text.length() <= MAX_SHOWN ? text : "JMX URL at " + url.getHost() + (url.getPort() > 0 ? ":"
                + url.getPort() : "");
    }
}
