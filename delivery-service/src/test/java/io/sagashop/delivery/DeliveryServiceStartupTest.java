package io.sagashop.delivery;

import io.sagashop.testsupport.ServiceStartupContract;

class DeliveryServiceStartupTest extends ServiceStartupContract {

  @Override
  protected String ownedTable() {
    return "delivery";
  }
}
