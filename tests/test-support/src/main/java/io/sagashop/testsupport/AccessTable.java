package io.sagashop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what in one service, tried with every kind of caller the shop knows on every endpoint
 * the service maps, in a {@code @WebMvcTest} slice with the service's real security (the platform's
 * token checks and the service's {@code EndpointRules}). A caller the table lets through must get
 * past the rules (neither 401 nor 403); every other caller is refused with a problem: 401 when it has
 * no token of the shop (none, another issuer's, another application's), 403 otherwise. An endpoint
 * the service maps that has no row fails the table, so a new endpoint cannot go out unconsidered; a
 * path no rule names is refused to everybody.
 */
public final class AccessTable {

  /** Every kind of caller: people of each role, services with each scope of the shop, and impostors. */
  public static final List<String> CALLERS = List.of(
      "anonymous", "foreign", "other-application", "customer", "seller", "operator", "service:",
      "service:orders", "service:orders.saga", "service:payments.saga", "service:stock.saga",
      "service:deliveries.read", "service:saga.requests", "service:catalog.read");

  private static final Set<String> WITHOUT_SHOP_TOKEN = Set.of("anonymous", "foreign", "other-application");
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

  private final Map<String, Set<String>> rows = new LinkedHashMap<>();
  private final Set<String> resources = new LinkedHashSet<>();
  private final Map<String, String> pathValues = new LinkedHashMap<>();

  private AccessTable() {}

  public static AccessTable of() {
    return new AccessTable();
  }

  /** {@code endpoint} as "METHOD /path/{variable}", as the controller maps it; {@code callers} from {@link #CALLERS}. */
  public AccessTable allow(String endpoint, String... callers) {
    Set<String> allowed = new LinkedHashSet<>(List.of(callers));
    assertThat(CALLERS).as("callers of %s", endpoint).containsAll(allowed);
    assertThat(allowed).as("%s: a caller without the shop's token can only be refused", endpoint)
        .doesNotContain("foreign", "other-application");
    assertThat(rows.put(endpoint, allowed)).as("%s has two rows", endpoint).isNull();
    return this;
  }

  /** An endpoint open to every visitor: anybody but a caller with a token the shop did not issue for itself. */
  public AccessTable open(String endpoint) {
    return allow(endpoint, CALLERS.stream().filter(caller -> !caller.equals("foreign") && !caller.equals("other-application")).toArray(String[]::new));
  }

  /** An open row for what no controller maps (a static file of the page): tried like the others. */
  public AccessTable openResource(String endpoint) {
    resources.add(endpoint);
    return open(endpoint);
  }

  /** The value a path variable takes in the calls (a random UUID by default). */
  public AccessTable pathValue(String variable, String value) {
    pathValues.put(variable, value);
    return this;
  }

  /** Every row with every caller, the service's mapped endpoints against the rows, and a path nobody maps. */
  public void assertHolds(MockMvc mvc, RequestMappingHandlerMapping mappings) {
    Set<String> mapped = mappedEndpoints(mappings);
    Set<String> listed = new TreeSet<>(rows.keySet());
    listed.removeAll(resources);
    assertThat(listed).as("the access table's rows are the service's endpoints").isEqualTo(mapped);

    SoftAssertions softly = new SoftAssertions();
    Map<String, Set<String>> tried = new LinkedHashMap<>(rows);
    tried.put("GET /somewhere-nobody-maps", Set.of());
    tried.put("POST /somewhere-nobody-maps", Set.of());
    tried.forEach((endpoint, allowed) -> {
      for (String caller : CALLERS) {
        Answer answer = call(mvc, endpoint, caller);
        if (allowed.contains(caller)) {
          softly.assertThat(answer.status()).as("%s as %s is let through: %s", endpoint, caller, answer.body()).isNotIn(401, 403);
        } else {
          int refusal = WITHOUT_SHOP_TOKEN.contains(caller) ? 401 : 403;
          softly.assertThat(answer.status()).as("%s as %s is refused: %s", endpoint, caller, answer.body()).isEqualTo(refusal);
          softly.assertThat(answer.contentType()).as("%s as %s is refused with a problem", endpoint, caller)
              .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
      }
    });
    softly.assertAll();
  }

  private Answer call(MockMvc mvc, String endpoint, String caller) {
    String[] methodAndPath = endpoint.split(" ", 2);
    HttpMethod method = HttpMethod.valueOf(methodAndPath[0]);
    MockHttpServletRequestBuilder call = request(method, withValues(methodAndPath[1]));
    String token = TestIdentity.caller(caller);
    if (token != null) {
      call.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    if (method == HttpMethod.POST || method == HttpMethod.PUT) {
      call.contentType(MediaType.APPLICATION_JSON).content("{}");
    }
    try {
      MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
      String body = response.getContentAsString();
      return new Answer(response.getStatus(), response.getContentType(), body.substring(0, Math.min(body.length(), 300)));
    } catch (ServletException reachedTheController) {
      // An exception no advice answers: the call got past the rules and the controller's mocks did not
      // make sense of it. Only whether it got past is judged here.
      return new Answer(500, null, reachedTheController.toString());
    } catch (Exception e) {
      throw new IllegalStateException(endpoint + " as " + caller, e);
    }
  }

  private String withValues(String path) {
    Matcher variables = PATH_VARIABLE.matcher(path);
    StringBuilder filled = new StringBuilder();
    while (variables.find()) {
      String value = pathValues.getOrDefault(variables.group(1), UUID.randomUUID().toString());
      variables.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    variables.appendTail(filled);
    return filled.toString();
  }

  private static Set<String> mappedEndpoints(RequestMappingHandlerMapping mappings) {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      List<String> methods = new ArrayList<>();
      info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methods::add);
      for (String pattern : info.getPatternValues()) {
        if (pattern.equals("/error")) {
          continue; // Spring Boot's error page, open in every service (platform's SecurityAutoConfiguration)
        }
        assertThat(methods).as("%s maps every HTTP method: name the ones it takes", pattern).isNotEmpty();
        methods.forEach(method -> endpoints.add(method + " " + pattern));
      }
    }
    return endpoints;
  }

  private record Answer(int status, String contentType, String body) {}
}
