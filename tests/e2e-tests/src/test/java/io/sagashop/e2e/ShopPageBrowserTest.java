package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The customer's page in a real browser (Debian's Chromium), against the whole shop. */
@Tag("integration")
class ShopPageBrowserTest {

  private static LocalStack stack;
  private static ChromeDriver browser;

  @BeforeAll
  static void openBrowser() {
    stack = ShopStack.get();
    browser = Chromium.open();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void shouldRegisterSignInPlaceAnOrderSeeTheTransferInstructionsCancelItAndSignOutAtTheProviderToo() throws Exception {
    ShopClient shop = new ShopClient(stack);
    shop.put(ShopService.INVENTORY, "/products/cups-set/stock", Map.of("stock", 15));
    // another customer's order, which this customer must never see
    shop.placeOrder("someone-else-" + UUID.randomUUID().toString().substring(0, 8), "cups-set", 1);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get(stack.entryUrl().resolve("/").toString());

    // a visitor sees the catalog, and signs in, registering on the way
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#product option[value='cups-set']")));
    assertThat(browser.findElement(By.id("place")).isEnabled()).isFalse();
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("register-link"))).click();
    String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "a long password " + UUID.randomUUID();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("create-account")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registered")));
    browser.findElement(By.id("username")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.textToBe(By.id("customer-name"), name));
    assertThat(browser.getCurrentUrl()).isEqualTo(stack.entryUrl().resolve("/").toString());

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#product option[value='cups-set']")));
    new Select(browser.findElement(By.id("product"))).selectByValue("cups-set");
    WebElement quantity = browser.findElement(By.id("quantity"));
    quantity.clear();
    quantity.sendKeys("2");
    browser.findElement(By.cssSelector("#order-form button")).click();

    // the page updates by itself until the deposit is awaited, with the transfer instructions
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".order .status"), "Awaiting deposit"));
    WebElement reference = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".order .transfer-reference")));
    assertThat(reference.getText()).matches("SAGA-[2-9A-HJ-NP-Z]{11}");
    assertThat(browser.findElement(By.cssSelector(".order .transfer-amount")).getText()).isEqualTo("53.80");
    assertThat(browser.findElement(By.cssSelector(".order .steps li.current")).getText()).isEqualTo("Awaiting deposit");
    Chromium.screenshot(browser, "shop-page.png");

    // the page keeps updating, and leaves an unchanged order as it is: the reference the customer
    // is copying stays on the page (before, every refresh redrew every card)
    String updated = browser.findElement(By.id("refreshed")).getText();
    wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("refreshed"), updated)));
    assertThat(reference.getText()).matches("SAGA-[2-9A-HJ-NP-Z]{11}");

    browser.findElement(By.cssSelector(".order button.cancel")).click();

    wait.until(ExpectedConditions.textToBe(By.cssSelector(".order .status"), "Cancelled"));
    assertThat(browser.findElement(By.cssSelector(".order .cancelled")).getText()).contains("CUSTOMER_REQUEST");
    assertThat(browser.findElements(By.cssSelector(".order .transfer"))).allSatisfy(transfer -> assertThat(transfer.isDisplayed()).isFalse());
    // only this customer's own order is on the page
    assertThat(browser.findElements(By.cssSelector(".order"))).hasSize(1);

    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.textToBe(By.id("message"), "You are signed out."));
    assertThat(browser.getCurrentUrl()).isEqualTo(stack.entryUrl().resolve("/").toString());
    assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector(".order"))).isEmpty();
    assertThat(browser.executeScript("return sessionStorage.getItem('sagashop.token')")).isNull();

    // the provider's session ended too: the next "Sign in" on this browser asks for a password again
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
    assertThat(browser.getCurrentUrl()).startsWith(stack.url(ShopService.IDENTITY).resolve("/login").toString());
  }
}
