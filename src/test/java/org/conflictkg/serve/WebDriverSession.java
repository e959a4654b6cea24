package org.conflictkg.serve;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A headless Chromium driven through ChromeDriver by the W3C WebDriver protocol (JSON over HTTP),
 * with nothing but the JDK's HTTP client: no driver download, no browser download, nothing
 * fetched at test time. Only the few commands the browser test needs.
 */
final class WebDriverSession implements AutoCloseable {

    /** The W3C key under which an element reference is returned. */
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final String endpoint;
    private final String session;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Paths of a Chromium binary and its ChromeDriver, or null when either is missing. */
    record Browser(Path chromium, Path chromedriver) {
        static Browser find() {
            Path chromium = first(System.getenv("KG_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
            Path driver = first(System.getenv("KG_CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
            return chromium == null || driver == null ? null : new Browser(chromium, driver);
        }

        private static Path first(String... candidates) {
            for (String c : candidates) {
                if (c != null && !c.isBlank() && Files.isExecutable(Path.of(c))) {
                    return Path.of(c);
                }
            }
            return null;
        }
    }

    /**
     * Starts ChromeDriver and a browser session.
     *
     * @param workDir where the driver's log goes
     * @param profileDir an empty folder for the browser's profile
     */
    WebDriverSession(Browser browser, Path workDir, Path profileDir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(workDir);
        driver = new ProcessBuilder(browser.chromedriver().toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("chromedriver.log").toFile()).start();
        endpoint = "http://127.0.0.1:" + port;
        waitUntilReady();
        JsonArray args = new JsonArray();
        // As root in a container Chromium needs --no-sandbox; the networking switches keep it from
        // calling out to update and sync services this machine cannot reach.
        for (String a : List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profileDir)) {
            args.add(a);
        }
        JsonObject chrome = new JsonObject();
        chrome.put("binary", browser.chromium().toString());
        chrome.put("args", args);
        JsonObject always = new JsonObject();
        always.put("browserName", "chrome");
        always.put("goog:chromeOptions", chrome);
        JsonObject caps = new JsonObject();
        caps.put("alwaysMatch", always);
        JsonObject body = new JsonObject();
        body.put("capabilities", caps);
        session = call("POST", "/session", body).getAsObject().get("sessionId").getAsString().value();
    }

    private void waitUntilReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/status")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start within 20 s");
    }

    /** One WebDriver command; returns its {@code value}, or throws with the driver's error. */
    private JsonValue call(String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject answer = JSON.parse(r.body());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return answer.get("value");
    }

    private String sessionPath(String rest) {
        return "/session/" + session + rest;
    }

    void open(String url) throws Exception {
        JsonObject body = new JsonObject();
        body.put("url", url);
        call("POST", sessionPath("/url"), body);
    }

    String currentUrl() throws Exception {
        return call("GET", sessionPath("/url"), null).getAsString().value();
    }

    /** The first element matching a CSS selector; throws when there is none. */
    String find(String css) throws Exception {
        JsonObject body = new JsonObject();
        body.put("using", "css selector");
        body.put("value", css);
        return call("POST", sessionPath("/element"), body).getAsObject().get(ELEMENT).getAsString().value();
    }

    /** Every element matching a CSS selector, in document order. */
    List<String> findAll(String css) throws Exception {
        JsonObject body = new JsonObject();
        body.put("using", "css selector");
        body.put("value", css);
        List<String> ids = new java.util.ArrayList<>();
        for (JsonValue e : call("POST", sessionPath("/elements"), body).getAsArray()) {
            ids.add(e.getAsObject().get(ELEMENT).getAsString().value());
        }
        return ids;
    }

    void click(String element) throws Exception {
        call("POST", sessionPath("/element/" + element + "/click"), new JsonObject());
    }

    /** The element's rendered text, as a person sees it (empty when it is hidden). */
    String text(String element) throws Exception {
        return call("GET", sessionPath("/element/" + element + "/text"), null).getAsString().value();
    }

    boolean displayed(String element) throws Exception {
        return call("GET", sessionPath("/element/" + element + "/displayed"), null).getAsBoolean().value();
    }

    void screenshot(Path png) throws Exception {
        String base64 = call("GET", sessionPath("/screenshot"), null).getAsString().value();
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(base64));
    }

    @Override
    public void close() {
        try {
            call("DELETE", sessionPath(""), null);
        } catch (Exception e) {
            // the driver is stopped below whatever the browser says
        } finally {
            driver.destroy();
        }
    }
}
