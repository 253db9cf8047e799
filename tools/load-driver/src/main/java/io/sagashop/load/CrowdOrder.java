package io.sagashop.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One order of the crowd: what its customer means to do, and what they saw on the way. */
final class CrowdOrder {

  private final String customerId;
  private final String productId;
  private final int quantity;
  private final Fate fate;
  private final boolean cancelsBeforeDepositRequest;
  private final List<String> surprises = Collections.synchronizedList(new ArrayList<>());
  private volatile String orderId;
  private volatile String lastStatus = "not placed";

  CrowdOrder(String customerId, String productId, int quantity, Fate fate, boolean cancelsBeforeDepositRequest) {
    this.customerId = customerId;
    this.productId = productId;
    this.quantity = quantity;
    this.fate = fate;
    this.cancelsBeforeDepositRequest = cancelsBeforeDepositRequest;
  }

  String customerId() {
    return customerId;
  }

  String productId() {
    return productId;
  }

  int quantity() {
    return quantity;
  }

  Fate fate() {
    return fate;
  }

  /** A cancelling customer who does not wait for the bank details (the saga may not even have started). */
  boolean cancelsBeforeDepositRequest() {
    return cancelsBeforeDepositRequest;
  }

  String orderId() {
    return orderId;
  }

  boolean isPlaced() {
    return orderId != null;
  }

  void placed(String id) {
    this.orderId = id;
  }

  String lastStatus() {
    return lastStatus;
  }

  void saw(String status) {
    this.lastStatus = status;
  }

  /** Something the shop answered that its API does not promise (a refused receipt, a step that never came ...). */
  void surprised(String what) {
    surprises.add(what);
  }

  List<String> surprises() {
    return List.copyOf(surprises);
  }

  @Override
  public String toString() {
    return "order " + (orderId == null ? "(not placed) of " + customerId : orderId) + " (" + fate + ", " + quantity + " x " + productId + ")";
  }
}
