package io.sagashop.orchestrator.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.sagashop.orchestrator.cancellation.SagaCancellation.Outcome;
import io.sagashop.orchestrator.saga.SagaStarts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.EventSubscriptionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which failures of the cancellation's correlation count as a collision with the seller's
 * confirmation (decided again) and which are faults (thrown as they are).
 */
class SagaCancellationTest {

  private final RuntimeService runtime = mock(RuntimeService.class);
  private final HistoryService history = mock(HistoryService.class);
  private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
  private final EventSubscriptionQuery subscriptions = mock(EventSubscriptionQuery.class, RETURNS_SELF);
  private final HistoricVariableInstanceQuery cancellationReasons = mock(HistoricVariableInstanceQuery.class, RETURNS_SELF);
  private final EventSubscription paymentWindow = mock(EventSubscription.class);
  private final SagaCancellation cancellation = new SagaCancellation(runtime, history, mock(SagaStarts.class));
  private final UUID orderId = UUID.randomUUID();

  @BeforeEach
  void aSagaInItsPaymentWindow() {
    ProcessInstance saga = mock(ProcessInstance.class);
    when(saga.getId()).thenReturn("saga-1");
    ProcessInstanceQuery sagas = mock(ProcessInstanceQuery.class, RETURNS_SELF);
    when(sagas.list()).thenReturn(List.of(saga));
    when(runtime.createProcessInstanceQuery()).thenReturn(sagas);
    when(paymentWindow.getId()).thenReturn("subscription-1");
    when(runtime.createEventSubscriptionQuery()).thenReturn(subscriptions);
    when(runtime.createMessageCorrelation(any())).thenReturn(correlation);

    HistoricProcessInstance historic = mock(HistoricProcessInstance.class);
    when(historic.getId()).thenReturn("saga-1");
    HistoricProcessInstanceQuery historicSagas = mock(HistoricProcessInstanceQuery.class, RETURNS_SELF);
    when(historicSagas.count()).thenReturn(1L);
    when(historicSagas.list()).thenReturn(List.of(historic));
    when(history.createHistoricProcessInstanceQuery()).thenReturn(historicSagas);
    when(history.createHistoricVariableInstanceQuery()).thenReturn(cancellationReasons);
  }

  @Test
  void shouldDecideAgainWhenTheCorrelationFailedBecauseTheSellerClosedThePaymentWindowMeanwhile() {
    when(subscriptions.list()).thenReturn(List.of(paymentWindow), List.of());
    doThrow(new NullPointerException()).doThrow(new MismatchingMessageCorrelationException("no payment window"))
        .when(correlation).correlate();

    assertThat(cancellation.cancel(orderId, Map.of(), "changed my mind")).isEqualTo(Outcome.REFUSED);
    verify(correlation, times(2)).correlate();
  }

  @Test
  void shouldThrowAFailureWhileThePaymentWindowStaysOpenAsTheFaultItIs() {
    when(subscriptions.list()).thenReturn(List.of(paymentWindow));
    doThrow(new NullPointerException("a bug")).when(correlation).correlate();

    assertThatThrownBy(() -> cancellation.cancel(orderId, Map.of(), "changed my mind"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("a bug");
    verify(correlation, times(1)).correlate();
  }

  @Test
  void shouldDecideAgainAfterAnOptimisticLockingFailure() {
    when(subscriptions.list()).thenReturn(List.of(paymentWindow));
    doThrow(new OptimisticLockingException("the seller's confirmation won")).doNothing().when(correlation).correlate();

    assertThat(cancellation.cancel(orderId, Map.of(), "changed my mind")).isEqualTo(Outcome.ACCEPTED);
    verify(correlation, times(2)).correlate();
  }
}
