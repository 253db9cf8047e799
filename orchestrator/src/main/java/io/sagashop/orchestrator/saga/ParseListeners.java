package io.sagashop.orchestrator.saga;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds a listener to every process definition the engine parses: every deployed version, at each
 * start of the engine and each new deployment. The shop's engine plugins use it to mend or observe all
 * versions of the saga at once.
 */
final class ParseListeners {

  private ParseListeners() {}

  static void addAfterParsing(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener);
  }
}
