package org.hvsim.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.hvsim.core.result.ExperimentResult;
import org.hvsim.report.Fixtures;
import org.hvsim.report.RealRun;
import org.hvsim.report.Report;

/**
 * Opens the report of a real run in headless Chromium, as a reader's browser would: no image is
 * broken, no script error and no Content-Security-Policy refusal is logged, and the page renders.
 *
 * <p>Needs Debian's {@code chromium} (or {@code chromium-browser}) on the PATH. When it is missing
 * and {@code CI=true} or {@code HVSIM_INSTALL_CHROMIUM=1} is set, {@code reports/install-chromium.sh}
 * installs it (as root, with apt, once per machine, bounded in time). Otherwise, or when Chromium
 * cannot start, the test is skipped with a message saying why. Each browser run is bounded; the
 * whole check takes a few seconds.
 *
 * <p>The report has no script, so counting loaded images needs one: the test opens a copy of the
 * page with a small checker script added and the CSP relaxed for it, and the original page as is
 * for the console and CSP log. A control page with a broken image and a throwing script proves the
 * checks can fail.
 */
class ReportInChromiumTest {

    private static final long RUN_TIMEOUT_SECONDS = 25;
    private static final long INSTALL_TIMEOUT_SECONDS = 540;

    private static final String CHECKER = """
            <script>
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var broken = images.filter(function (i) { return !i.complete || i.naturalWidth === 0; });
              document.body.setAttribute('data-images', String(images.length));
              document.body.setAttribute('data-broken', String(broken.length));
            });
            </script>
            """;

    /** The browser, looked for (and installed if allowed) once per test run; empty when unavailable. */
    private static Optional<Path> browser;
    private static String unavailable;

    @TempDir
    Path dir;

    @BeforeEach
    void requireChromium() throws Exception {
        synchronized (ReportInChromiumTest.class) {
            if (browser == null) {
                browser = onPath();
                if (browser.isEmpty() && mayInstall()) {
                    install();
                    browser = onPath();
                }
                if (browser.isEmpty()) {
                    unavailable = "headless Chromium check skipped: no chromium or chromium-browser on the PATH "
                            + (mayInstall() ? "and reports/install-chromium.sh could not install it (see its message)"
                                    : "(install Debian's chromium, or set HVSIM_INSTALL_CHROMIUM=1 to let the test "
                                            + "install it as root)");
                    // surefire shows a skipped test's reason only in its report file; say it here too
                    System.err.println(unavailable);
                }
            }
        }
        Assumptions.assumeTrue(browser.isPresent(), () -> unavailable);
    }

    @Test
    void realRunReportHasNoBrokenImageAndNoScriptError() throws Exception {
        ExperimentResult result = RealRun.consolidation();
        Path out = dir.resolve("out");
        Report.writeAll(result, out);
        Path page = out.resolve(HtmlReport.FILE_NAME);
        String html = Files.readString(page);
        int images = count(html, "<img ");
        assertTrue(images >= 5, "the report has its charts: " + images);

        // the page as written: nothing refused by its CSP, no console error
        Run original = chromium(dir.resolve("profile-1"), "--dump-dom", page.toUri().toString());
        assertTrue(original.stdout().contains("<h1>"), "Chromium rendered the page:\n" + original.tail());
        assertEquals(List.of(), problems(original.stderr()), "console or CSP problems:\n" + original.tail());

        // a copy with the checker: every image decoded with a width
        Path checked = out.resolve("report-checked.html");
        Files.writeString(checked, withChecker(html), StandardCharsets.UTF_8);
        Run check = chromium(dir.resolve("profile-2"), "--dump-dom", checked.toUri().toString());
        assertEquals(images, attribute(check.stdout(), "data-images"), "images seen by the browser\n" + check.tail());
        assertEquals(0, attribute(check.stdout(), "data-broken"), "broken images\n" + check.tail());

        // and it paints: a screenshot of the top of the page is not blank
        Path shot = dir.resolve("top.png");
        chromium(dir.resolve("profile-3"), "--window-size=1000,1400", "--screenshot=" + shot, page.toUri().toString());
        BufferedImage image = ImageIO.read(shot.toFile());
        assertTrue(image != null && image.getWidth() == 1000, "a screenshot was taken");
        assertTrue(Fixtures.inkedShare(image) > 0.03, "the screenshot shows the report");
    }

    /** The checks themselves: a broken image and a throwing script are caught. */
    @Test
    void checksCatchABrokenImageAndAScriptError() throws Exception {
        Path page = dir.resolve("control.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><h1>control</h1>"
                + "<img src=\"missing.png\" width=\"10\" height=\"10\">"
                + "<script>undefinedFunctionOfTheControlPage();</script>" + CHECKER + "</body></html>",
                StandardCharsets.UTF_8);
        Run run = chromium(dir.resolve("profile-c"), "--dump-dom", page.toUri().toString());
        assertEquals(1, attribute(run.stdout(), "data-broken"), run.tail());
        assertTrue(problems(run.stderr()).stream().anyMatch(p -> p.contains("undefinedFunctionOfTheControlPage")),
                "the script error is in the log:\n" + run.tail());
    }

    /** The report with the checker script before {@code </body>} and a CSP that lets it run. */
    static String withChecker(String html) {
        String relaxed = html.replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';");
        assertTrue(!relaxed.equals(html), "the report declares the CSP the copy relaxes");
        int end = relaxed.lastIndexOf("</body>");
        return relaxed.substring(0, end) + CHECKER + relaxed.substring(end);
    }

    /** Console errors, uncaught exceptions and CSP refusals in Chromium's log. */
    static List<String> problems(String log) {
        List<String> problems = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.contains("Uncaught") || line.contains("Refused to")
                    || (line.contains("CONSOLE") && (line.contains(":ERROR:") || line.contains("Error")))) {
                problems.add(line);
            }
        }
        return problems;
    }

    private static int attribute(String dom, String name) {
        Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the checker ran and set " + name + " (was the load event reached?)");
        return Integer.parseInt(m.group(1));
    }

    private record Run(String stdout, String stderr) {
        String tail() {
            String text = stderr.length() > 3000 ? stderr.substring(stderr.length() - 3000) : stderr;
            return "--- chromium stderr (tail) ---\n" + text;
        }
    }

    /**
     * Runs Chromium headless with a fresh profile and no background networking (this machine's
     * network is closed; the flags keep Chromium from trying), bounded in time.
     */
    private static Run chromium(Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.orElseThrow().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--mute-audio",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path stderr = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            Assumptions.abort("headless Chromium check skipped: " + command.get(0) + " did not finish within "
                    + RUN_TIMEOUT_SECONDS + " s\n" + tail(Files.readString(stderr)));
        }
        Run run = new Run(Files.readString(stdout), Files.readString(stderr));
        if (process.exitValue() != 0) {
            Assumptions.abort("headless Chromium check skipped: " + command.get(0) + " exited with " + process.exitValue()
                    + " (it cannot run here)\n" + run.tail());
        }
        return run;
    }

    private static String tail(String text) {
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String entry : path.split(File.pathSeparator)) {
                Path candidate = Path.of(entry, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean mayInstall() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("HVSIM_INSTALL_CHROMIUM"));
    }

    /** Runs reports/install-chromium.sh, which installs at most once per machine; its messages go to the log. */
    private static void install() throws IOException, InterruptedException {
        Path script = Path.of("install-chromium.sh").toAbsolutePath();
        if (!Files.isRegularFile(script)) {
            return;
        }
        Process process = new ProcessBuilder("bash", script.toString()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

}
