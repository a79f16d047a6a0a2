package io.commandpost.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commandpost.launcher.CommandPostSystem;
import io.commandpost.launcher.ConsoleAccounts;
import io.commandpost.launcher.Service;
import io.commandpost.launcher.SystemOptions;
import io.commandpost.launcher.demo.DemoSeed;
import io.commandpost.launcher.http.JsonHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real browser (Debian's chromium, headless, through chromedriver): one system start, one browser
 * session. Sign in, see today's MRO, acknowledge an alert fired through the webhook (it appears without a reload),
 * declare an incident from it, delegate a task (the commander is refused, with the rule explained), write a
 * handover and accept it as the receiver. Each page is checked with axe-core (no serious or critical violation)
 * and photographed into {@code commandpost.screenshots-dir}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final String PAGE_SECRET = "console-test-page-secret";
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final String TEAM = DemoSeed.TEAM;

    private PageSink pages;
    private CommandPostSystem system;
    private ChromeDriver browser;
    private String console;
    private String integrationToken;
    private String mro;
    private String other;
    private String fingerprint;
    private Path screenshots;

    @BeforeAll
    // the launcher's ready limit (10 min) decides, not the 5 min of each test; plus at most 11 min before a handoff
    @Timeout(value = 25, unit = TimeUnit.MINUTES)
    void startTheSystemAndABrowser() throws IOException {
        startAfterTheDemoHandoffIfItIsNear();
        Path root = Path.of(System.getProperty("commandpost.project-root", "..")).toAbsolutePath().normalize();
        Path work = Path.of(System.getProperty("commandpost.work-dir", "target/system"));
        screenshots = Path.of(System.getProperty("commandpost.screenshots-dir", "target/console-screenshots"));
        Files.createDirectories(work);
        Files.createDirectories(screenshots);
        pages = PageSink.start(PAGE_SECRET);
        SystemOptions options = SystemOptions.builder(root)
                .baseDir(Files.createTempDirectory(work, "console-"))
                .anyFreePorts()
                .pageWebhookUrl(pages.url())
                .pageWebhookSecret(PAGE_SECRET)
                // alert-ingest waits at most 2 s for a database connection (ADR 0014); on a loaded test machine its
                // first connection at start (Flyway) takes longer, which is not what this test is about
                .serviceJvmArgs(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-Dquarkus.datasource.jdbc.acquisition-timeout=30S"))
                .brokerJvmArgs(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .build();
        system = new CommandPostSystem(options, line -> System.out.println("[system] " + line));
        system.start();
        integrationToken = new DemoSeed(system).ensure();
        console = system.url(Service.CONSOLE).toString();

        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(System.getProperty("commandpost.chromium", "/usr/bin/chromium"));
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("commandpost.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, chrome);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stopEverything() {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
        if (pages != null) {
            pages.close();
        }
    }

    @Test
    @Order(1)
    void signsInAndSeesTodaysMro() {
        JsonHttp http = new JsonHttp(Duration.ofSeconds(10));
        // through the console's one address: the rotation-service answers /v1/teams/{team}/on-call
        mro = await("the demo team has an MRO").atMost(EVENTUALLY)
                .until(() -> http.get(java.net.URI.create(console + "/v1/teams/" + TEAM + "/on-call"), system.apiKey()),
                        answer -> answer.status() == 200 && answer.body().path("mro").path("member").isTextual())
                .body().path("mro").path("member").asText();
        other = mro.equals("alice") ? "bob" : "alice";

        browser.get(console + "/today");
        assertThat(browser.getCurrentUrl()).as("not signed in: sent to sign in").contains("/sign-in");
        assertThat(browser.getPageSource()).contains("NOT FOR PRODUCTION");
        check("sign-in");

        browser.findElement(By.id("handle")).sendKeys(mro);
        browser.findElement(By.id("password")).sendKeys("wrong password");
        browser.findElement(By.id("sign-in")).click();
        assertThat(text(By.id("sign-in-failed"))).contains("do not match");

        signIn(mro);
        assertThat(browser.getCurrentUrl()).endsWith("/today");
        assertThat(text(By.id("me"))).isEqualTo(mro);
        assertThat(text(By.id("mro"))).isEqualTo(mro);
        assertThat(text(By.cssSelector("#duty-heading + dl .reason"))).isNotBlank();
        check("today");

        // keyboard: the first Tab reaches the skip link, and focus is visible
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
    }

    @Test
    @Order(2)
    void anAlertFiredThroughTheWebhookAppearsLiveAndIsAcknowledged() {
        fingerprint = "console-" + Instant.now().toEpochMilli();
        JsonHttp http = new JsonHttp(Duration.ofSeconds(10));
        // the monitoring tool posts to the console's address too: the proxy hands it to alert-ingest
        JsonHttp.Response accepted = http.post(java.net.URI.create(console + "/v1/webhooks/alertmanager"), integrationToken,
                Alertmanager.firing(fingerprint, "CheckoutErrorRate", "critical", "Checkout error rate above 5%", Instant.now()));
        assertThat(accepted.status()).as("webhook through the console: %s", accepted.text()).isEqualTo(202);

        // no reload: the queue updates itself (server-sent events)
        By item = By.cssSelector("li.alert[data-key='" + fingerprint + "']");
        eventually("the alert appears in the open page").until(() -> !browser.findElements(item).isEmpty());
        assertThat(eventually("the first item of the queue")
                .until(() -> browser.findElement(By.cssSelector("#queue li")).getAttribute("data-key"), key -> true))
                .as("alerts first").isEqualTo(fingerprint);

        click(item, By.cssSelector("button.ack"));
        assertThat(text(By.cssSelector("p.done"))).contains("Acknowledged");
        eventually("the queue shows who acknowledged").until(() -> browser.findElements(item).stream()
                        .anyMatch(li -> li.getText().contains("acknowledged by " + mro)));
        check("today-acknowledged");

        click(item, By.cssSelector("a.summary"));
        eventually("the alert page").until(() -> text(By.tagName("h1")).contains("Checkout error rate above 5%"));
        check("alert");
        browser.navigate().back();
    }

    @Test
    @Order(3)
    void declaresAnIncidentFromTheAlertAndDelegatesATask() {
        By item = By.cssSelector("li.alert[data-key='" + fingerprint + "']");
        eventually("the alert is in the queue").until(() -> !browser.findElements(item).isEmpty());
        click(item, By.cssSelector("button.declare"));

        // the click posts a form and returns before the incident room has loaded
        eventually("the incident room").until(browser::getCurrentUrl, url -> url.contains("/incidents/"));
        assertThat(text(By.id("incident-title"))).isEqualTo("Checkout error rate above 5%");
        assertThat(text(By.id("commander"))).isEqualTo(mro);

        delegate("Roll back the checkout deploy", mro);
        assertThat(text(By.id("refused")))
                .as("the commander gets no task, and the room says why")
                .contains("Incident Commander coordinates and never remediates");

        delegate("Roll back the checkout deploy", other);
        assertThat(text(By.id("done"))).contains("Task delegated to " + other);
        assertThat(text(By.id("tasks"))).contains("Roll back the checkout deploy").contains(other);
        eventually("the timeline shows the task").until(() -> browser.findElement(By.id("timeline")).getText().toLowerCase().contains("roll back"));
        check("incident-room");
    }

    @Test
    @Order(4)
    void writesAHandoverThatTheReceiverAccepts() {
        browser.get(console + "/handover/" + TEAM);
        browser.findElement(By.id("notes")).sendKeys("Checkout incident open; rollback delegated to " + other + ".");
        browser.findElement(By.id("hand-over")).click();
        String written = text(By.id("done"));
        assertThat(written).startsWith("Handover written to ");
        String receiver = written.substring("Handover written to ".length()).replace(".", "").trim();
        assertThat(text(By.cssSelector(".carried"))).contains(fingerprint);
        check("handover-written");

        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        signIn(receiver);
        browser.get(console + "/handover/" + TEAM);
        shown(By.id("accept")).click();
        assertThat(text(By.id("done"))).contains("Handover accepted");
        assertThat(text(By.cssSelector(".handover .status"))).isEqualTo("ACCEPTED");
        check("handover-accepted");
    }

    @Test
    @Order(5)
    void anAdminSeesWhoDidWhatAndTheIntegrationsDeliveries() {
        browser.findElement(By.cssSelector("form[action='/sign-out'] button")).click();
        signIn("alice");
        browser.findElement(By.linkText("Audit")).click();
        new org.openqa.selenium.support.ui.Select(shown(By.id("a-team"))).selectByValue(TEAM);
        browser.findElement(By.id("audit-filter")).click();
        // the acknowledgement (notification), the declaration (incident) and the handover (rotation), in one list
        await("the audit shows every service's actions").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    browser.navigate().refresh();
                    String trail = text(By.id("audit"));
                    return trail.contains("alert.acknowledged-by") && trail.contains("incident.declared")
                            && trail.contains("shift.handed-over");
                });
        assertThat(text(By.id("audit"))).contains(mro);
        check("audit");

        browser.get(console + "/integrations/" + TEAM);
        shown(By.linkText("Deliveries")).click();
        assertThat(text(By.id("deliveries"))).contains("accepted").contains("202");
        check("integration-deliveries");
    }

    @Test
    @Order(6)
    void isUsableOnAPhoneWidthScreen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(console + "/today");
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling at 390 px").isEqualTo(false);
        check("today-phone");
    }

    // ---- steps

    /**
     * The demo team hands over at 09:00 UTC on the real clock: the MRO this test signs in as would change under it.
     * A run that would straddle the handoff starts just after it instead (at most 11 minutes later).
     */
    private static void startAfterTheDemoHandoffIfItIsNear() {
        LocalTime handoff = LocalTime.of(9, 0);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        if (now.isAfter(handoff.minusMinutes(10)) && now.isBefore(handoff.plusSeconds(30))) {
            System.out.println("the demo team hands over at " + handoff + " UTC, now " + now + ": starting after it");
            await("the demo team's 09:00 UTC handoff is past").atMost(Duration.ofMinutes(11))
                    .pollInterval(Duration.ofSeconds(5))
                    .until(() -> !LocalTime.now(ZoneOffset.UTC).isBefore(handoff.plusSeconds(30)));
        }
    }

    private void signIn(String handle) {
        ConsoleAccounts.Account account = system.consoleAccounts().of(handle);
        if (!browser.getCurrentUrl().contains("/sign-in")) {
            browser.get(console + "/sign-in");
        }
        WebElement field = browser.findElement(By.id("handle"));
        field.clear();
        field.sendKeys(account.handle());
        browser.findElement(By.id("password")).sendKeys(account.password());
        browser.findElement(By.id("sign-in")).click();
        assertThat(text(By.id("me"))).isEqualTo(handle);
    }

    /**
     * The live parts of a page (the queue, the incident room) are replaced whenever an event arrives, so an element
     * found a moment ago may be gone: every wait looks again instead of failing on a stale element.
     */
    private ConditionFactory eventually(String what) {
        return await(what).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class);
    }

    /** The text of the element once the page has it, read again if the live page replaced it meanwhile. */
    private String text(By locator) {
        return eventually("the text of " + locator).ignoreExceptionsInstanceOf(NoSuchElementException.class)
                .until(() -> browser.findElement(locator).getText(), text -> true);
    }

    /** Clicks {@code target} inside {@code container}, looking both up again if the live page replaced them. */
    private void click(By container, By target) {
        eventually("a click on " + target + " in " + container).until(() -> {
            browser.findElement(container).findElement(target).click();
            return true;
        });
    }

    /** The element, once the page that has it has loaded (a click that posts a form returns before that). */
    private WebElement shown(By locator) {
        return await("the page shows " + locator).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> browser.findElement(locator), element -> element != null);
    }

    private void delegate(String title, String assignee) {
        shown(By.id("task-title")).sendKeys(title);
        browser.findElement(By.id("task-assignee")).sendKeys(assignee);
        browser.findElement(By.id("delegate")).click();
    }

    /** axe-core finds no serious or critical violation on the page; then a screenshot of it. */
    @SuppressWarnings("unchecked")
    private void check(String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r), e => done({error: String(e)}));");
        assertThat(results.get("error")).as("axe-core ran on %s", name).isNull();
        List<Map<String, Object>> serious = ((List<Map<String, Object>>) results.get("violations")).stream()
                .filter(v -> List.of("serious", "critical").contains(v.get("impact"))).toList();
        assertThat(serious).as("serious accessibility violations on %s: %s", name,
                serious.stream().map(v -> v.get("id") + ": " + v.get("help") + " " + v.get("nodes")).toList()).isEmpty();
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not keep the screenshot of " + name, e);
        }
    }

    private static String axeSource() {
        try (InputStream in = ConsoleBrowserIT.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("axe-core on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
