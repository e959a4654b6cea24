package org.conflictkg.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.conflictkg.store.KnowledgeStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pages in a real browser: headless Chromium, driven through ChromeDriver, opens the landing
 * page, follows the link to the SDF and sees the sentence its support was read from. Screenshots
 * are kept in {@code target/browser/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (or {@code KG_CHROMIUM} and
 * {@code KG_CHROMEDRIVER}). Without them the test is skipped, except under CI ({@code CI=true}),
 * where {@code .ci/run} installs them and a missing browser is a failure.
 */
class BrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "browser");

    @TempDir
    static Path tmp;
    static KnowledgeStore store;
    static WebDriverSession.Browser browser;
    FusekiServer server;

    @BeforeAll
    static void load() throws Exception {
        browser = WebDriverSession.Browser.find();
        if (browser == null) {
            String why = "no Chromium with ChromeDriver found (apt-get install chromium chromium-driver, or set KG_CHROMIUM and KG_CHROMEDRIVER)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + ": CI must run the browser test");
            }
            Assumptions.abort("Skipping the browser test: " + why);
        }
        store = SeededStore.load(tmp);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @BeforeEach
    void start() {
        server = KnowledgeGraphServer.build(store, new ServerSettings("127.0.0.1", 0, 10)).start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void fromTheLandingPageToTheSdfAndTheSentenceItsSupportWasReadFrom() throws Exception {
        String root = "http://localhost:" + server.getPort();
        try (WebDriverSession web = new WebDriverSession(browser, SCREENSHOTS, Files.createTempDirectory(tmp, "profile"))) {
            web.open(root + "/");
            web.screenshot(SCREENSHOTS.resolve("1-landing.png"));
            String link = web.find("#actors a[href='/" + SeededStore.SDF + "']");
            assertTrue(web.displayed(link), "the SDF link is not visible on the landing page");
            web.click(link);

            String url = web.currentUrl();
            assertTrue(url.endsWith("/page/" + SeededStore.SDF), "the link led to " + url);
            String heading = web.text(web.find("h1"));
            assertTrue(heading.equals("Syrian Democratic Forces"), heading);
            // Among the evidence shown for its supporters, the sentence of the data/ articles.
            String evidence = null;
            for (String e : web.findAll("blockquote.evidence")) {
                if (web.text(e).contains("U.S.-backed Syrian Democratic Forces (SDF) pushed south along the Khabur River")) {
                    evidence = e;
                    break;
                }
            }
            assertTrue(evidence != null, "no evidence sentence of the U.S. support on the SDF page");
            assertTrue(web.displayed(evidence), "the evidence sentence is not visible");
            assertTrue(web.displayed(web.find("blockquote.evidence mark")), "the parties are not highlighted");
            web.screenshot(SCREENSHOTS.resolve("2-sdf.png"));

            // The evidence links to its sentence in the document, which the page scrolls to.
            web.click(web.findAll("blockquote.evidence .source a").get(indexOf(web, evidence)));
            String doc = web.currentUrl();
            assertTrue(doc.matches(".*/page/id/document/[0-9a-f]{32}#char=\\d+,\\d+"), doc);
            String anchored = web.find("[id='" + doc.substring(doc.indexOf('#') + 1) + "']");
            assertTrue(web.text(anchored).startsWith("U.S.-backed"), web.text(anchored));
            web.screenshot(SCREENSHOTS.resolve("3-document.png"));
        }
        assertTrue(Files.size(SCREENSHOTS.resolve("2-sdf.png")) > 10_000, "the screenshot is empty");
    }

    /** The position of an evidence element among all of them on the page. */
    private static int indexOf(WebDriverSession web, String evidence) throws Exception {
        return web.findAll("blockquote.evidence").indexOf(evidence);
    }
}
