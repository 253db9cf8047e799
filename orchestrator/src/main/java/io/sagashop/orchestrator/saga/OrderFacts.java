package io.sagashop.orchestrator.saga;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a step of the saga acts on: the order's id (the saga's business key) and the facts the saga
 * stored when it started (the started_order row). Never read from process variables, which anyone
 * allowed to work on a task, or an operator by mistake, can overwrite.
 */
public record OrderFacts(UUID orderId, String productId, int quantity, BigDecimal amount) {}
