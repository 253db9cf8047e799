package io.sagashop.orchestrator.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sagashop.orchestrator.saga.SameValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Stands in front of both mounts of the engine REST API ({@code /engine-rest} for bearer tokens,
 * {@code /camunda/api/engine} for Cockpit, Tasklist and Admin): operators pass, sellers make only
 * the calls of {@link SellerEngineCalls}, and anybody else none. Of a seller's calls it also reads
 * what the engine's permissions cannot tell apart: she claims a task for herself only, and completes
 * one with no variable but the fields of her form, sent back unchanged. Refusals answer 403
 * problem+json naming the call or the variable, and are logged with who tried.
 */
final class EngineApiGuard extends OncePerRequestFilter {

  static final URI REFUSED = URI.create("/problems/staff-call-refused");
  private static final int MAX_BODY = 64 * 1024;
  private static final Logger log = LoggerFactory.getLogger(EngineApiGuard.class);
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  private final TaskService tasks;
  private final ObjectMapper json;
  private final String webappsApi;
  private final Set<String> formFields;

  EngineApiGuard(TaskService tasks, ObjectMapper json, String webapps) {
    this.tasks = tasks;
    this.json = json;
    this.webappsApi = webapps + "/api/engine";
    this.formFields = ConfirmDepositForm.fields(json);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    StaffCaller caller = StaffCaller.of(SecurityContextHolder.getContext().getAuthentication());
    if (caller.isOperator()) {
      chain.doFilter(request, response);
      return;
    }
    String path = belowEngineRoot(PATHS.getPathWithinApplication(request)).orElse(null);
    Optional<SellerEngineCalls.Call> call =
        caller.isSeller() && path != null ? SellerEngineCalls.allowed(request.getMethod(), path) : Optional.empty();
    if (call.isEmpty()) {
      refuse(request, response, caller, "A seller may read and work on the deposits to confirm (claim, unclaim, complete) and"
          + " nothing else of the engine: " + request.getMethod() + " " + path + " is not one of those calls.");
      return;
    }
    if (call.get().is(HttpMethod.POST, "/task/{id}/claim")
        || call.get().is(HttpMethod.POST, "/task/{id}/complete")
        || call.get().is(HttpMethod.POST, "/task/{id}/submit-form")) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      String taskId = call.get().pattern().matchAndExtract(PathContainer.parsePath(path)).getUriVariables().get("id");
      Optional<String> wrong = call.get().path().endsWith("/claim") ? claimedForAnother(body, caller) : variableBeyondTheForm(body, taskId);
      if (wrong.isPresent()) {
        refuse(request, response, caller, wrong.get());
        return;
      }
      chain.doFilter(new ReadBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** The call below the engine's root ({@code /task/42/claim}) on either mount, also for a named engine. */
  Optional<String> belowEngineRoot(String path) {
    for (String mount : new String[] {"/engine-rest", webappsApi}) {
      if (!path.startsWith(mount + "/")) {
        continue;
      }
      String call = path.substring(mount.length());
      if (call.equals("/engine") || call.equals("/engine/")) {
        return Optional.of("/engine");
      }
      if (call.startsWith("/engine/")) {
        int next = call.indexOf('/', "/engine/".length());
        return next < 0 ? Optional.empty() : Optional.of(call.substring(next));
      }
      return mount.equals(webappsApi) ? Optional.empty() : Optional.of(call);
    }
    return Optional.empty();
  }

  private Optional<String> claimedForAnother(byte[] body, StaffCaller caller) {
    JsonNode claim = read(body);
    if (claim == null) {
      return Optional.of("The claim is not a JSON object of at most " + MAX_BODY + " bytes.");
    }
    String userId = claim.path("userId").asText(null);
    return Objects.equals(userId, caller.name()) ? Optional.empty() : Optional.of("A seller claims a task for herself only (userId " + caller.name() + ").");
  }

  private Optional<String> variableBeyondTheForm(byte[] body, String taskId) {
    JsonNode completion = body.length == 0 ? json.createObjectNode() : read(body);
    if (completion == null) {
      return Optional.of("The completion is not a JSON object of at most " + MAX_BODY + " bytes.");
    }
    JsonNode variables = completion.path("variables");
    if (variables.isMissingNode() || variables.isNull() || variables.isEmpty()) {
      return Optional.empty();
    }
    VariableMap current = null;
    for (Iterator<Map.Entry<String, JsonNode>> sent = variables.fields(); sent.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = sent.next();
      if (!formFields.contains(variable.getKey())) {
        return Optional.of("A seller completes Confirm deposit without variables, or with the fields of its form " + formFields
            + " unchanged: " + variable.getKey() + " is not one of them.");
      }
      if (current == null) {
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
          // no such task: the engine answers for itself
          return Optional.empty();
        }
        current = tasks.getVariablesTyped(taskId);
      }
      if (!sameValue(current.get(variable.getKey()), variable.getValue().path("value"))) {
        return Optional.of("A seller completes Confirm deposit without changing the order: the form's field " + variable.getKey()
            + " must be sent back as it is.");
      }
    }
    return Optional.empty();
  }

  /** The same value, whatever its type: numbers (or number-like texts, as the amount) by value, anything else by its text. */
  private static boolean sameValue(Object current, JsonNode sent) {
    if (current == null || sent.isNull() || sent.isMissingNode()) {
      return current == null && (sent.isNull() || sent.isMissingNode());
    }
    if (!sent.isValueNode()) {
      return false;
    }
    return SameValue.asText(current, sent.asText());
  }

  private JsonNode read(byte[] body) {
    if (body.length > MAX_BODY) {
      return null;
    }
    try {
      JsonNode node = json.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, StaffCaller caller, String detail)
      throws IOException {
    log.warn("Refused {} {} to {} (groups {}): {}", request.getMethod(), request.getRequestURI(), caller.name(), caller.groups(), detail);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
    problem.setTitle("Not allowed");
    problem.setType(REFUSED);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** The request with its body read once here, for the engine to read again. */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
