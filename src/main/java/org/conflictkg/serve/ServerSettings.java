package org.conflictkg.serve;

/**
 * How the server listens.
 *
 * @param host the interface to bind; loopback by default, so nothing is exposed unless asked
 * @param port the port; 0 picks a free one (tests)
 * @param timeoutSeconds the time limit of every query
 */
public record ServerSettings(String host, int port, double timeoutSeconds) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final double DEFAULT_TIMEOUT_SECONDS = 30;

    public ServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("--host must name an interface, such as 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Illegal port=" + port + ": must be between 0 and 65535");
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
            throw new IllegalArgumentException("Illegal timeout=" + timeoutSeconds + ": must be more than 0 and at most 86400 seconds");
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT_SECONDS);
    }

    public boolean isLoopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
    }
}
