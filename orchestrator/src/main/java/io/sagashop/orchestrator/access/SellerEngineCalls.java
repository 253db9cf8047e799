package io.sagashop.orchestrator.access;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The calls of the engine REST API a seller may make, on either of its mounts: what Tasklist needs
 * to list, show, claim and complete the deposits to confirm, and nothing else. Camunda's own
 * permissions are too coarse for this: working on a task (TASK_WORK) also lets a person throw a BPMN
 * error or escalation through it with variables of her choosing, write any variable of its process,
 * and a job without a process definition (the history cleanup) is anybody's. A call not listed here
 * is refused, so a new endpoint of a new engine version is closed to sellers until someone opens it.
 *
 * <p>Paths are written as in Camunda's OpenAPI description, relative to the engine's root.
 */
final class SellerEngineCalls {

  /** Every call a seller may make, as (method, path below the engine's root). */
  static final List<Call> ALLOWED = List.of(
      // the engine and the person
      get("/engine"),
      get("/version"),
      get("/user/{id}/profile"),
      get("/group"),
      get("/identity/groups"),
      get("/authorization/check"),
      // Tasklist's filters (Camunda shows each person only the filters they may read)
      get("/filter"),
      // what she may do with filters (Tasklist asks, then offers no "create filter": she may not)
      new Call(HttpMethod.OPTIONS, "/filter", pattern("/filter")),
      get("/filter/count"),
      get("/filter/{id}"),
      get("/filter/{id}/list"),
      post("/filter/{id}/list"),
      get("/filter/{id}/count"),
      post("/filter/{id}/count"),
      // the tasks and what their card and form show
      get("/task"),
      post("/task"),
      get("/task/count"),
      post("/task/count"),
      get("/task/{id}"),
      get("/task/{id}/form"),
      get("/task/{id}/deployed-form"),
      get("/task/{id}/form-variables"),
      get("/task/{id}/variables"),
      get("/task/{id}/identity-links"),
      get("/task/{id}/comment"),
      get("/task/{id}/attachment"),
      get("/process-definition"),
      get("/process-definition/{id}"),
      get("/process-definition/{id}/xml"),
      // the work itself; what the bodies may say is checked by EngineApiGuard
      post("/task/{id}/claim"),
      post("/task/{id}/unclaim"),
      post("/task/{id}/complete"),
      post("/task/{id}/submit-form"));

  private SellerEngineCalls() {}

  static boolean admits(String method, String path) {
    return allowed(method, path).isPresent();
  }

  /** The listed call this request is, if it is one. */
  static Optional<Call> allowed(String method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    return ALLOWED.stream().filter(call -> call.method().matches(method) && call.pattern().matches(container)).findFirst();
  }

  record Call(HttpMethod method, String path, PathPattern pattern) {

    boolean is(HttpMethod method, String path) {
      return this.method.equals(method) && this.path.equals(path);
    }
  }

  private static Call get(String path) {
    return new Call(HttpMethod.GET, path, pattern(path));
  }

  private static Call post(String path) {
    return new Call(HttpMethod.POST, path, pattern(path));
  }

  /**
   * An id at the end of a path names one thing, and the engine's ids (numbers, UUIDs, {@code
   * order-saga:1:<uuid>}) all have a digit: {@code /process-definition/statistics} or {@code
   * /task/report} are other calls, which the engine routes before its {@code /{id}}.
   */
  private static PathPattern pattern(String path) {
    return PathPatternParser.defaultInstance.parse(path.endsWith("/{id}") ? path.replaceFirst("\\{id}$", "{id:.*[0-9].*}") : path);
  }
}
