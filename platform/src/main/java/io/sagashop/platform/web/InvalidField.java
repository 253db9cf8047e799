package io.sagashop.platform.web;

import java.util.List;
import org.springframework.http.ProblemDetail;

/**
 * One entry of a problem's {@code errors}: the field at fault, by the name the client sent it
 * under (a JSON path, a query parameter, a header), and what is wrong with it. Every service's
 * problems carry their fields this way, so a client reads them one way.
 */
public record InvalidField(String field, String message) {

  /** Sets the problem's {@code errors} to these fields. */
  public static ProblemDetail on(ProblemDetail problem, List<InvalidField> fields) {
    problem.setProperty("errors", List.copyOf(fields));
    return problem;
  }

  /** Sets the problem's {@code errors} to this one field. */
  public static ProblemDetail on(ProblemDetail problem, String field, String message) {
    return on(problem, List.of(new InvalidField(field, message)));
  }
}
