package org.conflictkg.serve;

import java.nio.file.Path;

/**
 * How the server listens and what it allows. The defaults are the safe ones: loopback only, no
 * CORS, no ingest.
 *
 * @param host the interface to bind; loopback by default, so nothing is exposed unless asked
 * @param port the port; 0 picks a free one (tests)
 * @param timeoutSeconds the time limit of every query
 * @param cors whether to answer cross-origin requests (CORS headers); off by default
 * @param passwordFile a Jetty realm file ({@code user: password} lines) whose users may post
 *     articles to {@code /kg/ingest}; null: there is no ingest
 * @param maxIngestBytes the largest request body the ingest accepts
 */
public record ServerSettings(String host, int port, double timeoutSeconds, boolean cors, Path passwordFile, long maxIngestBytes) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final double DEFAULT_TIMEOUT_SECONDS = 30;
    public static final long DEFAULT_MAX_INGEST_BYTES = 16L << 20;

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
        if (maxIngestBytes < 1) {
            throw new IllegalArgumentException("Illegal maxIngestBytes=" + maxIngestBytes + ": must be at least 1");
        }
    }

    /** Loopback, no CORS, no ingest. */
    public ServerSettings(String host, int port, double timeoutSeconds) {
        this(host, port, timeoutSeconds, false, null, DEFAULT_MAX_INGEST_BYTES);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT_SECONDS);
    }

    public ServerSettings withCors(boolean on) {
        return new ServerSettings(host, port, timeoutSeconds, on, passwordFile, maxIngestBytes);
    }

    /** The same settings with an authenticated ingest whose users are in {@code realmFile}. */
    public ServerSettings withIngest(Path realmFile, long maxBytes) {
        return new ServerSettings(host, port, timeoutSeconds, cors, realmFile, maxBytes);
    }

    public boolean hasIngest() {
        return passwordFile != null;
    }

    public boolean isLoopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
    }
}
