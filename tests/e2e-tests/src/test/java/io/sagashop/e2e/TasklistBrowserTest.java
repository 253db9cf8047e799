package io.sagashop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sagashop.stack.LocalStack;
import io.sagashop.stack.ShopService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seller's day in Tasklist, in a real browser: sign in at the shop's identity provider, open
 * the sellers' filter, see the deposit form with the order's facts, claim and complete the task;
 * and the order moves on to its delivery; log out, and the next visitor must sign in again.
 */
@Tag("integration")
class TasklistBrowserTest {

  private static final String FILTER = "Deposits to confirm";
  /** identity-service's default name of its seller (SAGASHOP_SELLER_GIVEN_NAME, SAGASHOP_SELLER_FAMILY_NAME). */
  private static final String SELLERS_NAME = "Shop Seller";
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
  void shouldLetTheSellerSignInOpenHerFilterSeeTheOrderClaimAndConfirmTheDeposit() throws Exception {
    // Given a customer's order waiting for its deposit
    ShopClient shop = new ShopClient(stack);
    shop.put(ShopService.INVENTORY, "/products/teapot-kyusu/stock", Map.of("stock", 20));
    String orderId = shop.placeOrder("tasklist-" + UUID.randomUUID().toString().substring(0, 8), "teapot-kyusu", 1);
    String taskId = shop.awaitDepositTask(orderId).path("id").asText();
    String transferReference = shop.get(ShopService.PAYMENT, "/payments/" + orderId).body().path("transferReference").asText();
    // Tasklist's Angular redraws the form while it loads: an input read a moment ago may be gone
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.ignoring(StaleElementReferenceException.class);

    // When the seller opens Tasklist, she signs in at the shop's identity provider
    browser.get(stack.entryUrl().resolve("/camunda/app/tasklist/default/").toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("seller");
    assertThat(browser.getCurrentUrl()).startsWith(stack.url(ShopService.IDENTITY).toString());
    browser.findElement(By.id("password")).sendKeys(stack.passwords().seller());
    browser.findElement(By.id("sign-in")).click();

    // and is back in Tasklist, where she opens the sellers' filter
    WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='" + FILTER + "']")));
    assertThat(browser.getCurrentUrl()).startsWith(stack.entryUrl().resolve("/camunda/app/tasklist/").toString());
    // greeted by the name the provider gives her (before: "null null")
    wait.until(driver -> driver.findElement(By.cssSelector("li.account .dropdown-toggle")).getText().contains(SELLERS_NAME));
    filter.click();
    wait.until(ExpectedConditions.urlContains("filter="));
    String filterId = browser.getCurrentUrl().replaceAll(".*filter=([^&]+).*", "$1");

    // and the order's task in it: the deposit form shows the order's facts
    browser.get(stack.entryUrl().resolve("/camunda/app/tasklist/default/#/?filter=" + filterId + "&task=" + taskId).toString());
    var order = shop.order(orderId);
    List<String> orderFacts = List.of(orderId, order.path("productName").asText(), order.path("amount").decimalValue().setScale(2).toPlainString(), transferReference);
    wait.until(driver -> inputValues().containsAll(orderFacts));
    Chromium.screenshot(browser, "tasklist-confirm-deposit.png");

    // When she claims the task and completes it
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[self::button or self::a][normalize-space()='Claim']"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']"))).click();

    // Then the task is done and the goods leave the warehouse
    shop.awaitStatus(orderId, "IN_DELIVERY");
    assertThat(shop.asSeller("GET", "/task?processInstanceBusinessKey=" + orderId, null).body()).isEmpty();

    // When she logs out of Tasklist, the provider's session ends too: whoever opens Tasklist next
    // on this browser is asked for a password (before, the provider signed her straight back in)
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account .dropdown-toggle"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
    wait.until(driver -> atTheProvidersPasswordForm());
    browser.get(stack.entryUrl().resolve("/camunda/app/tasklist/default/").toString());
    wait.until(driver -> atTheProvidersPasswordForm());
  }

  private static boolean atTheProvidersPasswordForm() {
    return browser.getCurrentUrl().startsWith(stack.url(ShopService.IDENTITY).toString()) && !browser.findElements(By.id("password")).isEmpty();
  }

  private static List<String> inputValues() {
    return browser.findElements(By.cssSelector("input")).stream().map(input -> input.getDomProperty("value")).toList();
  }
}
