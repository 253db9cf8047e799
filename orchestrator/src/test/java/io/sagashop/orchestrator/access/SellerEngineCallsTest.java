package io.sagashop.orchestrator.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which calls below the engine's root are a seller's, and how a request's path is read on each mount. */
class SellerEngineCallsTest {

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "GET,  /task/8a2c4e61-0b7f-11f1-9a3e-02fc00000001,           true",
    "POST, /task/8a2c4e61-0b7f-11f1-9a3e-02fc00000001/complete,  true",
    "POST, /task/8a2c4e61-0b7f-11f1-9a3e-02fc00000001/bpmnError, false",
    "PUT,  /task/8a2c4e61-0b7f-11f1-9a3e-02fc00000001/variables/orderId, false",
    "POST, /task/8a2c4e61-0b7f-11f1-9a3e-02fc00000001/complete/, false",
    "GET,  /process-definition/order-saga:1:8a2c4e61,            true",
    // literal siblings of /{id}, which the engine routes to other calls
    "GET,  /process-definition/statistics,                       false",
    "GET,  /task/report,                                         false",
    "PUT,  /job/42/retries,                                      false",
    "GET,  /history/process-instance,                            false",
  })
  void shouldAdmitTheSellersCallsOnly(String method, String path, boolean admitted) {
    assertThat(SellerEngineCalls.admits(method, path)).isEqualTo(admitted);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/engine-rest/task/42/claim,                          /task/42/claim",
    "/engine-rest/engine/default/task/42/claim,           /task/42/claim",
    "/engine-rest/engine/other/task/42/bpmnError,         /task/42/bpmnError",
    "/camunda/api/engine/engine/default/task/42/claim,    /task/42/claim",
    "/camunda/api/engine/engine,                          /engine",
    "/engine-rest/engine,                                 /engine",
  })
  void shouldReadTheCallBelowTheEnginesRootOnEveryMount(String path, String call) {
    assertThat(new EngineApiGuard(null, new ObjectMapper(), "/camunda").belowEngineRoot(path)).hasValue(call);
  }
}
