package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, for the tests that use the shop as people do: its own cookies, no network beyond the machine. */
final class Chromium {

  private static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  static ChromeDriver open() {
    assertThat(BINARY).as("Chromium for the browser tests: apt-get install chromium chromium-driver (./sagashop test does)").isExecutable();
    assertThat(DRIVER).as("chromedriver for the browser tests: apt-get install chromium-driver (./sagashop test does)").isExecutable();
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(BINARY.toFile())
            .addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1100,1200");
    return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
  }

  /** Kept in target/screenshots for a look at what the person saw; the README's pictures come from here. */
  static void screenshot(ChromeDriver browser, String name) throws IOException {
    Path target = Path.of("target", "screenshots");
    Files.createDirectories(target);
    Files.write(target.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }
}
