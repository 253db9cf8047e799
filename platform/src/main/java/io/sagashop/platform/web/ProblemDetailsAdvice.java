package io.sagashop.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad input answers as {@code application/problem+json} that names the field at fault, in an
 * {@code errors} list of {@code {field, message}}, so a client can show it next to the input.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  /** Spring Security's code for a token endpoint that did not answer (I/O error, no valid response). */
  private static final String TOKEN_ENDPOINT_UNREACHABLE = "invalid_token_response";

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidField> errors =
        ex.getBindingResult().getFieldErrors().stream().map(ProblemDetailsAdvice::error).toList();
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields: " + fieldNames(errors), errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    // a request body's fields, by their names in the JSON
    ex.getBeanResults().forEach(body -> body.getFieldErrors().forEach(error -> errors.add(error(error))));
    // query parameters and headers, by the names the client sent
    ex.getValueResults().forEach(value -> value.getResolvableErrors().forEach(error -> errors.add(
        new InvalidField(clientName(value.getMethodParameter()), String.valueOf(error.getDefaultMessage())))));
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields: " + fieldNames(errors), errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBodyLimit.RequestBodyTooLargeException tooLarge) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(RequestBodyLimit.problem(tooLarge.limit(), -1, null));
      }
    }
    if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      String message =
          mismatch instanceof InvalidFormatException invalid
              ? "'" + invalid.getValue() + "' is not a valid " + invalid.getTargetType().getSimpleName()
              : "has the wrong type";
      return problem(HttpStatus.BAD_REQUEST, "The field " + field + " " + message + ".",
          List.of(new InvalidField(field, message)));
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON.", List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
    String message = "'" + ex.getValue() + "' is not a valid " + ex.getRequiredType().getSimpleName();
    return problem(HttpStatus.BAD_REQUEST, "The parameter " + ex.getName() + " " + message + ".",
        List.of(new InvalidField(ex.getName(), message)));
  }

  /**
   * The service's own database cannot be reached (restarting, failing over): a passing state, not a
   * bug, so 503 with Retry-After like any dependency that is down; the transaction was rolled back.
   */
  @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
  ErrorResponse handleDatabaseUnavailable(Exception ex) {
    return new DependencyUnavailableException("The service's database cannot be reached; nothing was stored.", ex);
  }

  /**
   * The connection broke inside a transaction, so even its rollback failed: PostgreSQL dropped the
   * transaction with the connection. Anything else of these kinds is a bug and stays a 500.
   */
  @ExceptionHandler({UncategorizedDataAccessException.class, TransactionSystemException.class})
  ErrorResponse handleConnectionLostMidway(Exception ex) throws Exception {
    if (!ConnectionLoss.causedBy(ex)) {
      throw ex; // Spring passes the very same exception on, to the default 500 and its log line
    }
    return new DependencyUnavailableException("The service lost its database connection; nothing was stored.", ex);
  }

  /**
   * A call to another service needs a client-credentials token, and the identity provider could not
   * be reached for one (restarting): as passing as the other service being down. A refused client
   * (wrong secret) is a configuration error and stays a 500.
   */
  @ExceptionHandler(OAuth2AuthorizationException.class)
  ErrorResponse handleNoServiceToken(OAuth2AuthorizationException ex) throws OAuth2AuthorizationException {
    if (!TOKEN_ENDPOINT_UNREACHABLE.equals(ex.getError().getErrorCode())) {
      throw ex;
    }
    return new DependencyUnavailableException("The shop's identity provider cannot be reached to authorize a call to another service.", ex);
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<InvalidField> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle("Invalid request");
    return ResponseEntity.status(status).body(InvalidField.on(problem, errors));
  }

  private static InvalidField error(FieldError error) {
    return new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage()));
  }

  private static String clientName(MethodParameter parameter) {
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && !header.name().isEmpty()) {
      return header.name();
    }
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    return parameter.getParameterName();
  }

  private static String fieldNames(List<InvalidField> errors) {
    return errors.stream().map(InvalidField::field).distinct().collect(Collectors.joining(", "));
  }

  private static String path(JsonMappingException mapping) {
    return mapping.getPath().stream()
        .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
