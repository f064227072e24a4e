package io.tracedoc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a person sees in a real browser: Debian's headless Chromium, driven by Selenium,
 * against the running service. Skipped where Chromium and its driver are not installed
 * (CI installs them). Screenshots go to {@code target/screenshots}.
 */
@WebApplicationTest
class BrowserTests {

	private static final Path EXAMPLES = Path.of("../grammar/src/test/resources/examples");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	@LocalServerPort
	private int port;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser(@TempDir Path profile) {
		Optional<Path> chromium = binary("chromium.binary", "chromium");
		Optional<Path> driver = binary("chromedriver.binary", "chromedriver");
		assumeTrue(chromium.isPresent() && driver.isPresent(), "Debian's chromium and chromium-driver are needed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.get().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,800", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void closeBrowser(TestInfo test) throws IOException {
		if (this.browser != null) {
			screenshot(test.getTestMethod().orElseThrow().getName() + "-end");
			this.browser.quit();
		}
	}

	@Test
	void pastesTheSecretsForbiddenSeedAndFollowsTheEvidenceToItsLine() throws IOException {
		this.browser.get(url("/"));
		this.browser.findElement(By.id("log"))
			.sendKeys(Files.readString(EXAMPLES.resolve("seed-000-secrets-forbidden-ui-copy.log")));
		this.browser.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/d/[a-z2-9]{12}$"));
		assertThat(this.browser.findElement(By.id("verdict-category")).getText()).isEqualTo("k8s-rbac-forbidden");
		String roleBinding = this.browser
			.findElement(By.cssSelector("#verdict article.snippet[data-kind=kubernetes-yaml] pre"))
			.getText();
		assertThat(roleBinding).contains("kind: RoleBinding", "namespace: cicd", "name: default");
		assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
			.as("the page fits the window's width: long final error lines wrap")
			.isEqualTo(true);
		screenshot("diagnosis");

		WebElement evidence = this.browser.findElement(By.cssSelector("#verdict .evidence a.line-link[data-line='9']"));
		evidence.click();
		this.wait.until(ExpectedConditions.urlContains("#L9"));
		WebElement line = this.browser.findElement(By.id("L9"));
		assertThat(line.getDomAttribute("class")).contains("evidence");
		assertThat(script("return document.querySelector(':target').id")).isEqualTo("L9");
		this.wait.until((browser) -> Boolean.TRUE.equals(script(
				"var r = document.getElementById('L9').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;")));
		assertThat(line.getText()).contains("secrets is forbidden");
		screenshot("evidence");

		WebElement copy = this.browser
			.findElement(By.cssSelector("#verdict article.snippet[data-kind=kubernetes-yaml] .copy"));
		copy.click();
		this.wait.until((browser) -> !copy.getText().equals("Copy"));
	}

	@Test
	void uploadsARawTraceAndCollapsesItsSections() throws IOException {
		this.browser.get(url("/"));
		this.browser.findElement(By.id("file"))
			.sendKeys(EXAMPLES.resolve("k8s-17-user-sections-collapsed.log").toAbsolutePath().normalize().toString());
		this.browser.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/d/[a-z2-9]{12}$"));

		// deps was written with collapsed=true: its header shows, its lines do not
		assertThat(row(20).isDisplayed()).isTrue();
		assertThat(row(21).isDisplayed()).isFalse();
		assertThat(row(25).isDisplayed()).isFalse();
		WebElement deps = toggle(20);
		assertThat(deps.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(row(20).findElement(By.className("duration")).getText()).isEqualTo("00:05");
		deps.click();
		assertThat(row(21).isDisplayed()).isTrue();
		assertThat(deps.getDomAttribute("aria-expanded")).isEqualTo("true");
		deps.click();
		assertThat(row(21).isDisplayed()).isFalse();

		// collapsing step_script hides everything in it, nested sections included
		toggle(18).click();
		assertThat(row(18).isDisplayed()).isTrue();
		assertThat(row(19).isDisplayed()).isFalse();
		assertThat(row(20).isDisplayed()).isFalse();
		toggle(18).click();
		assertThat(row(19).isDisplayed()).isTrue();

		// colours come from the runner's escapes
		WebElement fetching = row(13).findElement(By.cssSelector(".text span"));
		assertThat(fetching.getDomAttribute("class")).isEqualTo("t-fg-2 t-bold");
		assertThat(fetching.getCssValue("color")).isEqualTo("rgba(138, 226, 52, 1)");
		screenshot("sections");

		// the next page comes as JSON and keeps deps collapsed
		this.browser.findElement(By.cssSelector("a.load[data-load=next]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("L37")));
		assertThat(row(27).isDisplayed()).isFalse();
		assertThat(row(33).isDisplayed()).isTrue();
		assertThat(row(36).findElement(By.cssSelector(".text span")).getDomAttribute("class"))
			.isEqualTo("t-fg-6 t-bold");
		assertThat(this.browser.findElement(By.cssSelector("#log .range")).getText())
			.isEqualTo("lines 1–37, 37 in all");
		assertThat(this.browser.findElements(By.cssSelector("a.load[data-load=next]")))
			.allSatisfy((link) -> assertThat(link.isDisplayed()).isFalse());
	}

	@Test
	void keepsAHostileLogInertInThePageAndInTheLinesLoadedLater(@TempDir Path directory) throws IOException {
		StringBuilder log = new StringBuilder("Running with gitlab-runner 17.5.0 (abc)\n");
		for (int i = 0; i < 30; i++) {
			log.append("filler line ").append(i).append('\n');
		}
		List<String> payloads = List.of("<script>window.pwned = 'script'</script>",
				"<img src=x onerror=\"window.pwned = 'img'\">", "<svg onload=\"window.pwned = 'svg'\"></svg>",
				"\"><iframe src=\"javascript:window.parent.pwned = 'iframe'\"></iframe>",
				"\u001b[31;1m<b onmouseover=\"window.pwned = 'ansi'\">red</b>\u001b[0m");
		payloads.forEach((payload) -> log.append(payload).append('\n'));
		log.append("ERROR: Job failed: <script>window.pwned = 'final'</script> exit code 1\n");
		Path file = directory.resolve("hostile.log");
		Files.writeString(file, log, StandardCharsets.UTF_8);

		this.browser.get(url("/"));
		this.browser.findElement(By.id("file")).sendKeys(file.toString());
		this.browser.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlMatches("/d/[a-z2-9]{12}$"));
		this.browser.findElement(By.cssSelector("a.load[data-load=next]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("L37")));

		assertThat(script("return window.pwned === undefined")).isEqualTo(true);
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> this.browser.switchTo().alert());
		assertThat(script("return document.querySelectorAll('#log-lines script, #log-lines img, #log-lines svg, "
				+ "#log-lines iframe, #log-lines b, #verdict script, #decisive img').length"))
			.isEqualTo(0L);
		assertThat(row(32).getText()).contains("<script>window.pwned = 'script'</script>");
		assertThat(row(33).getText()).contains("<img src=x onerror=");
		assertThat(row(36).findElement(By.cssSelector(".text span")).getDomAttribute("class"))
			.isEqualTo("t-fg-1 t-bold");
		assertThat(this.browser.findElement(By.tagName("body")).getText())
			.contains("<script>window.pwned = 'final'</script>");

		// and were markup ever injected, the Content-Security-Policy would not run its
		// handlers
		script("document.body.insertAdjacentHTML('beforeend', '<img id=\"probe\" src=\"x\" onerror=\"window.pwned = 1\">')");
		this.wait.until((browser) -> Boolean.TRUE
			.equals(script("var i = document.getElementById('probe'); " + "return i.complete")));
		assertThat(script("return window.pwned === undefined")).isEqualTo(true);
		screenshot("hostile");
	}

	@Test
	void showsTheErrorPageForAnUnreadableUpload(@TempDir Path directory) throws IOException {
		Path archive = directory.resolve("job.log.gz");
		Files.write(archive, new byte[] { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3 });
		this.browser.get(url("/"));
		this.browser.findElement(By.id("file")).sendKeys(archive.toString());
		this.browser.findElement(By.cssSelector("#diagnose-form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error-page h1")));
		assertThat(this.browser.findElement(By.cssSelector(".error-page h1")).getText()).isEqualTo("Not a text log");
		assertThat(this.browser.findElement(By.cssSelector(".error-page .detail")).getText()).contains("gzip archive",
				"unpack it");
		assertThat(this.browser.getPageSource()).doesNotContain("Exception", "at io.tracedoc");
	}

	private WebElement row(int number) {
		return this.browser.findElement(By.id("L" + number));
	}

	private WebElement toggle(int number) {
		return row(number).findElement(By.className("toggle"));
	}

	private Object script(String script) {
		return ((JavascriptExecutor) this.browser).executeScript(script);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	/** A binary named by a system property, or found on the PATH. */
	private static Optional<Path> binary(String property, String name) {
		String configured = System.getProperty(property);
		if (configured != null) {
			return Optional.of(Path.of(configured)).filter(Files::isExecutable);
		}
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
