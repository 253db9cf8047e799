package io.sagashop.order;

import io.sagashop.testsupport.ServiceStartupContract;

class OrderServiceStartupTest extends ServiceStartupContract {

  @Override
  protected String ownedTable() {
    return "customer_order";
  }
}
