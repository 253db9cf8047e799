package io.sagashop.payment;

import io.sagashop.testsupport.ServiceStartupContract;

class PaymentServiceStartupTest extends ServiceStartupContract {

  @Override
  protected String ownedTable() {
    return "payment";
  }
}
