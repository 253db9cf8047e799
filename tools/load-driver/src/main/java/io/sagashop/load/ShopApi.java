package io.sagashop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.stack.ShopPasswords;
import io.sagashop.stack.ShopService;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The shop's public HTTP APIs as its customers, its sellers (the engine REST API behind Tasklist)
 * and an operator (behind Cockpit) call them. Each customer registers and signs in once (as the page
 * does, {@link SignIn}) and reads and acts on their orders with their own token; the seller and the
 * operator sign in with their staff accounts. A call that reaches no server answers status 0, so
 * that the crowd can retry it as a real client would.
 */
public final class ShopApi {

  /** The process definition key of the order saga, as Cockpit and Tasklist show it. */
  static final String SAGA = "order-saga";
  /** The seller's task in the saga. */
  static final String CONFIRM_DEPOSIT = "Task_ConfirmDeposit";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final ShopAddress shop;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final SignIn signIn;
  /** Each signed-in person's token, by name; dropped when the shop answers 401, then signed in again. */
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> customerPasswords = new ConcurrentHashMap<>();
  /** Who placed which order: each order is read and acted on by its own customer. */
  private final Map<String, String> customerOf = new ConcurrentHashMap<>();

  public ShopApi(ShopAddress shop) {
    this.shop = shop;
    this.signIn = new SignIn(shop.url(ShopService.IDENTITY), shop.page());
  }

  /** An answer: its status (0 when no server answered), its JSON body, and how long the server asked to wait. */
  public record Answer(int status, JsonNode body, Optional<Duration> retryAfter) {

    boolean is(int expected) {
      return status == expected;
    }

    /** Overloaded, unavailable, or not reached: a client may try the same call again. */
    boolean isWorthRetrying() {
      return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    @Override
    public String toString() {
      return status == 0 ? "no answer (" + body.asText() + ")" : status + " " + body;
    }
  }

  // --- the customer

  /** The customer registers (on their first visit) and signs in, if they have no token yet: before they order, as on the page. */
  void signIn(String customerId) {
    tokens.computeIfAbsent(customerId, name -> customerToken(name));
  }

  Answer placeOrder(String customerId, String productId, int quantity, String idempotencyKey) {
    Answer placed = asCustomer(customerId, () -> post(ShopService.ORDER, "/orders", Map.of("productId", productId, "quantity", quantity))
        .header("Idempotency-Key", idempotencyKey));
    if (placed.is(201) || placed.is(200)) {
      customerOf.put(placed.body().path("orderId").asText(), customerId);
    }
    return placed;
  }

  /** The order as its customer sees it. */
  Answer order(String orderId) {
    return asCustomer(customerOf(orderId), () -> get(ShopService.ORDER, "/orders/" + orderId));
  }

  Answer cancel(String orderId) {
    return asCustomer(customerOf(orderId), () -> post(ShopService.ORDER, "/orders/" + orderId + "/cancellation", Map.of("reason", "changed my mind")));
  }

  Answer confirmReceipt(String orderId) {
    return asCustomer(customerOf(orderId), () -> post(ShopService.ORDER, "/orders/" + orderId + "/receipt", Map.of()));
  }

  // --- the seller

  Answer putProduct(String productId, String name, BigDecimal unitPrice) {
    return asSeller(() -> put(ShopService.INVENTORY, "/products/" + productId, Map.of("name", name, "unitPrice", unitPrice)));
  }

  Answer putStock(String productId, int stock) {
    return asSeller(() -> put(ShopService.INVENTORY, "/products/" + productId + "/stock", Map.of("stock", stock)));
  }

  /** The open "Confirm deposit" task of an order, as Tasklist lists it for the seller. */
  Answer depositTask(String orderId) {
    return asSeller(() -> get(ShopService.ORCHESTRATOR,
        "/engine-rest/task?taskDefinitionKey=" + CONFIRM_DEPOSIT + "&processInstanceBusinessKey=" + encode(orderId)));
  }

  Answer completeTask(String taskId) {
    return asSeller(() -> post(ShopService.ORCHESTRATOR, "/engine-rest/task/" + encode(taskId) + "/complete", Map.of()));
  }

  // --- what the operator reads behind the customers' backs, and sees in Cockpit

  Answer product(String productId) {
    return asOperator(() -> get(ShopService.INVENTORY, "/products/" + productId));
  }

  Answer payment(String orderId) {
    return asOperator(() -> get(ShopService.PAYMENT, "/payments/" + orderId));
  }

  Answer delivery(String orderId) {
    return asOperator(() -> get(ShopService.DELIVERY, "/deliveries/" + orderId));
  }

  /** Every saga instance (running or ended) of an order, from the engine's history. */
  Answer sagas(String orderId) {
    return asOperator(() -> get(ShopService.ORCHESTRATOR,
        "/engine-rest/history/process-instance?processDefinitionKey=" + SAGA + "&processInstanceBusinessKey=" + encode(orderId)));
  }

  /** Every incident (open or resolved) a saga instance raised. */
  Answer incidents(String processInstanceId) {
    return asOperator(() -> get(ShopService.ORCHESTRATOR, "/engine-rest/history/incident?processInstanceId=" + encode(processInstanceId)));
  }

  /** The incidents a saga instance has open now, as Cockpit lists them. */
  Answer openIncidents(String processInstanceId) {
    return asOperator(() -> get(ShopService.ORCHESTRATOR, "/engine-rest/incident?processInstanceId=" + encode(processInstanceId)));
  }

  /** What an operator does in Cockpit with "Retry" on a failed job: one more attempt. */
  Answer retryJob(String jobId) {
    return asOperator(() -> put(ShopService.ORCHESTRATOR, "/engine-rest/job/" + encode(jobId) + "/retries", Map.of("retries", 1)));
  }

  /** The operator's rebuild of the order view from the topics (see the runbook). */
  Answer rebuildOrderView() {
    return asOperator(() -> post(ShopService.ORDER, "/internal/order-view/rebuild", Map.of()));
  }

  /** The saga's deployed versions, oldest first, as Cockpit lists them. */
  Answer sagaVersions() {
    return asOperator(() -> get(ShopService.ORCHESTRATOR, "/engine-rest/process-definition?key=" + SAGA + "&sortBy=version&sortOrder=asc"));
  }

  /** How many sagas of a version wait at each activity (Cockpit's numbers on the diagram). */
  Answer waitingSagas(String definitionId) {
    return asOperator(() -> get(ShopService.ORCHESTRATOR, "/engine-rest/process-definition/" + encode(definitionId) + "/statistics"));
  }

  /** The times a saga passed one activity, from the engine's history. */
  Answer passed(String sagaId, String activityId) {
    return asOperator(() -> get(ShopService.ORCHESTRATOR,
        "/engine-rest/history/activity-instance?processInstanceId=" + encode(sagaId) + "&activityId=" + encode(activityId)));
  }

  /** The operator's dry run of a migration of the open sagas to the version the running orchestrators deploy. */
  Answer previewMigration(Optional<Integer> from) {
    return asOperator(() -> post(ShopService.ORCHESTRATOR, "/internal/saga/migrations/preview" + fromVersion(from), Map.of()));
  }

  /** The operator starts the migration: a batch per older version for the sagas its dry run found movable. */
  Answer startMigration(Optional<Integer> from) {
    return asOperator(() -> post(ShopService.ORCHESTRATOR, "/internal/saga/migrations" + fromVersion(from), Map.of()));
  }

  /** Sagas of this version alone (the undo names the newer version); otherwise those of every older one. */
  private static String fromVersion(Optional<Integer> from) {
    return from.map(version -> "?from=" + version).orElse("");
  }

  Answer migrationBatch(String batchId) {
    return asOperator(() -> get(ShopService.ORCHESTRATOR, "/internal/saga/migrations/" + encode(batchId)));
  }

  // --- who calls

  private String customerOf(String orderId) {
    String customer = customerOf.get(orderId);
    if (customer == null) {
      throw new IllegalArgumentException("Order " + orderId + " was not placed through this client: whose is it?");
    }
    return customer;
  }

  /** A customer registers on first use, with a password of their own. */
  private Answer asCustomer(String customerId, Supplier<HttpRequest.Builder> request) {
    return withToken(customerId, () -> customerToken(customerId), request);
  }

  private String customerToken(String customerId) {
    String password = customerPasswords.computeIfAbsent(customerId, name -> ShopPasswords.generate() + ShopPasswords.generate());
    signIn.register(customerId, password);
    return signIn.accessToken(customerId, password);
  }

  private Answer asStaff(String name, String password, Supplier<HttpRequest.Builder> request) {
    return withToken(name, () -> signIn.accessToken(name, password), request);
  }

  private Answer asOperator(Supplier<HttpRequest.Builder> request) {
    return asStaff("admin", shop.passwords().admin(), request);
  }

  /** The seller: catalog changes, and Tasklist's calls (the engine REST API takes their token and group). */
  private Answer asSeller(Supplier<HttpRequest.Builder> request) {
    return asStaff("seller", shop.passwords().seller(), request);
  }

  /** With the person's token; a 401 (the token expired) signs them in again, once. */
  private Answer withToken(String name, Supplier<String> signedIn, Supplier<HttpRequest.Builder> request) {
    Answer answer = send(request.get().header("Authorization", "Bearer " + tokens.computeIfAbsent(name, person -> signedIn.get())));
    if (answer.is(401)) {
      tokens.remove(name);
      answer = send(request.get().header("Authorization", "Bearer " + tokens.computeIfAbsent(name, person -> signedIn.get())));
    }
    return answer;
  }

  // --- plumbing

  private HttpRequest.Builder get(ShopService service, String path) {
    return HttpRequest.newBuilder(uri(service, path)).GET();
  }

  private HttpRequest.Builder post(ShopService service, String path, Object body) {
    return HttpRequest.newBuilder(uri(service, path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body)));
  }

  private HttpRequest.Builder put(ShopService service, String path, Object body) {
    return HttpRequest.newBuilder(uri(service, path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body)));
  }

  private URI uri(ShopService service, String path) {
    return shop.uri(service, path);
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Answer(
          response.statusCode(),
          body == null || body.isBlank() ? JSON.nullNode() : readOrText(body),
          response.headers().firstValue("Retry-After").flatMap(ShopApi::seconds));
    } catch (IOException e) {
      return new Answer(0, JSON.getNodeFactory().textNode(String.valueOf(e.getMessage())), Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling the shop", e);
    }
  }

  private static JsonNode readOrText(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(body);
    }
  }

  private static Optional<Duration> seconds(String header) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    } catch (NumberFormatException httpDate) {
      return Optional.empty();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
